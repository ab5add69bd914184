-- Moderation: database sessions (so several server processes share logins),
-- failed logins for throttling, a pseudonymous submitter hash on corrections
-- for the per-IP submission limit, and which revision a revert undoes
-- (no foreign key: SQLite cannot drop a column that has one).
-- +goose Up
CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash   TEXT NOT NULL UNIQUE,
    moderator_id INTEGER NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    expires_at   DATETIME NOT NULL,
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_failures (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    username   TEXT NOT NULL,
    ip_hash    TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX login_failures_username_idx ON login_failures (username, created_at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip_hash, created_at);

ALTER TABLE corrections ADD COLUMN submitter_ip_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX corrections_submitter_idx ON corrections (submitter_ip_hash, created_at);

ALTER TABLE claim_revisions ADD COLUMN revert_of INTEGER;

-- +goose Down
ALTER TABLE claim_revisions DROP COLUMN revert_of;
DROP INDEX corrections_submitter_idx;
ALTER TABLE corrections DROP COLUMN submitter_ip_hash;
DROP TABLE login_failures;
DROP TABLE sessions;
