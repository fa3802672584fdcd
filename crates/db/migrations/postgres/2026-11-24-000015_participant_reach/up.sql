-- Personal links: a participant's own page (expiring) and calendar feeds for
-- a participant or a staff member. Only the token's SHA-256 is stored; the
-- token itself is shown once (printed as a QR code or sent by message).
CREATE TABLE access_links (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    participant_id TEXT REFERENCES participants(id),
    user_id TEXT REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP,
    last_used_at TIMESTAMP
);
CREATE INDEX access_links_participant ON access_links(organisation_id, participant_id);
CREATE INDEX access_links_user ON access_links(organisation_id, user_id);

-- Texts in further languages (Arabic, Tigrinya, ...) that an administrator
-- adds: the messages and the participant's page, per organisation.
CREATE TABLE custom_texts (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    language TEXT NOT NULL,
    text_key TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_by TEXT REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, language, text_key)
);

-- The language of her messages and page when it is not one of the four
-- (a code such as "ar" or "ti"); none: her preferred language.
ALTER TABLE participants ADD COLUMN message_language TEXT;

-- The staff member's daily digest, per organisation she works in.
ALTER TABLE memberships ADD COLUMN digest BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE organisations ADD COLUMN digest_at TIME NOT NULL DEFAULT '07:30:00';
