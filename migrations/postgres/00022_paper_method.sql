-- The method, system or model a paper names ("MegaTrain", "4DGen"), which
-- leaderboards show as a row's name so two rows are never told apart by a
-- truncated title. '' when the paper names none. The extractor sets it on
-- ingest and re-extraction (extract.MethodName); method_source 'human' marks
-- a moderator's edit, which re-extraction leaves alone. A database migrated
-- from 00020 gets the methods on its next `claimboard reextract`.
-- +goose Up
ALTER TABLE papers ADD COLUMN method TEXT NOT NULL DEFAULT '';
ALTER TABLE papers ADD COLUMN method_source TEXT NOT NULL DEFAULT 'extractor'
    CHECK (method_source IN ('extractor', 'human'));

-- +goose Down
ALTER TABLE papers DROP COLUMN method_source;
ALTER TABLE papers DROP COLUMN method;
