ALTER TABLE practices DROP COLUMN version;
