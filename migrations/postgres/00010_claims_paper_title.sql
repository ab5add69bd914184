-- Free-text search matches a claim's subject, baseline and evidence and its
-- paper's title. With the title only on papers, the condition was an OR of two
-- semi-joins, which PostgreSQL cannot turn into joins: for a common word it ran
-- one as a linear subplan per claim and did not finish in 30 s on 1M claims.
-- A lowercased copy of the title on each claim, kept by triggers, puts every
-- searched text on one row, so the planner can choose per query between
-- walking the sort index with a filter (common words) and a bitmap OR of
-- trigram indexes (rare words).
-- +goose Up
ALTER TABLE claims ADD COLUMN paper_title_lc text NOT NULL DEFAULT '';
UPDATE claims c SET paper_title_lc = lower(p.title) FROM papers p WHERE p.id = c.paper_id;

-- +goose StatementBegin
-- FOR SHARE: the foreign key's own lock (KEY SHARE) does not conflict with a
-- title-only rename, so without it a rename committing beside this insert
-- would leave the claim with the old title for good.
CREATE FUNCTION claims_paper_title() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT lower(title) INTO NEW.paper_title_lc FROM papers WHERE id = NEW.paper_id FOR SHARE;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER claims_paper_title BEFORE INSERT OR UPDATE OF paper_id, paper_title_lc ON claims
    FOR EACH ROW EXECUTE FUNCTION claims_paper_title();

-- +goose StatementBegin
CREATE FUNCTION papers_title_to_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims SET paper_title_lc = lower(NEW.title) WHERE paper_id = NEW.id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER papers_title_to_claims AFTER UPDATE OF title ON papers
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION papers_title_to_claims();

-- +goose StatementBegin
DO $$
BEGIN
    CREATE INDEX claims_paper_title_trgm_idx ON claims USING gin (paper_title_lc gin_trgm_ops);
EXCEPTION WHEN undefined_object THEN
    RAISE NOTICE 'pg_trgm unavailable (%); text search will scan', SQLERRM;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP INDEX IF EXISTS claims_paper_title_trgm_idx;
DROP TRIGGER papers_title_to_claims ON papers;
DROP FUNCTION papers_title_to_claims();
DROP TRIGGER claims_paper_title ON claims;
DROP FUNCTION claims_paper_title();
ALTER TABLE claims DROP COLUMN paper_title_lc;
