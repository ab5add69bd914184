-- Free-text search ("q") matches anywhere inside words, which no b-tree can
-- serve; trigram GIN indexes let PostgreSQL answer it without reading every
-- claim. pg_trgm ships with PostgreSQL and is a trusted extension, but where
-- it cannot be created search still works, only slower: the migration must
-- not block a deployment over an index.
-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX claims_subject_trgm_idx ON claims USING gin (lower(subject) gin_trgm_ops);
    CREATE INDEX claims_baseline_trgm_idx ON claims USING gin (lower(baseline) gin_trgm_ops);
    CREATE INDEX claims_evidence_trgm_idx ON claims USING gin (lower(evidence) gin_trgm_ops);
    CREATE INDEX papers_title_trgm_idx ON papers USING gin (lower(title) gin_trgm_ops);
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm unavailable (%); text search will scan', SQLERRM;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP INDEX IF EXISTS papers_title_trgm_idx;
DROP INDEX IF EXISTS claims_evidence_trgm_idx;
DROP INDEX IF EXISTS claims_baseline_trgm_idx;
DROP INDEX IF EXISTS claims_subject_trgm_idx;
