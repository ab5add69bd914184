-- The number of papers, maintained by triggers, so the home page never counts
-- 600k rows per view (one aggregated update per statement, as for metric_counts).
-- +goose Up
CREATE TABLE paper_count (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    total BIGINT NOT NULL
);
INSERT INTO paper_count (id, total) SELECT 1, COUNT(*) FROM papers;

-- +goose StatementBegin
CREATE FUNCTION paper_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE paper_count SET total = total + (SELECT COUNT(*) FROM new_rows) WHERE id = 1;
    ELSE
        UPDATE paper_count SET total = total - (SELECT COUNT(*) FROM old_rows) WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER papers_count_insert AFTER INSERT ON papers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION paper_count_apply();
CREATE TRIGGER papers_count_delete AFTER DELETE ON papers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION paper_count_apply();

-- +goose Down
DROP TRIGGER papers_count_delete ON papers;
DROP TRIGGER papers_count_insert ON papers;
DROP FUNCTION paper_count_apply();
DROP TABLE paper_count;
