DROP TABLE partner_notes;
DROP TABLE partner_contacts;
DROP TABLE partner_languages;
DROP TABLE partner_domains;
DROP TABLE partners;
