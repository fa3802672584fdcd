DROP INDEX measurement_answers_participant;
DROP TABLE costs;
DROP TABLE allocation_keys;
DROP TABLE budget_lines;
DROP TABLE budgets;
ALTER TABLE organisations DROP COLUMN region;
ALTER TABLE programmes DROP COLUMN pooled;
