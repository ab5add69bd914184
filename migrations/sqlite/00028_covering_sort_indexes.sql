-- PostgreSQL's sort indexes now carry the columns the common filters test
-- (its migration of the same number). SQLite reads a claim's row from the
-- same process's page cache, so a filtered walk costs far less there, and
-- its indexes stay as they are; this keeps the two folders' numbers in step.
-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
