ALTER TABLE programmes DROP COLUMN version;
