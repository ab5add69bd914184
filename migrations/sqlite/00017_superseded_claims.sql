-- arXiv versions (see the PostgreSQL migration of this version): claims get
-- the status 'superseded', the arXiv version they were read from and the
-- version that superseded them, and superseded claims leave the live set.
-- SQLite cannot alter a CHECK constraint, so claims is rebuilt (the procedure
-- of https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys go
-- off first, or dropping the old table would cascade to every correction and
-- revision, and that pragma only takes effect outside a transaction, hence NO
-- TRANSACTION and an explicit one (goose runs a file on one connection). Every
-- index and trigger on claims from earlier migrations is made again, the live
-- ones with the new predicate; papers_title_to_claims names claims in its body
-- and is made again after the rename.
-- +goose NO TRANSACTION
-- +goose Up
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE claims_new (
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
                      CHECK (status IN ('extracted', 'corrected', 'verified', 'retracted', 'superseded')),
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    paper_title_lc    TEXT NOT NULL DEFAULT '',
    arxiv_version     INTEGER NOT NULL DEFAULT 0,
    superseded_in     INTEGER
);
INSERT INTO claims_new (id, paper_id, metric_id, value, value_high, unit, raw_text, qualifier, hardware_id, hardware_count, baseline, subject, condition, evidence, evidence_start, evidence_end, confidence, extractor_version, status, version, created_at, updated_at, paper_title_lc, arxiv_version)
SELECT c.id, c.paper_id, c.metric_id, c.value, c.value_high, c.unit, c.raw_text, c.qualifier, c.hardware_id, c.hardware_count, c.baseline, c.subject, c.condition, c.evidence, c.evidence_start, c.evidence_end, c.confidence, c.extractor_version, c.status, c.version, c.created_at, c.updated_at, c.paper_title_lc, COALESCE((SELECT p.arxiv_version FROM papers p WHERE p.id = c.paper_id), 0)
FROM claims c;
-- Keep AUTOINCREMENT's high-water mark, so ids of deleted claims are never reused.
DELETE FROM sqlite_sequence WHERE name = 'claims_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'claims_new', seq FROM sqlite_sequence WHERE name = 'claims';
DROP TRIGGER papers_title_to_claims;
DROP TABLE claims;
ALTER TABLE claims_new RENAME TO claims;
CREATE INDEX claims_status_idx ON claims (status);
CREATE INDEX claims_paper_metric_idx ON claims (paper_id, metric_id);
CREATE INDEX claims_live_value_idx ON claims (metric_id, value, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_confidence_idx ON claims (metric_id, confidence, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_baseline_idx ON claims (metric_id, baseline, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_qualifier_idx ON claims (metric_id, qualifier, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_hardware_idx ON claims (hardware_id, metric_id, value, id) WHERE status NOT IN ('retracted', 'superseded');

-- +goose StatementBegin
CREATE TRIGGER claims_insert_data_version AFTER INSERT ON claims BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_update_data_version AFTER UPDATE ON claims BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_delete_data_version AFTER DELETE ON claims BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_counts_insert AFTER INSERT ON claims WHEN NEW.status NOT IN ('retracted', 'superseded')
BEGIN
    INSERT INTO metric_counts (metric_id, live) VALUES (NEW.metric_id, 1)
    ON CONFLICT (metric_id) DO UPDATE SET live = live + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_counts_delete AFTER DELETE ON claims WHEN OLD.status NOT IN ('retracted', 'superseded')
BEGIN
    UPDATE metric_counts SET live = live - 1 WHERE metric_id = OLD.metric_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_counts_update AFTER UPDATE OF status, metric_id ON claims
BEGIN
    UPDATE metric_counts SET live = live - 1 WHERE metric_id = OLD.metric_id AND OLD.status NOT IN ('retracted', 'superseded');
    INSERT INTO metric_counts (metric_id, live) SELECT NEW.metric_id, 1 WHERE NEW.status NOT IN ('retracted', 'superseded')
    ON CONFLICT (metric_id) DO UPDATE SET live = live + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_insert AFTER INSERT ON claims BEGIN
    UPDATE claims SET paper_title_lc = (SELECT lower(title) FROM papers WHERE id = NEW.paper_id) WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_update AFTER UPDATE OF paper_id ON claims BEGIN
    UPDATE claims SET paper_title_lc = (SELECT lower(title) FROM papers WHERE id = NEW.paper_id) WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_title_to_claims AFTER UPDATE OF title ON papers WHEN OLD.title IS NOT NEW.title BEGIN
    UPDATE claims SET paper_title_lc = lower(NEW.title) WHERE paper_id = NEW.id;
END;
-- +goose StatementEnd

COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
PRAGMA foreign_keys = OFF;
BEGIN;
-- A superseded claim stays out of sight as a retracted one: nothing is deleted.
UPDATE claims SET status = 'retracted' WHERE status = 'superseded';
CREATE TABLE claims_new (
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
    updated_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    paper_title_lc    TEXT NOT NULL DEFAULT ''
);
INSERT INTO claims_new (id, paper_id, metric_id, value, value_high, unit, raw_text, qualifier, hardware_id, hardware_count, baseline, subject, condition, evidence, evidence_start, evidence_end, confidence, extractor_version, status, version, created_at, updated_at, paper_title_lc)
SELECT id, paper_id, metric_id, value, value_high, unit, raw_text, qualifier, hardware_id, hardware_count, baseline, subject, condition, evidence, evidence_start, evidence_end, confidence, extractor_version, status, version, created_at, updated_at, paper_title_lc FROM claims;
-- Keep AUTOINCREMENT's high-water mark, so ids of deleted claims are never reused.
DELETE FROM sqlite_sequence WHERE name = 'claims_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'claims_new', seq FROM sqlite_sequence WHERE name = 'claims';
DROP TRIGGER papers_title_to_claims;
DROP TABLE claims;
ALTER TABLE claims_new RENAME TO claims;
CREATE INDEX claims_status_idx ON claims (status);
CREATE INDEX claims_paper_metric_idx ON claims (paper_id, metric_id);
CREATE INDEX claims_live_value_idx ON claims (metric_id, value, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_confidence_idx ON claims (metric_id, confidence, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_baseline_idx ON claims (metric_id, baseline, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_qualifier_idx ON claims (metric_id, qualifier, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_hardware_idx ON claims (hardware_id, metric_id, value, id) WHERE status <> 'retracted';

-- +goose StatementBegin
CREATE TRIGGER claims_insert_data_version AFTER INSERT ON claims BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_update_data_version AFTER UPDATE ON claims BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_delete_data_version AFTER DELETE ON claims BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_counts_insert AFTER INSERT ON claims WHEN NEW.status <> 'retracted'
BEGIN
    INSERT INTO metric_counts (metric_id, live) VALUES (NEW.metric_id, 1)
    ON CONFLICT (metric_id) DO UPDATE SET live = live + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_counts_delete AFTER DELETE ON claims WHEN OLD.status <> 'retracted'
BEGIN
    UPDATE metric_counts SET live = live - 1 WHERE metric_id = OLD.metric_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_counts_update AFTER UPDATE OF status, metric_id ON claims
BEGIN
    UPDATE metric_counts SET live = live - 1 WHERE metric_id = OLD.metric_id AND OLD.status <> 'retracted';
    INSERT INTO metric_counts (metric_id, live) SELECT NEW.metric_id, 1 WHERE NEW.status <> 'retracted'
    ON CONFLICT (metric_id) DO UPDATE SET live = live + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_insert AFTER INSERT ON claims BEGIN
    UPDATE claims SET paper_title_lc = (SELECT lower(title) FROM papers WHERE id = NEW.paper_id) WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_update AFTER UPDATE OF paper_id ON claims BEGIN
    UPDATE claims SET paper_title_lc = (SELECT lower(title) FROM papers WHERE id = NEW.paper_id) WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_title_to_claims AFTER UPDATE OF title ON papers WHEN OLD.title IS NOT NEW.title BEGIN
    UPDATE claims SET paper_title_lc = lower(NEW.title) WHERE paper_id = NEW.id;
END;
-- +goose StatementEnd

COMMIT;
PRAGMA foreign_keys = ON;
