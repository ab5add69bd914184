-- +goose Up
CREATE TABLE metrics (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    slug             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    unit             TEXT NOT NULL,
    higher_is_better BOOLEAN NOT NULL DEFAULT 1,
    description      TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE hardware (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    slug   TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL UNIQUE,
    vendor TEXT NOT NULL DEFAULT '',
    family TEXT NOT NULL DEFAULT ''
);

CREATE TABLE papers (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    content_key   TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    abstract      TEXT NOT NULL,
    abstract_hash TEXT NOT NULL,
    arxiv_id      TEXT UNIQUE,
    source_url    TEXT NOT NULL DEFAULT '',
    code_url      TEXT NOT NULL DEFAULT '',
    authors       TEXT NOT NULL DEFAULT '',
    published_on  DATE,
    created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX papers_published_on_idx ON papers (published_on);

CREATE TABLE claims (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id          INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    metric_id         INTEGER NOT NULL REFERENCES metrics (id),
    value             REAL NOT NULL,
    value_high        REAL,
    unit              TEXT NOT NULL,
    raw_text          TEXT NOT NULL DEFAULT '',
    qualifier         TEXT NOT NULL DEFAULT ''
                      CHECK (qualifier IN ('', 'up_to', 'at_least', 'approx', 'average')),
    hardware_id       INTEGER REFERENCES hardware (id),
    hardware_count    INTEGER CHECK (hardware_count IS NULL OR hardware_count > 0),
    baseline          TEXT NOT NULL DEFAULT '',
    subject           TEXT NOT NULL DEFAULT '',
    condition         TEXT NOT NULL DEFAULT '',
    evidence          TEXT NOT NULL,
    evidence_start    INTEGER NOT NULL CHECK (evidence_start >= 0),
    evidence_end      INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
    confidence        REAL NOT NULL DEFAULT 0,
    extractor_version TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'extracted'
                      CHECK (status IN ('extracted', 'corrected', 'verified', 'retracted')),
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Leaderboards read one metric ordered by value, ties by id.
CREATE INDEX claims_metric_value_idx ON claims (metric_id, value, id);
CREATE INDEX claims_paper_idx ON claims (paper_id);
CREATE INDEX claims_hardware_idx ON claims (hardware_id);
CREATE INDEX claims_status_idx ON claims (status);

CREATE TABLE moderators (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE corrections (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id         INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    claim_id         INTEGER REFERENCES claims (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('change', 'not_a_claim', 'missing')),
    proposed         TEXT NOT NULL DEFAULT '{}',
    reason           TEXT NOT NULL,
    contact          TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'accepted', 'rejected')),
    moderator_id     INTEGER REFERENCES moderators (id) ON DELETE SET NULL,
    decision_note    TEXT NOT NULL DEFAULT '',
    decided_at       DATETIME,
    created_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX corrections_status_idx ON corrections (status, created_at, id);
CREATE INDEX corrections_claim_idx ON corrections (claim_id);

CREATE TABLE claim_revisions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id      INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    correction_id INTEGER REFERENCES corrections (id) ON DELETE SET NULL,
    moderator_id  INTEGER REFERENCES moderators (id) ON DELETE SET NULL,
    before_state  TEXT NOT NULL DEFAULT '{}',
    after_state   TEXT NOT NULL DEFAULT '{}',
    note          TEXT NOT NULL DEFAULT '',
    created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX claim_revisions_claim_idx ON claim_revisions (claim_id, id);

-- +goose Down
DROP TABLE claim_revisions;
DROP TABLE corrections;
DROP TABLE moderators;
DROP TABLE claims;
DROP TABLE papers;
DROP TABLE hardware;
DROP TABLE metrics;
