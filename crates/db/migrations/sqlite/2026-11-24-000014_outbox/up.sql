-- Messages to participants and staff leave through an outbox: a row written
-- in the same transaction as the change that caused it, sent by a worker with
-- retries. `facts` holds what the text is made of (first name, day, time,
-- place, childcare; never anything from the file beyond that); `body` is the
-- text as it was sent, in the recipient's language.
CREATE TABLE messages (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT REFERENCES participants(id),
    user_id TEXT REFERENCES users(id),
    session_id TEXT REFERENCES group_sessions(id),
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    address TEXT NOT NULL,
    facts TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    due_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    last_error TEXT NOT NULL DEFAULT '',
    provider_id TEXT,
    dedupe_key TEXT NOT NULL UNIQUE,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX messages_due ON messages(status, next_attempt_at);
CREATE INDEX messages_participant ON messages(organisation_id, participant_id, due_at);
CREATE INDEX messages_session ON messages(organisation_id, session_id);
CREATE INDEX messages_provider ON messages(provider_id);

-- When reminders go out: offsets before a session ("1d@10:00": the day
-- before at 10:00; "2h": two hours before), and the night when none does.
ALTER TABLE organisations ADD COLUMN reminder_offsets TEXT NOT NULL DEFAULT '1d@10:00,2h';
ALTER TABLE organisations ADD COLUMN quiet_from TIME NOT NULL DEFAULT '21:00:00';
ALTER TABLE organisations ADD COLUMN quiet_until TIME NOT NULL DEFAULT '08:00:00';
