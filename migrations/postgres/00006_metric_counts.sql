-- Live claim counts per metric, maintained by triggers, so the home page and
-- unfiltered leaderboards never count a million rows per view. Statement-level
-- triggers with transition tables do one aggregated update per statement, so a
-- COPY of a million claims costs one UPDATE, not a million.
-- +goose Up
CREATE TABLE metric_counts (
    metric_id BIGINT PRIMARY KEY REFERENCES metrics (id) ON DELETE CASCADE,
    live      BIGINT NOT NULL DEFAULT 0
);
INSERT INTO metric_counts (metric_id, live)
SELECT m.id, (SELECT COUNT(*) FROM claims c WHERE c.metric_id = m.id AND c.status <> 'retracted')
FROM metrics m;

-- +goose StatementBegin
CREATE FUNCTION metric_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO metric_counts AS mc (metric_id, live)
        SELECT metric_id, -COUNT(*) FROM old_rows WHERE status <> 'retracted' GROUP BY metric_id
        ON CONFLICT (metric_id) DO UPDATE SET live = mc.live + EXCLUDED.live;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO metric_counts AS mc (metric_id, live)
        SELECT metric_id, COUNT(*) FROM new_rows WHERE status <> 'retracted' GROUP BY metric_id
        ON CONFLICT (metric_id) DO UPDATE SET live = mc.live + EXCLUDED.live;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER claims_counts_insert AFTER INSERT ON claims
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_counts_apply();
CREATE TRIGGER claims_counts_update AFTER UPDATE ON claims
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_counts_apply();
CREATE TRIGGER claims_counts_delete AFTER DELETE ON claims
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_counts_apply();

-- +goose Down
DROP TRIGGER claims_counts_delete ON claims;
DROP TRIGGER claims_counts_update ON claims;
DROP TRIGGER claims_counts_insert ON claims;
DROP FUNCTION metric_counts_apply();
DROP TABLE metric_counts;
