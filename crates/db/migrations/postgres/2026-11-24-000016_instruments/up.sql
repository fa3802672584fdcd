-- An organisation's own questionnaires, as data (the shape of
-- `domain::instruments::Instrument`, stored as JSON), one row per version:
-- a new version never changes an old one, so old answers stay readable.
-- traject's built-in instruments live in the code, not here.
CREATE TABLE instruments (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    instrument_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    shared BOOLEAN NOT NULL DEFAULT FALSE,
    created_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, instrument_key, version)
);
CREATE INDEX instruments_shared ON instruments(shared, instrument_key);
