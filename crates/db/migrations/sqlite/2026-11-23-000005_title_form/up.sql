-- The form of a person's job title in French and German; see domain::model::GrammaticalGender.
ALTER TABLE users ADD COLUMN grammatical_gender TEXT NOT NULL DEFAULT 'neutral';
