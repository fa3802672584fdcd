-- The network around her (issue 15, second part).

-- How long a referral may sit unchanged before her casemanager is asked to
-- follow it up; each organisation sets its own.
ALTER TABLE organisations ADD COLUMN referral_follow_up_days INTEGER NOT NULL DEFAULT 21;
-- Intervision rhythm per programme in weeks (Miriam: every six); none: no rhythm.
ALTER TABLE programmes ADD COLUMN intervision_weeks INTEGER;

-- Referrals to a partner, from a plan step or a journal entry.
CREATE TABLE referrals (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    partner_id TEXT NOT NULL REFERENCES partners(id),
    service TEXT NOT NULL,
    reason TEXT NOT NULL,
    plan_step_id TEXT,
    journal_entry_id TEXT,
    referred_on DATE NOT NULL,
    status TEXT NOT NULL,
    -- The day of the last status change: the follow-up counts from it.
    status_on DATE NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT NOT NULL,
    casemanager_id TEXT REFERENCES users(id),
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX referrals_participant ON referrals(organisation_id, participant_id);
CREATE INDEX referrals_open ON referrals(organisation_id, casemanager_id, status, status_on);

CREATE TABLE referral_events (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    referral_id TEXT NOT NULL REFERENCES referrals(id),
    status TEXT NOT NULL,
    happened_on DATE NOT NULL,
    recorded_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX referral_events_referral ON referral_events(organisation_id, referral_id);

-- Personal data shared with a partner, each time, under which consent.
CREATE TABLE data_shares (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    partner_id TEXT NOT NULL REFERENCES partners(id),
    referral_id TEXT REFERENCES referrals(id),
    consent_id TEXT NOT NULL REFERENCES consents(id),
    what TEXT NOT NULL,
    shared_on DATE NOT NULL,
    recorded_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX data_shares_participant ON data_shares(organisation_id, participant_id);

-- Signals of structural obstacles: no personal data; the participants
-- affected are linked inside the organisation only.
CREATE TABLE signals (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    category TEXT NOT NULL,
    domain TEXT NOT NULL,
    concerns TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    noted_on DATE NOT NULL,
    raised_with TEXT NOT NULL,
    raised_on DATE,
    answer TEXT NOT NULL,
    answered_on DATE,
    resolved_on DATE,
    affected INTEGER NOT NULL,
    recorded_by TEXT REFERENCES users(id),
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX signals_org ON signals(organisation_id, noted_on);
CREATE INDEX signals_pooled ON signals(category, domain);

CREATE TABLE signal_participants (
    signal_id TEXT NOT NULL REFERENCES signals(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (signal_id, participant_id)
);
CREATE INDEX signal_participants_org ON signal_participants(organisation_id, participant_id);

-- Team, steering and partner meetings.
CREATE TABLE meetings (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    held_on DATE NOT NULL,
    title TEXT NOT NULL,
    agenda TEXT NOT NULL,
    -- A team meeting reviewing one group's participants.
    group_id TEXT REFERENCES groups(id),
    created_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX meetings_org ON meetings(organisation_id, held_on);

CREATE TABLE meeting_attendees (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    user_id TEXT REFERENCES users(id),
    partner_id TEXT REFERENCES partners(id),
    name TEXT NOT NULL
);
CREATE INDEX meeting_attendees_meeting ON meeting_attendees(organisation_id, meeting_id);

CREATE TABLE meeting_decisions (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    decision TEXT NOT NULL,
    owner_id TEXT REFERENCES users(id),
    due_on DATE,
    done_on DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions(organisation_id, meeting_id);
CREATE INDEX meeting_decisions_owner ON meeting_decisions(organisation_id, owner_id, done_on);

-- A team meeting's note on one participant, filed in her journal.
CREATE TABLE meeting_reviews (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    journal_entry_id TEXT NOT NULL REFERENCES journal_entries(id),
    PRIMARY KEY (meeting_id, participant_id)
);
CREATE INDEX meeting_reviews_org ON meeting_reviews(organisation_id, participant_id);

-- Intervision, supervision and training, per staff member.
CREATE TABLE learning_log (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    held_on DATE NOT NULL,
    minutes INTEGER NOT NULL,
    topic TEXT NOT NULL,
    with_whom TEXT NOT NULL,
    recorded_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX learning_log_user ON learning_log(organisation_id, user_id, kind, held_on);

-- Membership of an aftercare chat group (run outside traject), recorded
-- with her consent to be contacted that way.
CREATE TABLE aftercare_chats (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    chat TEXT NOT NULL,
    consent_id TEXT NOT NULL REFERENCES consents(id),
    joined_on DATE NOT NULL,
    left_on DATE,
    recorded_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX aftercare_chats_participant ON aftercare_chats(organisation_id, participant_id);
