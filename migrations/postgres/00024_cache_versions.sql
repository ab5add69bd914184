-- Scoped cache versions. data_version (00005) was one counter that every write
-- bumped, so a correction to one fps claim threw away every cached page of
-- every metric. cache_versions keeps one counter per scope, bumped by
-- triggers in the writer's own transaction (so a write is visible on the next
-- request, on every process, exactly as before):
--   'all'         every write: pages that span metrics (home, search, papers,
--                 hardware, tasks, feeds, API lists) depend on it;
--   'base'        writes that change what every metric's leaderboard shows
--                 (metrics, tasks, device names, hardware specs, deletions);
--   'metric:<id>' claims of that metric, and the papers and paper tasks of
--                 its claims. A leaderboard depends on 'base' and its metric.
-- Each counter moves at most once per transaction (txid), so an ingest of a
-- whole file, whatever its size, is one step of each scope it touched.
-- Rows are locked in scope order and every bump includes 'all' first, so
-- writers queue on 'all' (as they did on data_version) and never deadlock.
-- bump_data_version() stays, now bumping 'all' and 'base', so a trigger that
-- still calls it invalidates conservatively.
-- +goose Up
CREATE TABLE cache_versions (
    scope      TEXT PRIMARY KEY,
    version    BIGINT NOT NULL DEFAULT 1,
    changed_at BIGINT NOT NULL DEFAULT EXTRACT(EPOCH FROM now())::bigint, -- unix seconds
    txid       BIGINT NOT NULL DEFAULT 0 -- the transaction that last bumped it
);
INSERT INTO cache_versions (scope, version) SELECT 'all', version FROM data_version;
INSERT INTO cache_versions (scope) VALUES ('base');
INSERT INTO cache_versions (scope) SELECT 'metric:' || id FROM metrics;

-- +goose StatementBegin
CREATE FUNCTION bump_cache_versions(scopes TEXT[]) RETURNS void LANGUAGE sql AS $$
    WITH locked AS (
        SELECT scope FROM cache_versions
        WHERE scope = ANY (scopes) AND txid <> txid_current()
        ORDER BY scope FOR UPDATE
    )
    UPDATE cache_versions c
    SET version = c.version + 1, changed_at = EXTRACT(EPOCH FROM now())::bigint, txid = txid_current()
    FROM locked l WHERE c.scope = l.scope AND c.txid <> txid_current();
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_cache_versions(ARRAY['all', 'base']);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION cache_versions_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_cache_versions(ARRAY['all']);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION claims_cache_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM bump_cache_versions(ARRAY['all'] || ARRAY(SELECT DISTINCT 'metric:' || metric_id FROM new_rows))
        WHERE EXISTS (SELECT 1 FROM new_rows);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM bump_cache_versions(ARRAY['all'] || ARRAY(
            SELECT 'metric:' || metric_id FROM old_rows UNION SELECT 'metric:' || metric_id FROM new_rows))
        WHERE EXISTS (SELECT 1 FROM new_rows);
    ELSE
        PERFORM bump_cache_versions(ARRAY['all'] || ARRAY(SELECT DISTINCT 'metric:' || metric_id FROM old_rows))
        WHERE EXISTS (SELECT 1 FROM old_rows);
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- A changed paper, or a paper's tasks, shows on the leaderboards of its claims.
-- +goose StatementBegin
CREATE FUNCTION paper_cache_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'papers' THEN
        PERFORM bump_cache_versions(ARRAY['all'] || ARRAY(
            SELECT DISTINCT 'metric:' || c.metric_id FROM claims c WHERE c.paper_id IN (SELECT id FROM new_rows)))
        WHERE EXISTS (SELECT 1 FROM new_rows);
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM bump_cache_versions(ARRAY['all'] || ARRAY(
            SELECT DISTINCT 'metric:' || c.metric_id FROM claims c WHERE c.paper_id IN (SELECT paper_id FROM new_rows)))
        WHERE EXISTS (SELECT 1 FROM new_rows);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM bump_cache_versions(ARRAY['all'] || ARRAY(
            SELECT DISTINCT 'metric:' || c.metric_id FROM claims c
            WHERE c.paper_id IN (SELECT paper_id FROM new_rows UNION SELECT paper_id FROM old_rows)))
        WHERE EXISTS (SELECT 1 FROM new_rows);
    ELSE
        PERFORM bump_cache_versions(ARRAY['all'] || ARRAY(
            SELECT DISTINCT 'metric:' || c.metric_id FROM claims c WHERE c.paper_id IN (SELECT paper_id FROM old_rows)))
        WHERE EXISTS (SELECT 1 FROM old_rows);
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION metrics_cache_versions_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cache_versions (scope) VALUES ('metric:' || NEW.id) ON CONFLICT (scope) DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

DROP TRIGGER claims_data_version ON claims;
DROP TRIGGER papers_data_version ON papers;
DROP TRIGGER metrics_data_version ON metrics;
DROP TRIGGER hardware_data_version ON hardware;
DROP TRIGGER tasks_data_version ON tasks;
DROP TRIGGER paper_tasks_data_version ON paper_tasks;
DROP TRIGGER hardware_specs_data_version ON hardware_specs;

CREATE TRIGGER claims_cache_insert AFTER INSERT ON claims
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claims_cache_versions();
CREATE TRIGGER claims_cache_update AFTER UPDATE ON claims
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claims_cache_versions();
CREATE TRIGGER claims_cache_delete AFTER DELETE ON claims
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION claims_cache_versions();
CREATE TRIGGER claims_cache_truncate AFTER TRUNCATE ON claims
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- A new paper has no claims yet; its claims bump their metrics as they come.
CREATE TRIGGER papers_cache_insert AFTER INSERT ON papers
    FOR EACH STATEMENT EXECUTE FUNCTION cache_versions_all();
CREATE TRIGGER papers_cache_update AFTER UPDATE ON papers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION paper_cache_versions();
CREATE TRIGGER papers_cache_delete AFTER DELETE OR TRUNCATE ON papers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

CREATE TRIGGER paper_tasks_cache_insert AFTER INSERT ON paper_tasks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION paper_cache_versions();
CREATE TRIGGER paper_tasks_cache_update AFTER UPDATE ON paper_tasks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION paper_cache_versions();
CREATE TRIGGER paper_tasks_cache_delete AFTER DELETE ON paper_tasks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION paper_cache_versions();
CREATE TRIGGER paper_tasks_cache_truncate AFTER TRUNCATE ON paper_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- A new device has no claims yet; a renamed or removed one shows everywhere.
CREATE TRIGGER hardware_cache_insert AFTER INSERT ON hardware
    FOR EACH STATEMENT EXECUTE FUNCTION cache_versions_all();
CREATE TRIGGER hardware_cache_change AFTER UPDATE OR DELETE OR TRUNCATE ON hardware
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

CREATE TRIGGER metrics_cache_row AFTER INSERT ON metrics
    FOR EACH ROW EXECUTE FUNCTION metrics_cache_versions_row();
CREATE TRIGGER metrics_cache_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metrics
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- tasks.papers is a count kept by paper_tasks' triggers (00019) and shown only
-- on task pages; the leaderboards' task filter reads slug, name and order.
CREATE TRIGGER tasks_cache_count AFTER UPDATE ON tasks
    FOR EACH STATEMENT EXECUTE FUNCTION cache_versions_all();
CREATE TRIGGER tasks_cache_change AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF slug, name, area, position ON tasks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

CREATE TRIGGER hardware_specs_cache_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hardware_specs
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- +goose Down
DROP TRIGGER hardware_specs_cache_change ON hardware_specs;
DROP TRIGGER tasks_cache_change ON tasks;
DROP TRIGGER tasks_cache_count ON tasks;
DROP TRIGGER metrics_cache_change ON metrics;
DROP TRIGGER metrics_cache_row ON metrics;
DROP TRIGGER hardware_cache_change ON hardware;
DROP TRIGGER hardware_cache_insert ON hardware;
DROP TRIGGER paper_tasks_cache_truncate ON paper_tasks;
DROP TRIGGER paper_tasks_cache_delete ON paper_tasks;
DROP TRIGGER paper_tasks_cache_update ON paper_tasks;
DROP TRIGGER paper_tasks_cache_insert ON paper_tasks;
DROP TRIGGER papers_cache_delete ON papers;
DROP TRIGGER papers_cache_update ON papers;
DROP TRIGGER papers_cache_insert ON papers;
DROP TRIGGER claims_cache_truncate ON claims;
DROP TRIGGER claims_cache_delete ON claims;
DROP TRIGGER claims_cache_update ON claims;
DROP TRIGGER claims_cache_insert ON claims;
DROP FUNCTION metrics_cache_versions_row();
DROP FUNCTION paper_cache_versions();
DROP FUNCTION claims_cache_versions();
DROP FUNCTION cache_versions_all();

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1, changed_at = EXTRACT(EPOCH FROM now())::bigint WHERE id = 1;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
UPDATE data_version SET version = (SELECT version FROM cache_versions WHERE scope = 'all') + 1 WHERE id = 1;
DROP FUNCTION bump_cache_versions(TEXT[]);
DROP TABLE cache_versions;

CREATE TRIGGER claims_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claims
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER papers_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON papers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER metrics_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metrics
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER hardware_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hardware
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER tasks_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER paper_tasks_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON paper_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER hardware_specs_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hardware_specs
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
