-- A file shows every break-the-glass on it: find those entries through an
-- index that holds only what the query asks, so the cost does not grow with
-- the trail (the subject index would scan every read of the file).
CREATE INDEX audit_log_action_subject ON audit_log(organisation_id, action, subject_id);
