-- Four metrics of the claim schema that version 0.4 of the extractor reads:
-- bytes, items, power and energy per second or per job had been filed under
-- "other". "other" moves to the end of the list, where it belongs.
-- +goose Up
INSERT INTO metrics (slug, name, unit, higher_is_better, description, position) VALUES
('bandwidth',  'Bandwidth',  'GB/s',    1, 'Bytes moved per second: memory, storage, network, parsing.', 17),
('throughput', 'Throughput', 'items/s', 1, 'Items other than tokens and frames processed per second; the claim''s unit names the item.', 18),
('power',      'Power',      'W',       0, 'Power drawn.', 19),
('energy',     'Energy',     'J',       0, 'Energy used per item or per job.', 20)
ON CONFLICT (slug) DO NOTHING;
UPDATE metrics SET position = 21 WHERE slug = 'other';
INSERT INTO metric_counts (metric_id, live)
SELECT m.id, 0 FROM metrics m WHERE m.slug IN ('bandwidth', 'throughput', 'power', 'energy')
ON CONFLICT (metric_id) DO NOTHING;

-- +goose Down
-- A metric that claims use stays: dropping it would destroy claims.
UPDATE metrics SET position = 17 WHERE slug = 'other';
DELETE FROM metrics WHERE slug IN ('bandwidth', 'throughput', 'power', 'energy')
    AND id NOT IN (SELECT metric_id FROM claims);
