-- PostgreSQL gets trigram indexes for free-text search in this version; SQLite
-- has no equivalent without FTS tables, so its search scans. The version exists
-- here too so both dialects keep the same numbers.
-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
