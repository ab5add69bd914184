-- The metric vocabulary of the claim schema. The extractor speaks these slugs;
-- higher_is_better decides which end of a leaderboard is "best".
-- +goose Up
INSERT INTO metrics (slug, name, unit, higher_is_better, description, position) VALUES
('speedup',            'Speedup',                 'x',        TRUE,  'How many times faster than a baseline.', 1),
('reduction_factor',   'Reduction factor',        'x',        TRUE,  'How many times less of a cost: memory, communication, storage, time.', 2),
('capacity_factor',    'Capacity factor',         'x',        TRUE,  'How many times more capacity: larger batch, longer sequence, bigger model.', 3),
('fps',                'Frames per second',       'FPS',      TRUE,  'Frames rendered or processed per second.', 4),
('tflops_per_gpu',     'TFLOPS per device',       'TFLOPS',   TRUE,  'Compute throughput per device.', 5),
('aggregate_flops',    'Aggregate FLOPS',         'PFLOPS',   TRUE,  'Compute throughput of the whole system.', 6),
('peak_fraction',      'Fraction of peak',        '%',        TRUE,  'Fraction of theoretical peak reached.', 7),
('scaling_efficiency', 'Scaling efficiency',      '%',        TRUE,  'Parallel (weak or strong) scaling efficiency.', 8),
('token_throughput',   'Token throughput',        'tokens/s', TRUE,  'Tokens generated or processed per second.', 9),
('improvement_pct',    'Improvement',             '%',        TRUE,  'Relative improvement in percent, stated as an amount of better.', 10),
('sequence_length',    'Sequence length',         'tokens',   TRUE,  'Longest sequence handled.', 11),
('model_size',         'Model size',              'params',   TRUE,  'Largest model trained or served.', 12),
('accuracy',           'Accuracy / quality',      'score',    TRUE,  'An accuracy, F1, PSNR or other quality score as written.', 13),
('latency',            'Latency',                 's',        FALSE, 'Time to do one thing.', 14),
('duration',           'Duration',                's',        FALSE, 'Time for a whole job.', 15),
('memory',             'Memory',                  'GB',       FALSE, 'Memory used.', 16),
('other',              'Other',                   '',         TRUE,  'A quantitative result that fits no other metric.', 17)
ON CONFLICT (slug) DO NOTHING;

-- +goose Down
-- Metrics that claims still use stay: dropping them would destroy claims.
DELETE FROM metrics WHERE id NOT IN (SELECT metric_id FROM claims);
