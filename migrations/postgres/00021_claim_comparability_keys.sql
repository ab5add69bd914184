-- The comparability keys of a claim (issue 14): what two figures must share
-- before they can be set side by side. Each is a row of the claim field
-- table (models.ClaimFieldTable); NULL (or '') is not stated. batch_size and seq_len
-- are whole counts (samples, tokens), model_size is parameters in billions
-- (7 for 7B, 0.35 for 350M), resolution is WxH ("1920x1080") or one of the
-- named ones, dataset the benchmark or data set, as the abstract names it.
-- +goose Up
ALTER TABLE claims ADD COLUMN batch_size INTEGER CHECK (batch_size >= 1);
ALTER TABLE claims ADD COLUMN resolution TEXT
    CHECK (resolution IN ('', '480p', '720p', '1080p', '1440p', '2K', '4K', '8K') OR resolution ~ '^[1-9][0-9]{0,5}x[1-9][0-9]{0,5}$');
ALTER TABLE claims ADD COLUMN seq_len INTEGER CHECK (seq_len >= 1);
ALTER TABLE claims ADD COLUMN model_size DOUBLE PRECISION CHECK (model_size > 0);
ALTER TABLE claims ADD COLUMN dataset TEXT CHECK (char_length(dataset) <= 200);

-- +goose Down
ALTER TABLE claims DROP COLUMN dataset;
ALTER TABLE claims DROP COLUMN model_size;
ALTER TABLE claims DROP COLUMN seq_len;
ALTER TABLE claims DROP COLUMN resolution;
ALTER TABLE claims DROP COLUMN batch_size;
