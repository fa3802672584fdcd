DROP INDEX trajectories_status;
CREATE INDEX trajectories_status ON trajectories(organisation_id, status);
