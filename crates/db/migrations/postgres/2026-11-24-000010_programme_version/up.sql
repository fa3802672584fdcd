-- Programmes are adapted by people: a version guards against silent overwrites.
ALTER TABLE programmes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
