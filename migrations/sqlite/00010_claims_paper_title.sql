-- Free-text search matches a claim's subject, baseline and evidence and its
-- paper's title; a lowercased copy of the title on each claim, kept by
-- triggers, puts all of them on one row so the condition needs no subquery
-- (see the PostgreSQL migration of this version for the plan it fixes).
-- SQLite triggers cannot change NEW, so the insert trigger writes the copy
-- after the row exists.
-- +goose Up
ALTER TABLE claims ADD COLUMN paper_title_lc TEXT NOT NULL DEFAULT '';
UPDATE claims SET paper_title_lc = (SELECT lower(title) FROM papers WHERE papers.id = claims.paper_id);

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_insert AFTER INSERT ON claims BEGIN
    UPDATE claims SET paper_title_lc = (SELECT lower(title) FROM papers WHERE id = NEW.paper_id) WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_update AFTER UPDATE OF paper_id ON claims BEGIN
    UPDATE claims SET paper_title_lc = (SELECT lower(title) FROM papers WHERE id = NEW.paper_id) WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_title_to_claims AFTER UPDATE OF title ON papers WHEN OLD.title IS NOT NEW.title BEGIN
    UPDATE claims SET paper_title_lc = lower(NEW.title) WHERE paper_id = NEW.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER papers_title_to_claims;
DROP TRIGGER claims_paper_title_update;
DROP TRIGGER claims_paper_title_insert;
ALTER TABLE claims DROP COLUMN paper_title_lc;
