-- The social map (issue 15): partners by life domain, with how to refer
-- and the last known waiting time. A partner belongs to the organisation
-- that keeps it; `shared` offers it to the other organisations on the
-- instance (one map for a city), each keeping its own notes.
CREATE TABLE partners (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    service TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    accessibility TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    how_to_refer TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    website TEXT,
    waiting_days INTEGER,
    waiting_known_on DATE,
    verified_on DATE,
    shared BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX partners_org ON partners(organisation_id, active);
CREATE INDEX partners_shared ON partners(shared, active);

-- Searched by domain and language: one row each, indexed for the search.
CREATE TABLE partner_domains (
    partner_id TEXT NOT NULL REFERENCES partners(id),
    domain TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (partner_id, domain)
);
CREATE INDEX partner_domains_search ON partner_domains(domain, partner_id);

CREATE TABLE partner_languages (
    partner_id TEXT NOT NULL REFERENCES partners(id),
    language TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (partner_id, language)
);
CREATE INDEX partner_languages_search ON partner_languages(language, partner_id);

CREATE TABLE partner_contacts (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    partner_id TEXT NOT NULL REFERENCES partners(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    phone TEXT,
    email TEXT
);
CREATE INDEX partner_contacts_partner ON partner_contacts(organisation_id, partner_id);

-- Each organisation's own notes on a partner (also on a shared one).
CREATE TABLE partner_notes (
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    partner_id TEXT NOT NULL REFERENCES partners(id),
    note TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, partner_id)
);
