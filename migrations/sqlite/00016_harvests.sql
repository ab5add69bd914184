-- Harvests from the arXiv API: one row per search query, holding the offset of
-- the next entry to fetch. The page's papers and the new offset are written in
-- one transaction, so a run killed at any moment resumes exactly where the
-- database says it stopped: no entry twice, none skipped. sync_status is what
-- the server's background sync last did, shown on /status by every process.
-- +goose Up
CREATE TABLE harvests (
    query       TEXT PRIMARY KEY,
    next_start  INTEGER NOT NULL DEFAULT 0 CHECK (next_start >= 0),
    total       INTEGER NOT NULL DEFAULT 0,
    entries     INTEGER NOT NULL DEFAULT 0,
    -- when the last request was sent, so a run started right after another
    -- (or after one was killed) still keeps its distance from it
    last_request_at DATETIME,
    started_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE sync_status (
    source         TEXT PRIMARY KEY,
    last_started   DATETIME,
    last_finished  DATETIME,
    papers_added   INTEGER NOT NULL DEFAULT 0,
    claims_added   INTEGER NOT NULL DEFAULT 0,
    next_run       DATETIME,
    last_error     TEXT NOT NULL DEFAULT '',
    last_error_at  DATETIME,
    runs           INTEGER NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE sync_status;
DROP TABLE harvests;
