-- Indicator sets an organisation adds when a funder changes its annex
-- (issue 16): the set's JSON as checked on upload; a newer version of a
-- built-in set's key replaces it for that organisation.
CREATE TABLE indicator_sets (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    added_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX indicator_sets_key ON indicator_sets(organisation_id, key, version);
