-- data_version is a one-row counter that every write to the tables behind the
-- leaderboards bumps in the writer's own transaction, so the new version becomes
-- visible exactly when the data does, to every server process. ETags and
-- Last-Modified are derived from it: one primary-key read per request instead of
-- a COUNT or MAX over a million claims, and it also sees deletions, which
-- MAX(updated_at) would not. Statement-level triggers keep bulk writes at one
-- bump per statement; writers to these tables serialise on the row until commit.

-- +goose Up
CREATE TABLE data_version (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL,
    changed_at BIGINT NOT NULL -- unix seconds, as on SQLite
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 1, EXTRACT(EPOCH FROM now())::bigint);

-- +goose StatementBegin
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1, changed_at = EXTRACT(EPOCH FROM now())::bigint WHERE id = 1;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER claims_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claims
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER papers_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON papers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER metrics_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metrics
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER hardware_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hardware
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- +goose Down
DROP TRIGGER hardware_data_version ON hardware;
DROP TRIGGER metrics_data_version ON metrics;
DROP TRIGGER papers_data_version ON papers;
DROP TRIGGER claims_data_version ON claims;
DROP FUNCTION bump_data_version();
DROP TABLE data_version;
