-- Scoped cache versions (see the PostgreSQL migration of this version for the
-- scopes 'all', 'base' and 'metric:<id>', and which writes move which).
-- SQLite has only row triggers, so outside a batch every row bumps its scopes
-- (cheap, in-page, as data_version did). An ingest opens a batch: a row with
-- scope 'batch' that it inserts and deletes inside its own transaction, so
-- no other connection ever sees it. While it exists a bump also sets txid
-- to 1 and later rows skip scopes with txid 1, so each scope moves once for
-- the whole file; ending the batch sets txid back to 0 (models/store_version_batch.go).
-- data_version stays, and a trigger that still bumps it bumps 'all' and 'base'.

-- +goose Up
CREATE TABLE cache_versions (
    scope      TEXT PRIMARY KEY,
    version    INTEGER NOT NULL DEFAULT 1,
    changed_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER)), -- unix seconds
    txid       INTEGER NOT NULL DEFAULT 0 -- 1 while an open batch has bumped it
);
INSERT INTO cache_versions (scope, version) SELECT 'all', version FROM data_version;
INSERT INTO cache_versions (scope) VALUES ('base');
INSERT INTO cache_versions (scope) SELECT 'metric:' || id FROM metrics;

-- +goose StatementBegin
CREATE TRIGGER metrics_cache_row AFTER INSERT ON metrics BEGIN
    INSERT OR IGNORE INTO cache_versions (scope) VALUES ('metric:' || NEW.id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER data_version_cache AFTER UPDATE ON data_version BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

DROP TRIGGER claims_insert_data_version;
DROP TRIGGER claims_update_data_version;
DROP TRIGGER claims_delete_data_version;
DROP TRIGGER papers_insert_data_version;
DROP TRIGGER papers_update_data_version;
DROP TRIGGER papers_delete_data_version;
DROP TRIGGER metrics_insert_data_version;
DROP TRIGGER metrics_update_data_version;
DROP TRIGGER metrics_delete_data_version;
DROP TRIGGER hardware_insert_data_version;
DROP TRIGGER hardware_update_data_version;
DROP TRIGGER hardware_delete_data_version;
DROP TRIGGER tasks_insert_data_version;
DROP TRIGGER tasks_update_data_version;
DROP TRIGGER tasks_delete_data_version;
DROP TRIGGER paper_tasks_insert_data_version;
DROP TRIGGER paper_tasks_update_data_version;
DROP TRIGGER paper_tasks_delete_data_version;
DROP TRIGGER hardware_specs_insert_data_version;
DROP TRIGGER hardware_specs_update_data_version;
DROP TRIGGER hardware_specs_delete_data_version;

-- +goose StatementBegin
CREATE TRIGGER claims_cache_insert AFTER INSERT ON claims BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'metric:' || NEW.metric_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_cache_update AFTER UPDATE ON claims BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'metric:' || OLD.metric_id, 'metric:' || NEW.metric_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_cache_delete AFTER DELETE ON claims BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'metric:' || OLD.metric_id);
END;
-- +goose StatementEnd

-- A new paper has no claims yet; its claims bump their metrics as they come.
-- +goose StatementBegin
CREATE TRIGGER papers_cache_insert AFTER INSERT ON papers BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_cache_update AFTER UPDATE ON papers BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN (SELECT 'all' UNION SELECT 'metric:' || metric_id FROM claims WHERE paper_id = NEW.id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_cache_delete AFTER DELETE ON papers BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_cache_insert AFTER INSERT ON paper_tasks BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN (SELECT 'all' UNION SELECT 'metric:' || metric_id FROM claims WHERE paper_id = NEW.paper_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_cache_update AFTER UPDATE ON paper_tasks BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN (SELECT 'all' UNION SELECT 'metric:' || metric_id FROM claims WHERE paper_id = NEW.paper_id OR paper_id = OLD.paper_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_cache_delete AFTER DELETE ON paper_tasks BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN (SELECT 'all' UNION SELECT 'metric:' || metric_id FROM claims WHERE paper_id = OLD.paper_id);
END;
-- +goose StatementEnd

-- A new device has no claims yet; a renamed or removed one shows everywhere.
-- +goose StatementBegin
CREATE TRIGGER hardware_cache_insert AFTER INSERT ON hardware BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_cache_update AFTER UPDATE ON hardware BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_cache_delete AFTER DELETE ON hardware BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER metrics_cache_insert AFTER INSERT ON metrics BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER metrics_cache_update AFTER UPDATE ON metrics BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER metrics_cache_delete AFTER DELETE ON metrics BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- tasks.papers is a count kept by paper_tasks' triggers (00019) and shown only
-- on task pages; the leaderboards' task filter reads slug, name and order.
-- +goose StatementBegin
CREATE TRIGGER tasks_cache_insert AFTER INSERT ON tasks BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_cache_count AFTER UPDATE ON tasks BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_cache_update AFTER UPDATE OF slug, name, area, position ON tasks BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_cache_delete AFTER DELETE ON tasks BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_cache_insert AFTER INSERT ON hardware_specs BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_cache_update AFTER UPDATE ON hardware_specs BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_cache_delete AFTER DELETE ON hardware_specs BEGIN
    UPDATE cache_versions SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER),
        txid = (SELECT COUNT(*) FROM cache_versions WHERE scope = 'batch')
    WHERE txid = 0 AND scope IN ('all', 'base');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER claims_cache_insert;
DROP TRIGGER claims_cache_update;
DROP TRIGGER claims_cache_delete;
DROP TRIGGER papers_cache_insert;
DROP TRIGGER papers_cache_update;
DROP TRIGGER papers_cache_delete;
DROP TRIGGER paper_tasks_cache_insert;
DROP TRIGGER paper_tasks_cache_update;
DROP TRIGGER paper_tasks_cache_delete;
DROP TRIGGER hardware_cache_insert;
DROP TRIGGER hardware_cache_update;
DROP TRIGGER hardware_cache_delete;
DROP TRIGGER metrics_cache_insert;
DROP TRIGGER metrics_cache_update;
DROP TRIGGER metrics_cache_delete;
DROP TRIGGER tasks_cache_insert;
DROP TRIGGER tasks_cache_count;
DROP TRIGGER tasks_cache_update;
DROP TRIGGER tasks_cache_delete;
DROP TRIGGER hardware_specs_cache_insert;
DROP TRIGGER hardware_specs_cache_update;
DROP TRIGGER hardware_specs_cache_delete;
DROP TRIGGER data_version_cache;
DROP TRIGGER metrics_cache_row;
UPDATE data_version SET version = (SELECT version FROM cache_versions WHERE scope = 'all') + 1 WHERE id = 1;
DROP TABLE cache_versions;

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
CREATE TRIGGER papers_insert_data_version AFTER INSERT ON papers BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_update_data_version AFTER UPDATE ON papers BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_delete_data_version AFTER DELETE ON papers BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER metrics_insert_data_version AFTER INSERT ON metrics BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER metrics_update_data_version AFTER UPDATE ON metrics BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER metrics_delete_data_version AFTER DELETE ON metrics BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_insert_data_version AFTER INSERT ON hardware BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_update_data_version AFTER UPDATE ON hardware BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_delete_data_version AFTER DELETE ON hardware BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_insert_data_version AFTER INSERT ON tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_update_data_version AFTER UPDATE ON tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_delete_data_version AFTER DELETE ON tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_insert_data_version AFTER INSERT ON paper_tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_update_data_version AFTER UPDATE ON paper_tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_delete_data_version AFTER DELETE ON paper_tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_insert_data_version AFTER INSERT ON hardware_specs BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_update_data_version AFTER UPDATE ON hardware_specs BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_specs_delete_data_version AFTER DELETE ON hardware_specs BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd
