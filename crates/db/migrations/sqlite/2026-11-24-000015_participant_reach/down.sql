DROP TABLE access_links;
DROP TABLE custom_texts;
ALTER TABLE participants DROP COLUMN message_language;
ALTER TABLE memberships DROP COLUMN digest;
ALTER TABLE organisations DROP COLUMN digest_at;
