-- A copy of each claim's paper date on the claim, kept by the triggers that
-- keep its title (see the PostgreSQL migration of the same number): the year
-- filter becomes a condition on the claim and the date sort a walk of the
-- metric's claims in date order, with no join to papers (issue 17). The
-- value is copied as stored, so the year's bounds compare the same way.
-- +goose Up
ALTER TABLE claims ADD COLUMN paper_published_on DATE;
UPDATE claims SET paper_published_on = (SELECT p.published_on FROM papers p WHERE p.id = claims.paper_id);

DROP TRIGGER claims_paper_title_insert;
DROP TRIGGER claims_paper_title_update;
DROP TRIGGER papers_title_to_claims;

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_insert AFTER INSERT ON claims BEGIN
    UPDATE claims SET (paper_title_lc, paper_published_on) = (SELECT lower(title), published_on FROM papers WHERE id = NEW.paper_id)
    WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_update AFTER UPDATE OF paper_id ON claims BEGIN
    UPDATE claims SET (paper_title_lc, paper_published_on) = (SELECT lower(title), published_on FROM papers WHERE id = NEW.paper_id)
    WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER papers_title_to_claims AFTER UPDATE OF title, published_on ON papers
WHEN OLD.title IS NOT NEW.title OR OLD.published_on IS NOT NEW.published_on BEGIN
    UPDATE claims SET paper_title_lc = lower(NEW.title), paper_published_on = NEW.published_on WHERE paper_id = NEW.id;
END;
-- +goose StatementEnd

CREATE INDEX claims_live_date_idx ON claims (metric_id, paper_published_on, id) WHERE status NOT IN ('retracted', 'superseded');
-- The paper sort walks the claims' copy of the title: no CROSS JOIN from
-- papers' title index any more.
CREATE INDEX claims_live_paper_idx ON claims (metric_id, paper_title_lc, id) WHERE status NOT IN ('retracted', 'superseded');

-- +goose Down
DROP INDEX claims_live_paper_idx;
DROP INDEX claims_live_date_idx;
DROP TRIGGER papers_title_to_claims;
DROP TRIGGER claims_paper_title_update;
DROP TRIGGER claims_paper_title_insert;

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

ALTER TABLE claims DROP COLUMN paper_published_on;
