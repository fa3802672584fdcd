-- Practices are edited by several people: a version detects an edit made
-- on a stale form.
ALTER TABLE practices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
