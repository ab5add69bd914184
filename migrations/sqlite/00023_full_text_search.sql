-- Full-text search with a word index (issue 17): FTS5 tables, contentless
-- (the texts stay in papers and claims; the index holds only words), kept in
-- sync by triggers. See the PostgreSQL migration of this version for what each
-- column holds; the unicode61 tokenizer cuts words at anything that is not a
-- letter or digit and folds case, as search_words does there, and neither
-- stems, so both databases return the same rows.
--   papers_fts  rowid = papers.id: title, abstract
--   claims_fts  rowid = claims.id: paper title, subject and baseline, device
--               name and slug, evidence
-- The paper's method name (papers.method, migration 00022) is indexed with its
-- title in papers_fts, as on PostgreSQL.
-- +goose Up
CREATE VIRTUAL TABLE papers_fts USING fts5(title, abstract,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO papers_fts (rowid, title, abstract) SELECT id, title || ' ' || COALESCE(method, ''), abstract FROM papers;

CREATE VIRTUAL TABLE claims_fts USING fts5(title, subject, device, evidence,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO claims_fts (rowid, title, subject, device, evidence)
    SELECT c.id, p.title, c.subject || ' ' || c.baseline, COALESCE(h.name || ' ' || h.slug, ''), c.evidence
    FROM claims c JOIN papers p ON p.id = c.paper_id LEFT JOIN hardware h ON h.id = c.hardware_id;

-- +goose StatementBegin
CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers BEGIN
    INSERT INTO papers_fts (rowid, title, abstract) VALUES (NEW.id, NEW.title || ' ' || COALESCE(NEW.method, ''), NEW.abstract);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, abstract, method ON papers
WHEN OLD.title IS NOT NEW.title OR OLD.abstract IS NOT NEW.abstract OR OLD.method IS NOT NEW.method BEGIN
    DELETE FROM papers_fts WHERE rowid = OLD.id;
    INSERT INTO papers_fts (rowid, title, abstract) VALUES (NEW.id, NEW.title || ' ' || COALESCE(NEW.method, ''), NEW.abstract);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
    DELETE FROM papers_fts WHERE rowid = OLD.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, title, subject, device, evidence) VALUES (NEW.id,
        (SELECT title FROM papers WHERE id = NEW.paper_id), NEW.subject || ' ' || NEW.baseline,
        COALESCE((SELECT name || ' ' || slug FROM hardware WHERE id = NEW.hardware_id), ''), NEW.evidence);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_fts_update AFTER UPDATE OF paper_id, subject, baseline, hardware_id, evidence ON claims BEGIN
    DELETE FROM claims_fts WHERE rowid = OLD.id;
    INSERT INTO claims_fts (rowid, title, subject, device, evidence) VALUES (NEW.id,
        (SELECT title FROM papers WHERE id = NEW.paper_id), NEW.subject || ' ' || NEW.baseline,
        COALESCE((SELECT name || ' ' || slug FROM hardware WHERE id = NEW.hardware_id), ''), NEW.evidence);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claims_fts WHERE rowid = OLD.id;
END;
-- +goose StatementEnd

-- A paper's new title and a device's new name reach its claims' rows.
-- +goose StatementBegin
CREATE TRIGGER papers_title_to_claims_fts AFTER UPDATE OF title ON papers WHEN OLD.title IS NOT NEW.title BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE paper_id = NEW.id);
    INSERT INTO claims_fts (rowid, title, subject, device, evidence)
        SELECT c.id, NEW.title, c.subject || ' ' || c.baseline, COALESCE(h.name || ' ' || h.slug, ''), c.evidence
        FROM claims c LEFT JOIN hardware h ON h.id = c.hardware_id WHERE c.paper_id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_to_claims_fts AFTER UPDATE OF name, slug ON hardware
WHEN OLD.name IS NOT NEW.name OR OLD.slug IS NOT NEW.slug BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE hardware_id = NEW.id);
    INSERT INTO claims_fts (rowid, title, subject, device, evidence)
        SELECT c.id, p.title, c.subject || ' ' || c.baseline, NEW.name || ' ' || NEW.slug, c.evidence
        FROM claims c JOIN papers p ON p.id = c.paper_id WHERE c.hardware_id = NEW.id;
END;
-- +goose StatementEnd

-- Sorts by subject, condition and status had no index: every page of them
-- read and sorted all of the metric's live claims. (The hardware sort orders
-- by a column of another table and still sorts; see docs/performance.md.)
CREATE INDEX claims_live_subject_idx ON claims (metric_id, subject, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_condition_idx ON claims (metric_id, condition, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_status_idx ON claims (metric_id, status, id) WHERE status <> 'retracted';

-- +goose Down
DROP INDEX claims_live_status_idx;
DROP INDEX claims_live_condition_idx;
DROP INDEX claims_live_subject_idx;
DROP TRIGGER hardware_to_claims_fts;
DROP TRIGGER papers_title_to_claims_fts;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
DROP TRIGGER claims_fts_insert;
DROP TRIGGER papers_fts_delete;
DROP TRIGGER papers_fts_update;
DROP TRIGGER papers_fts_insert;
DROP TABLE claims_fts;
DROP TABLE papers_fts;
