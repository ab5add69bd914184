-- A leaderboard filtered by year, or sorted by date, read its claims through
-- the papers table: the year lives on the paper, so PostgreSQL walked the
-- metric's sort index and looked up every claim's paper to test its year
-- (9,000 buffers for one page of a year at 1M claims), or walked the papers'
-- date index and probed each paper's claims. A copy of the paper's date on
-- each claim, kept by the triggers that already keep its title, makes the
-- year a condition on the claim itself and the date sort a walk of the
-- metric's claims in date order (issue 17).
-- +goose Up
ALTER TABLE claims ADD COLUMN paper_published_on date;
UPDATE claims c SET paper_published_on = p.published_on FROM papers p
WHERE p.id = c.paper_id AND p.published_on IS NOT NULL;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION claims_paper_title() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT lower(title), published_on INTO NEW.paper_title_lc, NEW.paper_published_on
    FROM papers WHERE id = NEW.paper_id FOR SHARE;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
DROP TRIGGER claims_paper_title ON claims;
CREATE TRIGGER claims_paper_title BEFORE INSERT OR UPDATE OF paper_id, paper_title_lc, paper_published_on ON claims
    FOR EACH ROW EXECUTE FUNCTION claims_paper_title();

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION papers_title_to_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims SET paper_title_lc = lower(NEW.title), paper_published_on = NEW.published_on WHERE paper_id = NEW.id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
DROP TRIGGER papers_title_to_claims ON papers;
CREATE TRIGGER papers_title_to_claims AFTER UPDATE OF title, published_on ON papers
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.published_on IS DISTINCT FROM NEW.published_on)
    EXECUTE FUNCTION papers_title_to_claims();

-- Undated papers sort last in both directions, so each direction has its
-- own index.
CREATE INDEX claims_live_date_idx ON claims (metric_id, paper_published_on, id)
    WHERE status NOT IN ('retracted', 'superseded');
CREATE INDEX claims_live_date_desc_idx ON claims (metric_id, paper_published_on DESC NULLS LAST, id DESC)
    WHERE status NOT IN ('retracted', 'superseded');
-- The paper sort walks the claims' copy of the title in the same way: by
-- papers' title index it probed every paper for the metric's claims, and a
-- year filter on top read 2,700 papers for one page.
CREATE INDEX claims_live_paper_idx ON claims (metric_id, paper_title_lc, id)
    WHERE status NOT IN ('retracted', 'superseded');

-- +goose Down
DROP INDEX claims_live_paper_idx;
DROP INDEX claims_live_date_desc_idx;
DROP INDEX claims_live_date_idx;
DROP TRIGGER papers_title_to_claims ON papers;
CREATE TRIGGER papers_title_to_claims AFTER UPDATE OF title ON papers
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION papers_title_to_claims();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION papers_title_to_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims SET paper_title_lc = lower(NEW.title) WHERE paper_id = NEW.id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
DROP TRIGGER claims_paper_title ON claims;
CREATE TRIGGER claims_paper_title BEFORE INSERT OR UPDATE OF paper_id, paper_title_lc ON claims
    FOR EACH ROW EXECUTE FUNCTION claims_paper_title();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION claims_paper_title() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT lower(title) INTO NEW.paper_title_lc FROM papers WHERE id = NEW.paper_id FOR SHARE;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
ALTER TABLE claims DROP COLUMN paper_published_on;
