DROP TABLE indicator_sets;
