-- Comparability-key filters (issue 14: precision=, batch_size=, resolution=,
-- seq_len=, model_size=, dataset=, devices=) walk one metric's claims of one
-- key value in value order. Most claims state no key, so each index is
-- partial: it holds only live claims (the predicate of 00017's indexes) that
-- state it, and the store repeats
-- the predicate literally in its condition (models.keyConditions) so that
-- SQLite, which matches partial-index predicates by their terms, uses it.
-- +goose Up
CREATE INDEX claims_live_precision_idx ON claims (metric_id, precision, value, id) WHERE status NOT IN ('retracted', 'superseded') AND precision <> '';
CREATE INDEX claims_live_batch_size_idx ON claims (metric_id, batch_size, value, id) WHERE status NOT IN ('retracted', 'superseded') AND batch_size IS NOT NULL;
CREATE INDEX claims_live_resolution_idx ON claims (metric_id, resolution, value, id) WHERE status NOT IN ('retracted', 'superseded') AND resolution <> '';
CREATE INDEX claims_live_seq_len_idx ON claims (metric_id, seq_len, value, id) WHERE status NOT IN ('retracted', 'superseded') AND seq_len IS NOT NULL;
CREATE INDEX claims_live_model_size_idx ON claims (metric_id, model_size, value, id) WHERE status NOT IN ('retracted', 'superseded') AND model_size IS NOT NULL;
CREATE INDEX claims_live_dataset_idx ON claims (metric_id, dataset, value, id) WHERE status NOT IN ('retracted', 'superseded') AND dataset <> '';
CREATE INDEX claims_live_devices_idx ON claims (metric_id, hardware_count, value, id) WHERE status NOT IN ('retracted', 'superseded') AND hardware_count IS NOT NULL;

-- +goose Down
DROP INDEX claims_live_devices_idx;
DROP INDEX claims_live_dataset_idx;
DROP INDEX claims_live_model_size_idx;
DROP INDEX claims_live_seq_len_idx;
DROP INDEX claims_live_resolution_idx;
DROP INDEX claims_live_batch_size_idx;
DROP INDEX claims_live_precision_idx;
