-- The subject, condition and status sort indexes (00023) were made with the
-- live predicate of before 00017, status <> 'retracted'. A leaderboard asks
-- for status NOT IN ('retracted', 'superseded'), and SQLite uses a partial
-- index only when the query's WHERE names the index's terms, so it never
-- walked these three: every page of those sorts sorted the whole metric
-- (about a second at 1M claims). Rebuilt with the predicate the queries use.
-- +goose Up
DROP INDEX claims_live_subject_idx;
DROP INDEX claims_live_condition_idx;
DROP INDEX claims_live_status_idx;
CREATE INDEX claims_live_subject_idx ON claims (metric_id, subject, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_condition_idx ON claims (metric_id, condition, id) WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_status_idx ON claims (metric_id, status, id) WHERE status NOT IN ('retracted', 'superseded');
-- A new index has no statistics until ANALYZE, and SQLite then guesses a
-- handful of rows per metric: it took the status index for the cheapest
-- way into any page and sorted the metric. ANALYZE of just the three.
ANALYZE claims_live_subject_idx;
ANALYZE claims_live_condition_idx;
ANALYZE claims_live_status_idx;

-- +goose Down
DROP INDEX claims_live_status_idx;
DROP INDEX claims_live_condition_idx;
DROP INDEX claims_live_subject_idx;
CREATE INDEX claims_live_subject_idx ON claims (metric_id, subject, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_condition_idx ON claims (metric_id, condition, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_status_idx ON claims (metric_id, status, id) WHERE status <> 'retracted';
