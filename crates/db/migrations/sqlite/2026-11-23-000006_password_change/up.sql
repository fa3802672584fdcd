-- Set when an administrator gives a temporary password: the person must choose
-- her own before anything else.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
