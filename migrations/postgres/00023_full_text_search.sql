-- Full-text search with a word index (issue 17). Searching was substring
-- matching: trigram indexes on four claim texts, and abstracts read for the
-- newest 20,000 papers only, because no index covered them.
--
-- Now every searched text is a tsvector with a GIN index:
--   papers.search_tsv  title (weight A) and abstract (C), a generated column;
--   claims.search_tsv  paper title (A), subject and baseline (B), device name
--                      and slug (B), evidence (C), kept by a trigger because the
--                      title and the device live on other rows.
-- Words are runs of letters and digits (search_words), lowercased, with no
-- stemming ('simple'), so PostgreSQL and SQLite's FTS5 unicode61 tokenizer cut
-- the same words and both databases return the same rows.
--
-- The paper's method name (papers.method, migration 00022) is searched with
-- its title (weight A) on papers. Claims reach it through the paper's title,
-- which usually carries it ("Name: ..."); a claims-side method column would
-- mean one more argument to claims_search_doc and a refill.
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION search_words(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(lower(coalesce(t, '')), '[^[:alnum:]]+', ' ', 'g')
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION claims_search_doc(title text, subject text, baseline text, device text, evidence text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', search_words(title)), 'A')
        || setweight(to_tsvector('simple', search_words(subject || ' ' || baseline)), 'B')
        || setweight(to_tsvector('simple', search_words(device)), 'B')
        || setweight(to_tsvector('simple', search_words(evidence)), 'C')
$$;
-- +goose StatementEnd

ALTER TABLE papers ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', search_words(title || ' ' || coalesce(method, ''))), 'A')
    || setweight(to_tsvector('simple', search_words(abstract)), 'C')) STORED;
CREATE INDEX papers_search_idx ON papers USING gin (search_tsv);

ALTER TABLE claims ADD COLUMN search_tsv tsvector;
UPDATE claims c SET search_tsv = claims_search_doc(c.paper_title_lc, c.subject, c.baseline,
    (SELECT h.name || ' ' || h.slug FROM hardware h WHERE h.id = c.hardware_id), c.evidence);

-- +goose StatementBegin
-- Named to fire after claims_paper_title (BEFORE triggers run in name order),
-- so NEW.paper_title_lc is already the paper's current title.
CREATE FUNCTION claims_search_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_tsv := claims_search_doc(NEW.paper_title_lc, NEW.subject, NEW.baseline,
        (SELECT name || ' ' || slug FROM hardware WHERE id = NEW.hardware_id), NEW.evidence);
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER claims_search_tsv BEFORE INSERT OR UPDATE OF paper_title_lc, subject, baseline, hardware_id, evidence
    ON claims FOR EACH ROW EXECUTE FUNCTION claims_search_tsv();

-- +goose StatementBegin
CREATE FUNCTION hardware_search_to_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims SET search_tsv = claims_search_doc(paper_title_lc, subject, baseline, NEW.name || ' ' || NEW.slug, evidence)
        WHERE hardware_id = NEW.id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER hardware_search_to_claims AFTER UPDATE OF name, slug ON hardware
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
    EXECUTE FUNCTION hardware_search_to_claims();

CREATE INDEX claims_search_idx ON claims USING gin (search_tsv);

-- The trigram indexes served only the substring match this replaces; every
-- claim write paid for four of them.
DROP INDEX IF EXISTS claims_subject_trgm_idx;
DROP INDEX IF EXISTS claims_baseline_trgm_idx;
DROP INDEX IF EXISTS claims_evidence_trgm_idx;
DROP INDEX IF EXISTS claims_paper_title_trgm_idx;
DROP INDEX IF EXISTS papers_title_trgm_idx;

-- The date sort is newest first with undated papers last (DESC NULLS LAST),
-- which a backward walk of papers_published_on_idx (ASC NULLS LAST) cannot
-- give: without this index every date-sorted page hashed the metric's claims
-- against all papers and sorted them.
CREATE INDEX papers_published_desc_idx ON papers (published_on DESC NULLS LAST, id DESC);

-- Sorts by subject, condition and status had no index: every page of them
-- read and sorted all of the metric's live claims. (The hardware sort orders
-- by a column of another table and still sorts; see docs/performance.md.)
CREATE INDEX claims_live_subject_idx ON claims (metric_id, subject, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_condition_idx ON claims (metric_id, condition, id) WHERE status <> 'retracted';
CREATE INDEX claims_live_status_idx ON claims (metric_id, status, id) WHERE status <> 'retracted';

-- +goose Down
DROP INDEX claims_live_status_idx;
DROP INDEX claims_live_condition_idx;
DROP INDEX claims_live_subject_idx;
DROP INDEX papers_published_desc_idx;
-- +goose StatementBegin
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX claims_subject_trgm_idx ON claims USING gin (lower(subject) gin_trgm_ops);
    CREATE INDEX claims_baseline_trgm_idx ON claims USING gin (lower(baseline) gin_trgm_ops);
    CREATE INDEX claims_evidence_trgm_idx ON claims USING gin (lower(evidence) gin_trgm_ops);
    CREATE INDEX papers_title_trgm_idx ON papers USING gin (lower(title) gin_trgm_ops);
    CREATE INDEX claims_paper_title_trgm_idx ON claims USING gin (paper_title_lc gin_trgm_ops);
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported OR undefined_object THEN
    RAISE NOTICE 'pg_trgm unavailable (%); text search will scan', SQLERRM;
END
$$;
-- +goose StatementEnd
DROP INDEX claims_search_idx;
DROP TRIGGER hardware_search_to_claims ON hardware;
DROP FUNCTION hardware_search_to_claims();
DROP TRIGGER claims_search_tsv ON claims;
DROP FUNCTION claims_search_tsv();
ALTER TABLE claims DROP COLUMN search_tsv;
DROP INDEX papers_search_idx;
ALTER TABLE papers DROP COLUMN search_tsv;
DROP FUNCTION claims_search_doc(text, text, text, text, text);
DROP FUNCTION search_words(text);
