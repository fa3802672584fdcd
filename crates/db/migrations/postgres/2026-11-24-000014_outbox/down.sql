DROP TABLE messages;
ALTER TABLE organisations DROP COLUMN reminder_offsets;
ALTER TABLE organisations DROP COLUMN quiet_from;
ALTER TABLE organisations DROP COLUMN quiet_until;
