-- A copy of each claim's device name ('' for none) for the hardware sort,
-- kept by the triggers that keep its paper's title and date (see the
-- PostgreSQL migration of the same number): the sort becomes a walk of an
-- index, not a join and a sort of the metric's claims (issue 17).
-- +goose Up
ALTER TABLE claims ADD COLUMN hardware_sort TEXT NOT NULL DEFAULT '';
UPDATE claims SET hardware_sort = (SELECT h.name FROM hardware h WHERE h.id = claims.hardware_id) WHERE hardware_id IS NOT NULL;

DROP TRIGGER claims_paper_title_insert;

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_insert AFTER INSERT ON claims BEGIN
    UPDATE claims SET (paper_title_lc, paper_published_on, hardware_sort) = (
        SELECT lower(p.title), p.published_on, COALESCE((SELECT h.name FROM hardware h WHERE h.id = NEW.hardware_id), '')
        FROM papers p WHERE p.id = NEW.paper_id)
    WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_hardware_sort_update AFTER UPDATE OF hardware_id ON claims BEGIN
    UPDATE claims SET hardware_sort = COALESCE((SELECT name FROM hardware WHERE id = NEW.hardware_id), '') WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER hardware_name_to_claims AFTER UPDATE OF name ON hardware WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE claims SET hardware_sort = NEW.name WHERE hardware_id = NEW.id;
END;
-- +goose StatementEnd

CREATE INDEX claims_live_hardware_sort_idx ON claims (metric_id, hardware_sort, id) WHERE status NOT IN ('retracted', 'superseded');
ANALYZE claims_live_hardware_sort_idx;

-- +goose Down
DROP INDEX claims_live_hardware_sort_idx;
DROP TRIGGER hardware_name_to_claims;
DROP TRIGGER claims_hardware_sort_update;
DROP TRIGGER claims_paper_title_insert;

-- +goose StatementBegin
CREATE TRIGGER claims_paper_title_insert AFTER INSERT ON claims BEGIN
    UPDATE claims SET (paper_title_lc, paper_published_on) = (SELECT lower(title), published_on FROM papers WHERE id = NEW.paper_id)
    WHERE id = NEW.id;
END;
-- +goose StatementEnd

ALTER TABLE claims DROP COLUMN hardware_sort;
