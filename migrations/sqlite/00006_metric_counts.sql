-- Live claim counts per metric, maintained by triggers, so the home page and
-- unfiltered leaderboards never count every row per view.
-- +goose Up
CREATE TABLE metric_counts (
    metric_id INTEGER PRIMARY KEY REFERENCES metrics (id) ON DELETE CASCADE,
    live      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO metric_counts (metric_id, live)
SELECT m.id, (SELECT COUNT(*) FROM claims c WHERE c.metric_id = m.id AND c.status <> 'retracted')
FROM metrics m;

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

-- +goose Down
DROP TRIGGER claims_counts_update;
DROP TRIGGER claims_counts_delete;
DROP TRIGGER claims_counts_insert;
DROP TABLE metric_counts;
