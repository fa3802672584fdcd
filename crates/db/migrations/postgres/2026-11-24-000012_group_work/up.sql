-- Group work: groups within programmes, members with a waiting list, sessions
-- planned around the organisation's school calendar, attendance taken on a
-- phone (idempotent marks), and a bank of practices. Every table carries
-- organisation_id, indexed, like the rest of an organisation's data.

ALTER TABLE organisations ADD COLUMN community TEXT NOT NULL DEFAULT 'flemish';
ALTER TABLE organisations ADD COLUMN school_day_start TIME NOT NULL DEFAULT '09:00:00';
ALTER TABLE organisations ADD COLUMN school_day_end TIME NOT NULL DEFAULT '15:00:00';
ALTER TABLE organisations ADD COLUMN wednesday_end TIME NOT NULL DEFAULT '12:00:00';
ALTER TABLE children ADD COLUMN care_notes TEXT NOT NULL DEFAULT '';

-- School years imported by an administrator, for the whole instance; an
-- imported year replaces a shipped one with the same label.
CREATE TABLE school_years (
    community TEXT NOT NULL,
    school_year TEXT NOT NULL,
    first_day DATE NOT NULL,
    periods TEXT NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    PRIMARY KEY (community, school_year)
);

CREATE TABLE groups (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    programme_id TEXT NOT NULL REFERENCES programmes(id),
    kind TEXT NOT NULL,
    parent_id TEXT REFERENCES groups(id),
    name TEXT NOT NULL,
    languages TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT '',
    room_id TEXT REFERENCES rooms(id),
    min_size INTEGER NOT NULL,
    max_size INTEGER NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX groups_organisation ON groups(organisation_id, programme_id);

CREATE TABLE group_facilitators (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    group_id TEXT NOT NULL REFERENCES groups(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_facilitators_user ON group_facilitators(organisation_id, user_id);

-- status: member (joined_on set) or waiting (in order of waiting_since).
CREATE TABLE group_members (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    group_id TEXT NOT NULL REFERENCES groups(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    status TEXT NOT NULL,
    waiting_since TIMESTAMP NOT NULL,
    joined_on DATE,
    left_on DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX group_members_group ON group_members(organisation_id, group_id, status);
CREATE INDEX group_members_participant ON group_members(organisation_id, participant_id);

CREATE TABLE practices (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    life_domain TEXT,
    method TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '',
    minutes INTEGER,
    language_notes TEXT NOT NULL DEFAULT '',
    shared BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX practices_organisation ON practices(organisation_id);
CREATE INDEX practices_shared ON practices(shared);

CREATE TABLE group_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    group_id TEXT NOT NULL REFERENCES groups(id),
    series_id TEXT,
    held_on DATE NOT NULL,
    starts_at TIME NOT NULL,
    ends_at TIME NOT NULL,
    room_id TEXT REFERENCES rooms(id),
    kind TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    practice_id TEXT REFERENCES practices(id),
    guest_partner TEXT NOT NULL DEFAULT '',
    interpreter_needed BOOLEAN NOT NULL DEFAULT FALSE,
    notes TEXT NOT NULL DEFAULT '',
    cancelled BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX group_sessions_group ON group_sessions(organisation_id, group_id, held_on);
CREATE INDEX group_sessions_day ON group_sessions(organisation_id, held_on);

CREATE TABLE session_facilitators (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    session_id TEXT NOT NULL REFERENCES group_sessions(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX session_facilitators_user ON session_facilitators(organisation_id, user_id);

-- The current mark of each member at each session. marked_at is when the
-- mark was made (on the phone, maybe offline): a mark older than the one
-- stored does not replace it.
CREATE TABLE attendance (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    session_id TEXT NOT NULL REFERENCES group_sessions(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    mark TEXT NOT NULL,
    reason TEXT,
    marked_by TEXT REFERENCES users(id),
    marked_at TIMESTAMP NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX attendance_participant ON attendance(organisation_id, participant_id);

-- Every idempotency key ever applied: a replayed mark changes nothing.
CREATE TABLE attendance_keys (
    idempotency_key TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    session_id TEXT NOT NULL REFERENCES group_sessions(id),
    received_at TIMESTAMP NOT NULL
);
CREATE INDEX attendance_keys_session ON attendance_keys(organisation_id, session_id);
