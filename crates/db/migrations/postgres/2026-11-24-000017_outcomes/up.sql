-- Outcomes (issue 14). Which instruments a programme takes when.
CREATE TABLE measurement_moments (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    programme_id TEXT NOT NULL REFERENCES programmes(id),
    instrument_key TEXT NOT NULL,
    moment TEXT NOT NULL,
    respondent TEXT NOT NULL,
    UNIQUE (programme_id, instrument_key, moment, respondent)
);
CREATE INDEX measurement_moments_org ON measurement_moments(organisation_id, programme_id);

-- One taking of an instrument by (or, rated by staff, about) one
-- participant. Answers stay in `draft` (JSON) until it is complete, so she
-- can stop and come back. For an anonymous instrument this row only says
-- that she answered: her answers go to anonymous_answers, with nothing that
-- leads back to her, and the draft is emptied.
CREATE TABLE measurements (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    trajectory_id TEXT REFERENCES trajectories(id),
    programme_id TEXT REFERENCES programmes(id),
    instrument_key TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    moment TEXT NOT NULL,
    respondent TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    draft TEXT NOT NULL,
    taken_on DATE,
    entered_by TEXT REFERENCES users(id),
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- One per planned moment (a double tap or a second tablet cannot make two).
CREATE UNIQUE INDEX measurements_planned ON measurements(trajectory_id, instrument_key, moment, respondent) WHERE moment <> 'extra';
CREATE INDEX measurements_participant ON measurements(organisation_id, participant_id);
CREATE INDEX measurements_programme ON measurements(organisation_id, programme_id, instrument_key, moment, status);

-- Written once, when the measurement is handed in, with the facts the
-- figures select on copied from it: a programme's figures are then read
-- from one covering index, without a lookup per answer.
CREATE TABLE measurement_answers (
    measurement_id TEXT NOT NULL REFERENCES measurements(id),
    item_key TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    value_num BIGINT,
    value_text TEXT,
    participant_id TEXT NOT NULL REFERENCES participants(id),
    programme_id TEXT REFERENCES programmes(id),
    instrument_key TEXT NOT NULL,
    moment TEXT NOT NULL,
    respondent TEXT NOT NULL,
    taken_on DATE NOT NULL,
    PRIMARY KEY (measurement_id, item_key)
);
CREATE INDEX measurement_answers_figures ON measurement_answers(organisation_id, programme_id, instrument_key, respondent, moment, item_key, value_num, participant_id, taken_on);

-- Anonymous answers: a month, not a day or a time, and no participant,
-- link, kiosk run or measurement.
CREATE TABLE anonymous_responses (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    programme_id TEXT REFERENCES programmes(id),
    group_id TEXT REFERENCES groups(id),
    session_id TEXT REFERENCES group_sessions(id),
    instrument_key TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    moment TEXT NOT NULL,
    month TEXT NOT NULL
);
CREATE INDEX anonymous_responses_scope ON anonymous_responses(organisation_id, instrument_key, programme_id, month);

CREATE TABLE anonymous_answers (
    response_id TEXT NOT NULL REFERENCES anonymous_responses(id),
    item_key TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    value_num BIGINT,
    value_text TEXT,
    PRIMARY KEY (response_id, item_key)
);
CREATE INDEX anonymous_answers_org ON anonymous_answers(organisation_id);

-- A shared tablet in a session: a facilitator starts it, participants
-- answer one after another. Only the token's hash is kept.
CREATE TABLE kiosks (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    session_id TEXT NOT NULL REFERENCES group_sessions(id),
    instrument_key TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    moment TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    started_by TEXT NOT NULL REFERENCES users(id),
    started_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP
);
CREATE INDEX kiosks_org ON kiosks(organisation_id, session_id);

-- One person's turn at the tablet. Its answers (anonymous ones) stay only
-- until the turn ends.
CREATE TABLE kiosk_turns (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    kiosk_id TEXT NOT NULL REFERENCES kiosks(id),
    measurement_id TEXT REFERENCES measurements(id),
    draft TEXT NOT NULL,
    done BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX kiosk_turns_org ON kiosk_turns(organisation_id, kiosk_id);

-- Her words, with the scope she consented to.
CREATE TABLE testimonials (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT REFERENCES participants(id),
    programme_id TEXT REFERENCES programmes(id),
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    quote TEXT NOT NULL,
    language TEXT NOT NULL,
    scope TEXT NOT NULL,
    anonymised BOOLEAN NOT NULL,
    consent_on DATE NOT NULL,
    withdrawn_at TIMESTAMP,
    created_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX testimonials_org ON testimonials(organisation_id, programme_id);
CREATE INDEX testimonials_participant ON testimonials(organisation_id, participant_id);
