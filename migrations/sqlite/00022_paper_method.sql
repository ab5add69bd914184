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

-- A moderator's edit of a paper's method and tasks, with what they were
-- before and after (JSON: {"method": ..., "tasks": [...]}), shown in the
-- paper's history like claim_revisions are in a claim's.
CREATE TABLE paper_revisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id     INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    moderator_id INTEGER REFERENCES moderators (id) ON DELETE SET NULL,
    before_state TEXT NOT NULL DEFAULT '{}',
    after_state  TEXT NOT NULL DEFAULT '{}',
    note         TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX paper_revisions_paper_idx ON paper_revisions (paper_id, id);

-- +goose Down
DROP TABLE paper_revisions;
ALTER TABLE papers DROP COLUMN method_source;
ALTER TABLE papers DROP COLUMN method;
