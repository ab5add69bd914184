-- +goose Up
-- Where each paper came from and when its current version was ingested, plus
-- what the sources tell beyond title and abstract.
ALTER TABLE papers ADD COLUMN source_name      TEXT NOT NULL DEFAULT '';
ALTER TABLE papers ADD COLUMN source_file      TEXT NOT NULL DEFAULT '';
ALTER TABLE papers ADD COLUMN ingested_at      DATETIME;
ALTER TABLE papers ADD COLUMN arxiv_version    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE papers ADD COLUMN primary_category TEXT NOT NULL DEFAULT '';
ALTER TABLE papers ADD COLUMN project_url      TEXT NOT NULL DEFAULT '';
UPDATE papers SET ingested_at = created_at;

-- +goose Down
ALTER TABLE papers DROP COLUMN project_url;
ALTER TABLE papers DROP COLUMN primary_category;
ALTER TABLE papers DROP COLUMN arxiv_version;
ALTER TABLE papers DROP COLUMN ingested_at;
ALTER TABLE papers DROP COLUMN source_file;
ALTER TABLE papers DROP COLUMN source_name;
