-- Core records. Every table holding an organisation's data carries organisation_id;
-- child tables reference their parent through (organisation_id, id), so a row can
-- never point into another organisation, and PostgreSQL can later shard on it.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    default_language TEXT NOT NULL,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE sites (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, id)
);
CREATE INDEX sites_organisation_id ON sites(organisation_id);

CREATE TABLE rooms (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    site_id TEXT NOT NULL,
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    step_free BOOLEAN NOT NULL,
    lift BOOLEAN NOT NULL,
    pram_space BOOLEAN NOT NULL,
    childcare_room BOOLEAN NOT NULL,
    quiet_room BOOLEAN NOT NULL,
    transport_note TEXT,
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, site_id) REFERENCES sites(organisation_id, id)
);
CREATE INDEX rooms_organisation_id ON rooms(organisation_id, site_id);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    username TEXT UNIQUE,
    display_name TEXT NOT NULL,
    preferred_language TEXT,
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, user_id)
);
CREATE INDEX memberships_user_id ON memberships(user_id);

CREATE TABLE programmes (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL,
    group_capacity INTEGER NOT NULL CHECK (group_capacity > 0),
    session_rhythm TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, id)
);
CREATE INDEX programmes_organisation_id ON programmes(organisation_id);

CREATE TABLE programme_phases (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    programme_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes(organisation_id, id),
    UNIQUE (programme_id, position)
);
CREATE INDEX programme_phases_organisation_id ON programme_phases(organisation_id, programme_id);

CREATE TABLE participants (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    birth_date DATE,
    language TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, id)
);
CREATE INDEX participants_organisation_id ON participants(organisation_id, last_name);

CREATE TABLE children (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL,
    first_name TEXT NOT NULL,
    birth_date DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id)
);
CREATE INDEX children_organisation_id ON children(organisation_id, participant_id);

CREATE TABLE trajectories (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL,
    programme_id TEXT NOT NULL,
    casemanager_id TEXT REFERENCES users(id),
    status TEXT NOT NULL,
    referred_on DATE NOT NULL,
    started_on DATE,
    ended_on DATE,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id),
    FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes(organisation_id, id),
    CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX trajectories_organisation_id ON trajectories(organisation_id, programme_id);
CREATE INDEX trajectories_participant_id ON trajectories(organisation_id, participant_id);
CREATE INDEX trajectories_casemanager_id ON trajectories(casemanager_id);
