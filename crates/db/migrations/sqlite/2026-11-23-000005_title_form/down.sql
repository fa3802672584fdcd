ALTER TABLE users DROP COLUMN grammatical_gender;
