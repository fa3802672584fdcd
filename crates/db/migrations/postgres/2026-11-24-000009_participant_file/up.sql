-- The participant file (issue: intake, eligibility, trajectories, plan, journal).
-- Facts shown to everyone who may open the file live on participants; the
-- sensitive ones (national number, residence status, special-category ESF+
-- answers, vulnerability notes) in participant_sensitive, which lists and
-- facilitators never read.

ALTER TABLE participants ADD COLUMN other_names TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN gender TEXT NOT NULL DEFAULT 'not_given';
ALTER TABLE participants ADD COLUMN grammatical_gender TEXT;
ALTER TABLE participants ADD COLUMN reading_level TEXT;
ALTER TABLE participants ADD COLUMN nationality TEXT;
ALTER TABLE participants ADD COLUMN phone TEXT;
ALTER TABLE participants ADD COLUMN email TEXT;
ALTER TABLE participants ADD COLUMN channel TEXT NOT NULL DEFAULT 'none';
ALTER TABLE participants ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN municipality TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN income TEXT;
ALTER TABLE participants ADD COLUMN referral_source TEXT;
ALTER TABLE participants ADD COLUMN referral_detail TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN heard_via TEXT;
ALTER TABLE participants ADD COLUMN labour_status TEXT;
ALTER TABLE participants ADD COLUMN education TEXT;
ALTER TABLE participants ADD COLUMN partner_in_household BOOLEAN;
ALTER TABLE participants ADD COLUMN in_article_60 BOOLEAN;
ALTER TABLE participants ADD COLUMN small_social_network BOOLEAN;
ALTER TABLE organisations ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX participants_phone ON participants(organisation_id, phone);
CREATE INDEX participants_email ON participants(organisation_id, email);

CREATE TABLE participant_sensitive (
    participant_id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    national_number TEXT,
    residence_status TEXT,
    disability TEXT,
    disability_asked_on DATE,
    minority TEXT,
    minority_asked_on DATE,
    foreign_background BOOLEAN,
    homeless BOOLEAN,
    vulnerability_note TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id)
);
CREATE INDEX participant_sensitive_national_number ON participant_sensitive(organisation_id, national_number);

-- Phonetic keys of every spelling of her names, for duplicates and search.
CREATE TABLE participant_name_keys (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL,
    name_key TEXT NOT NULL,
    PRIMARY KEY (organisation_id, name_key, participant_id),
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id)
);
CREATE INDEX participant_name_keys_participant ON participant_name_keys(organisation_id, participant_id);

CREATE TABLE participant_languages (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL,
    language TEXT NOT NULL,
    level TEXT NOT NULL,
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id),
    UNIQUE (participant_id, language)
);
CREATE INDEX participant_languages_participant ON participant_languages(organisation_id, participant_id);

CREATE TABLE household_adults (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL,
    first_name TEXT NOT NULL,
    relation TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id)
);
CREATE INDEX household_adults_participant ON household_adults(organisation_id, participant_id);

CREATE TABLE consents (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    partner_name TEXT NOT NULL DEFAULT '',
    given_on DATE NOT NULL,
    withdrawn_on DATE,
    recorded_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id),
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
);
CREATE INDEX consents_participant ON consents(organisation_id, participant_id);

-- Programmes as configuration.
ALTER TABLE programmes ADD COLUMN min_group_size INTEGER NOT NULL DEFAULT 1;
ALTER TABLE programmes ADD COLUMN session_minutes INTEGER NOT NULL DEFAULT 180;
ALTER TABLE programmes ADD COLUMN duration_months INTEGER NOT NULL DEFAULT 12;
ALTER TABLE programmes ADD COLUMN eligibility TEXT NOT NULL DEFAULT '[]';
ALTER TABLE programmes ADD COLUMN life_domains TEXT NOT NULL DEFAULT '';
ALTER TABLE programmes ADD COLUMN funders TEXT NOT NULL DEFAULT '';
ALTER TABLE programmes ADD COLUMN report_strands TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_phases ADD COLUMN typical_weeks INTEGER NOT NULL DEFAULT 8;

-- The lifecycle. Child tables reference a trajectory through (organisation_id, id).
CREATE UNIQUE INDEX trajectories_organisation_id_id ON trajectories(organisation_id, id);
UPDATE trajectories SET status = 'stopped' WHERE status = 'dropped_out';
ALTER TABLE trajectories ADD COLUMN phase INTEGER;
ALTER TABLE trajectories ADD COLUMN stop_reason TEXT;
ALTER TABLE trajectories ADD COLUMN success BOOLEAN;
ALTER TABLE trajectories ADD COLUMN waiting_since TIMESTAMP;
ALTER TABLE trajectories ADD COLUMN assigned_at TIMESTAMP;
ALTER TABLE trajectories ADD COLUMN seen_by_casemanager BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX trajectories_status ON trajectories(organisation_id, status);

CREATE TABLE trajectory_events (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    trajectory_id TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    phase INTEGER,
    detail TEXT NOT NULL DEFAULT '',
    happened_on DATE NOT NULL,
    author_id TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, trajectory_id) REFERENCES trajectories(organisation_id, id)
);
CREATE INDEX trajectory_events_trajectory ON trajectory_events(organisation_id, trajectory_id);

CREATE TABLE intakes (
    trajectory_id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    motivation TEXT NOT NULL DEFAULT '',
    request_for_help TEXT NOT NULL DEFAULT '',
    strengths TEXT NOT NULL DEFAULT '',
    dreams TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    eligibility TEXT NOT NULL DEFAULT '',
    outcome TEXT,
    referred_to TEXT NOT NULL DEFAULT '',
    decline_reason TEXT NOT NULL DEFAULT '',
    override_justification TEXT NOT NULL DEFAULT '',
    decided_on DATE,
    decided_by TEXT REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, trajectory_id) REFERENCES trajectories(organisation_id, id)
);

-- The guidance plan (GPMI/PIIS content).
CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    trajectory_id TEXT NOT NULL,
    is_gpmi BOOLEAN NOT NULL,
    needs_assessment TEXT NOT NULL DEFAULT '',
    offered_on DATE,
    signed_on DATE,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    rhythm_months INTEGER NOT NULL DEFAULT 4,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, trajectory_id) REFERENCES trajectories(organisation_id, id),
    UNIQUE (organisation_id, id),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX plans_trajectory ON plans(organisation_id, trajectory_id);

CREATE TABLE plan_goals (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    plan_id TEXT NOT NULL,
    domain TEXT NOT NULL,
    wording TEXT NOT NULL,
    position INTEGER NOT NULL,
    FOREIGN KEY (organisation_id, plan_id) REFERENCES plans(organisation_id, id),
    UNIQUE (organisation_id, id)
);
CREATE INDEX plan_goals_plan ON plan_goals(organisation_id, plan_id);

CREATE TABLE plan_commitments (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    plan_id TEXT NOT NULL,
    party TEXT NOT NULL,
    party_name TEXT NOT NULL DEFAULT '',
    wording TEXT NOT NULL,
    FOREIGN KEY (organisation_id, plan_id) REFERENCES plans(organisation_id, id)
);
CREATE INDEX plan_commitments_plan ON plan_commitments(organisation_id, plan_id);

CREATE TABLE plan_steps (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    plan_id TEXT NOT NULL,
    goal_id TEXT,
    owner TEXT NOT NULL,
    assignee_id TEXT REFERENCES users(id),
    partner_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    due_on DATE,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, plan_id) REFERENCES plans(organisation_id, id)
);
CREATE INDEX plan_steps_plan ON plan_steps(organisation_id, plan_id);
CREATE INDEX plan_steps_assignee ON plan_steps(organisation_id, assignee_id, status);

CREATE TABLE plan_evaluations (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    plan_id TEXT NOT NULL,
    held_on DATE NOT NULL,
    in_person BOOLEAN NOT NULL,
    progress TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    author_id TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, plan_id) REFERENCES plans(organisation_id, id)
);
CREATE INDEX plan_evaluations_plan ON plan_evaluations(organisation_id, plan_id, held_on);

-- The contact journal.
ALTER TABLE journal_entries ADD COLUMN duration_minutes INTEGER;
ALTER TABLE journal_entries ADD COLUMN mode TEXT NOT NULL DEFAULT 'office';
ALTER TABLE journal_entries ADD COLUMN domains TEXT NOT NULL DEFAULT '';
ALTER TABLE journal_entries ADD COLUMN interpreter BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE journal_entries ADD COLUMN mediator BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE journal_entries ADD COLUMN next_contact_on DATE;

-- A child's birth date may be unknown (a data problem to fix, not a refusal).
ALTER TABLE children ALTER COLUMN birth_date DROP NOT NULL;
