DROP INDEX audit_log_action;
DROP INDEX audit_log_subject_action;
CREATE INDEX audit_log_subject ON audit_log(organisation_id, subject_type, subject_id);
CREATE INDEX audit_log_action_subject ON audit_log(organisation_id, action, subject_id);
