-- Journal entries of a participant's file. The contact journal itself (entry
-- forms, kinds of contact) is a later capability; access rules need it now:
-- confidential entries are for the assigned casemanager, or a coordinator who
-- breaks the glass.
CREATE TABLE journal_entries (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    participant_id TEXT NOT NULL,
    author_id TEXT REFERENCES users(id),
    confidential BOOLEAN NOT NULL,
    body TEXT NOT NULL,
    written_on DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (organisation_id, participant_id) REFERENCES participants(organisation_id, id)
);
CREATE INDEX journal_entries_participant ON journal_entries(organisation_id, participant_id);
