-- The numeric precision a claim was measured at (fp16, int8, ...), which
-- throughput figures are not comparable without. '' is not stated; the
-- extractor does not read it yet, so only people set it, through a
-- suggestion a moderator accepts. The values are models' precision
-- vocabulary (ClaimPrecisions).
-- +goose Up
ALTER TABLE claims ADD COLUMN precision TEXT NOT NULL DEFAULT ''
    CHECK (precision IN ('', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'int4', 'fp4'));

-- +goose Down
ALTER TABLE claims DROP COLUMN precision;
