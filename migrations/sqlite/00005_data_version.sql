-- data_version is a one-row counter that every write to the tables behind the
-- leaderboards bumps in the writer's own transaction, so the new version becomes
-- visible exactly when the data does, to every process sharing the file. ETags
-- and Last-Modified are derived from it: one primary-key read per request instead
-- of a COUNT or MAX over a million claims, and it also sees deletions. SQLite has
-- only row-level triggers, so a bulk write bumps once per row (cheap, in-page).

-- +goose Up
CREATE TABLE data_version (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    INTEGER NOT NULL,
    changed_at INTEGER NOT NULL -- unix seconds
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 1, CAST(strftime('%s', 'now') AS INTEGER));

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

-- +goose Down
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
DROP TABLE data_version;
