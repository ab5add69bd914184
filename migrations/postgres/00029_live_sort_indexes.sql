-- The subject, condition and status sort indexes kept the live predicate of
-- before 00017, status <> 'retracted', so their walks also read and
-- dropped the superseded claims. PostgreSQL could still use them (it proves
-- NOT IN implies <>); SQLite could not, which is its migration of this
-- number. Rebuilt with the predicate the queries use; keys and INCLUDE
-- columns are 00028's.
-- +goose Up
DROP INDEX claims_live_condition_idx;
CREATE INDEX claims_live_condition_idx ON claims (metric_id, condition, id) INCLUDE (value, status, confidence, paper_published_on, hardware_id, paper_id)
    WHERE status NOT IN ('retracted', 'superseded');
DROP INDEX claims_live_status_idx;
CREATE INDEX claims_live_status_idx ON claims (metric_id, status, id) INCLUDE (value, confidence, paper_published_on, hardware_id, paper_id)
    WHERE status NOT IN ('retracted', 'superseded');
DROP INDEX claims_live_subject_idx;
CREATE INDEX claims_live_subject_idx ON claims (metric_id, subject, id) INCLUDE (value, status, confidence, paper_published_on, hardware_id, paper_id)
    WHERE status NOT IN ('retracted', 'superseded');

-- +goose Down
DROP INDEX claims_live_condition_idx;
CREATE INDEX claims_live_condition_idx ON claims (metric_id, condition, id) INCLUDE (value, status, confidence, paper_published_on, hardware_id, paper_id)
    WHERE status <> 'retracted';
DROP INDEX claims_live_status_idx;
CREATE INDEX claims_live_status_idx ON claims (metric_id, status, id) INCLUDE (value, confidence, paper_published_on, hardware_id, paper_id)
    WHERE status <> 'retracted';
DROP INDEX claims_live_subject_idx;
CREATE INDEX claims_live_subject_idx ON claims (metric_id, subject, id) INCLUDE (value, status, confidence, paper_published_on, hardware_id, paper_id)
    WHERE status <> 'retracted';
