-- Every audited read inserts into each index of the trail. An index whose
-- key starts with a random subject dirties a random page of a large tree per
-- entry; two of them doubled that cost. One index by subject, then action,
-- serves both a subject's history and the file's break-the-glass entries;
-- browsing by action is served by (action, seq), where new entries append.
DROP INDEX audit_log_subject;
DROP INDEX audit_log_action_subject;
CREATE INDEX audit_log_subject_action ON audit_log(organisation_id, subject_id, action);
CREATE INDEX audit_log_action ON audit_log(organisation_id, action, seq);
