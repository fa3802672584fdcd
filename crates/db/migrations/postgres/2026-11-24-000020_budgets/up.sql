-- Budgets, costs and allocation keys; opt-in pooling (issue 16).

-- An organisation shares a programme's anonymised figures with federal
-- analysts only when it opts in, programme by programme.
ALTER TABLE programmes ADD COLUMN pooled BOOLEAN NOT NULL DEFAULT FALSE;
-- The region analysts compare by (flanders, brussels, wallonia).
ALTER TABLE organisations ADD COLUMN region TEXT;

-- A programme's budget for one calendar year.
CREATE TABLE budgets (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    programme_id TEXT NOT NULL REFERENCES programmes(id),
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX budgets_programme_year ON budgets(organisation_id, programme_id, year);

CREATE TABLE budget_lines (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    budget_id TEXT NOT NULL REFERENCES budgets(id),
    line TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    PRIMARY KEY (budget_id, line)
);
CREATE INDEX budget_lines_organisation ON budget_lines(organisation_id);

-- A funder's key: for the whole budget (line '') or for one line.
CREATE TABLE allocation_keys (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    budget_id TEXT NOT NULL REFERENCES budgets(id),
    funder TEXT NOT NULL,
    line TEXT NOT NULL,
    kind TEXT NOT NULL,
    basis_points INTEGER NOT NULL,
    PRIMARY KEY (budget_id, funder, line)
);
CREATE INDEX allocation_keys_organisation ON allocation_keys(organisation_id);

-- Actual costs, entered or imported from the accounting system's CSV; an
-- imported row carries a key so that importing the file again adds nothing.
CREATE TABLE costs (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    programme_id TEXT NOT NULL REFERENCES programmes(id),
    booked_on DATE NOT NULL,
    line TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    description TEXT NOT NULL,
    import_key TEXT,
    recorded_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX costs_programme ON costs(organisation_id, programme_id, booked_on);
CREATE UNIQUE INDEX costs_import ON costs(organisation_id, import_key);

-- Reports read a participant's measurements (language levels, life
-- domains, the situation on leaving) by participant.
CREATE INDEX measurement_answers_participant ON measurement_answers(organisation_id, participant_id, instrument_key, taken_on);
