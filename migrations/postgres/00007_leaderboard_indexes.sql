-- Every sort of a leaderboard is an index walk over the live claims of one
-- metric: partial indexes leave retracted claims out, so no row is read only to
-- be skipped. Sorts by a paper column walk the paper indexes and probe claims.
-- +goose Up
DROP INDEX claims_metric_value_idx;
CREATE INDEX claims_live_value_idx ON claims (metric_id, value, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_confidence_idx ON claims (metric_id, confidence, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_baseline_idx ON claims (metric_id, baseline, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_qualifier_idx ON claims (metric_id, qualifier, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_hardware_idx ON claims (hardware_id, metric_id, value, id) WHERE status <> 'retracted';
CREATE INDEX claims_paper_metric_idx ON claims (paper_id, metric_id);
DROP INDEX claims_paper_idx;
DROP INDEX claims_hardware_idx;
CREATE INDEX papers_title_idx ON papers (title, id);

-- +goose Down
DROP INDEX papers_title_idx;
CREATE INDEX claims_hardware_idx ON claims (hardware_id);
CREATE INDEX claims_paper_idx ON claims (paper_id);
DROP INDEX claims_paper_metric_idx;
DROP INDEX claims_live_hardware_idx;
DROP INDEX claims_live_qualifier_idx;
DROP INDEX claims_live_baseline_idx;
DROP INDEX claims_live_confidence_idx;
DROP INDEX claims_live_value_idx;
CREATE INDEX claims_metric_value_idx ON claims (metric_id, value, id);
