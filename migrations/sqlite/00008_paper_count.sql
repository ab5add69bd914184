-- The number of papers, maintained by triggers, so the home page never counts
-- every paper per view.
-- +goose Up
CREATE TABLE paper_count (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    total INTEGER NOT NULL
);
INSERT INTO paper_count (id, total) SELECT 1, COUNT(*) FROM papers;

-- +goose StatementBegin
CREATE TRIGGER papers_count_insert AFTER INSERT ON papers
BEGIN
    UPDATE paper_count SET total = total + 1 WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_count_delete AFTER DELETE ON papers
BEGIN
    UPDATE paper_count SET total = total - 1 WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER papers_count_delete;
DROP TRIGGER papers_count_insert;
DROP TABLE paper_count;
