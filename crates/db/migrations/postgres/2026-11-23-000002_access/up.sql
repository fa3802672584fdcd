-- Staff access: second factor, lockout, sessions, API tokens, audit trail.

ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN first_failed_at TIMESTAMP;
ALTER TABLE users ADD COLUMN locked_until TIMESTAMP;
ALTER TABLE users ADD COLUMN is_analyst BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN require_totp BOOLEAN NOT NULL DEFAULT FALSE;

-- Sessions belong to a person, not a tenant: organisation_id is the one she is
-- working in (NULL for an analyst). The id is the SHA-256 of the cookie value.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    organisation_id TEXT REFERENCES organisations(id),
    csrf_token TEXT NOT NULL,
    second_factor_pending BOOLEAN NOT NULL,
    ip TEXT,
    user_agent TEXT,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user_id ON sessions(user_id);
CREATE INDEX sessions_organisation_id ON sessions(organisation_id);

CREATE TABLE recovery_codes (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_user_id ON recovery_codes(user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX api_tokens_organisation_id ON api_tokens(organisation_id, user_id);

-- One hash chain per organisation (and one "global" chain for events without
-- one, such as a failed login for an unknown account).
CREATE TABLE audit_chains (
    chain TEXT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);
INSERT INTO audit_chains (chain, seq, head_hash) VALUES ('global', 0, '');
INSERT INTO audit_chains (chain, seq, head_hash) SELECT id, 0, '' FROM organisations;

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    chain TEXT NOT NULL REFERENCES audit_chains(chain),
    seq BIGINT NOT NULL,
    organisation_id TEXT REFERENCES organisations(id),
    actor_user_id TEXT REFERENCES users(id),
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    subject_type TEXT,
    subject_id TEXT,
    detail TEXT NOT NULL,
    outcome TEXT NOT NULL,
    ip TEXT,
    at TIMESTAMP NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (chain, seq)
);
CREATE INDEX audit_log_organisation_at ON audit_log(organisation_id, at);
CREATE INDEX audit_log_subject ON audit_log(organisation_id, subject_type, subject_id);
CREATE INDEX audit_log_actor ON audit_log(actor_user_id, at);

-- Append-only: the application never changes or removes an audit entry.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
