-- The last time step whose code was accepted: a code works once.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
