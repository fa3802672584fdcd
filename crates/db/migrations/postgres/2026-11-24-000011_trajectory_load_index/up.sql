-- Casemanager loads (open trajectories per casemanager) are counted on every
-- file a coordinator opens: the casemanager in the index answers them from
-- the index alone, without visiting the trajectories themselves.
DROP INDEX trajectories_status;
CREATE INDEX trajectories_status ON trajectories(organisation_id, status, casemanager_id);
