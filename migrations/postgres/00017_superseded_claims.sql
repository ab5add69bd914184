-- arXiv versions: when a new version of a paper changes its abstract, the
-- claims of the old text that the new one no longer makes are kept, marked
-- 'superseded', instead of being deleted. Each claim records the arXiv version
-- of the text it was read from (arxiv_version, 0 when unknown) and, once
-- superseded, the version that replaced it (superseded_in). Like retracted
-- claims, superseded ones are not live: the partial indexes of the
-- leaderboards and the live counts leave both out, and queries spell the same
-- predicate (models.liveClaim) so the planner can use those indexes.
-- +goose Up
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check
    CHECK (status IN ('extracted', 'corrected', 'verified', 'retracted', 'superseded'));
ALTER TABLE claims ADD COLUMN arxiv_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN superseded_in INTEGER;
UPDATE claims c SET arxiv_version = p.arxiv_version
FROM papers p WHERE p.id = c.paper_id AND p.arxiv_version <> 0;

DROP INDEX claims_live_value_idx;
DROP INDEX claims_live_confidence_idx;
DROP INDEX claims_live_baseline_idx;
DROP INDEX claims_live_qualifier_idx;
DROP INDEX claims_live_hardware_idx;
CREATE INDEX claims_live_value_idx ON claims (metric_id, value, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_confidence_idx ON claims (metric_id, confidence, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_baseline_idx ON claims (metric_id, baseline, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_qualifier_idx ON claims (metric_id, qualifier, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_hardware_idx ON claims (hardware_id, metric_id, value, id) WHERE status NOT IN ('retracted', 'superseded');

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION metric_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO metric_counts AS mc (metric_id, live)
        SELECT metric_id, -COUNT(*) FROM old_rows WHERE status NOT IN ('retracted', 'superseded') GROUP BY metric_id
        ON CONFLICT (metric_id) DO UPDATE SET live = mc.live + EXCLUDED.live;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO metric_counts AS mc (metric_id, live)
        SELECT metric_id, COUNT(*) FROM new_rows WHERE status NOT IN ('retracted', 'superseded') GROUP BY metric_id
        ON CONFLICT (metric_id) DO UPDATE SET live = mc.live + EXCLUDED.live;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- A superseded claim stays out of sight as a retracted one: nothing is deleted.
UPDATE claims SET status = 'retracted' WHERE status = 'superseded';

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION metric_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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

DROP INDEX claims_live_value_idx;
DROP INDEX claims_live_confidence_idx;
DROP INDEX claims_live_baseline_idx;
DROP INDEX claims_live_qualifier_idx;
DROP INDEX claims_live_hardware_idx;
CREATE INDEX claims_live_value_idx ON claims (metric_id, value, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_confidence_idx ON claims (metric_id, confidence, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_baseline_idx ON claims (metric_id, baseline, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_qualifier_idx ON claims (metric_id, qualifier, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_hardware_idx ON claims (hardware_id, metric_id, value, id) WHERE status <> 'retracted';

ALTER TABLE claims DROP COLUMN superseded_in;
ALTER TABLE claims DROP COLUMN arxiv_version;
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check
    CHECK (status IN ('extracted', 'corrected', 'verified', 'retracted'));
