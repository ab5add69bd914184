package ingest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// The metadata file is checked in by hand: every corpus paper has exactly
// one line, and every fact names the page it came from (ParseMetadata
// refuses one that does not).
func TestBundledMetadataCoversTheCorpus(t *testing.T) {
	metas := ingest.BundledMetadata()
	recs, err := ingest.Parse(ingest.Bundled(), ingest.BundledName)
	if err != nil {
		t.Fatal(err)
	}
	if len(metas) != len(recs) {
		t.Fatalf("metadata has %d papers, the corpus %d", len(metas), len(recs))
	}
	ids := map[string]string{}
	found := 0
	for i, r := range recs {
		m := metas[i]
		if models.NormalizeTitle(m.Title) != models.NormalizeTitle(r.Title) {
			t.Fatalf("metadata line %d is %q, corpus paper %d is %q: keep them in corpus order", m.Line, m.Title, i+1, r.Title)
		}
		if m.ArxivID == "" {
			continue
		}
		if other, dup := ids[m.ArxivID]; dup {
			t.Fatalf("arXiv %s is given to %q and %q", m.ArxivID, other, m.Title)
		}
		ids[m.ArxivID] = m.Title
		if m.AbsURL != "https://arxiv.org/abs/"+m.ArxivID || m.PDFURL != "https://arxiv.org/pdf/"+m.ArxivID {
			t.Fatalf("%s: abs %q, pdf %q", m.ArxivID, m.AbsURL, m.PDFURL)
		}
		if m.Authors != "" && m.Submitted != nil {
			found++
		}
		// An arXiv id names the month it was issued (YYMM): the month of first
		// submission, or the next one for a paper held in moderation across a
		// month's end (2206.06302 was submitted on 30 May 2022).
		if m.Submitted != nil && !strings.Contains(m.ArxivID, "/") {
			month := m.Submitted.Format("0601")
			if month != m.ArxivID[:4] && m.Submitted.AddDate(0, 0, 7).Format("0601") != m.ArxivID[:4] {
				t.Fatalf("%s: submitted %s is not in (or just before) the month its id names", m.ArxivID, m.Submitted.Format("2006-01-02"))
			}
		}
	}
	t.Logf("%d of %d papers have an arXiv id, %d also authors and a date", len(ids), len(recs), found)
}

func TestParseMetadataRefusesBadLines(t *testing.T) {
	const src = `"sources": {"arxiv_id": "https://example.org/p"}`
	cases := map[string]string{
		`{"title": "A", "arxiv_id": "2101.00001", "colour": "red", ` + src + `}`:                                                                                             `unknown field "colour"`,
		`{"title": "A", "arxiv_id": "2101.00001v2", ` + src + `}`:                                                                                                            `not an arXiv identifier without version`,
		`{"title": "A", "arxiv_id": "2101.00001", "abs_url": "https://evil.example/abs/2101.00001", ` + src + `}`:                                                            `"abs_url" must be`,
		`{"title": "A", "arxiv_id": "2101.00001", "code_url": "javascript:alert(1)", "sources": {"arxiv_id": "https://example.org/p", "code_url": "https://example.org/p"}}`: `not an http or https URL`,
		`{"title": "A", "arxiv_id": "2101.00001"}`:                                                                                                                           `"arxiv_id" is given without the page`,
		`{"title": "A", "arxiv_id": "2101.00001", "sources": {"arxiv_id": "ftp://example.org"}}`:                                                                             `not an http or https URL`,
		`{"title": "A", "submitted": "14 Mar 2024", "sources": {"submitted": "https://example.org/p"}}`:                                                                      `not YYYY-MM-DD`,
		`{"title": " "}`: `missing "title"`,
		`{"title": "A"`:  `not a metadata object`,
	}
	for line, want := range cases {
		_, err := ingest.ParseMetadata([]byte("# comment\n\n"+line+"\n"), "meta.jsonl")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "meta.jsonl:3: ") {
			t.Errorf("%s\n  error %v, want meta.jsonl:3: ...%s", line, err, want)
		}
	}
	_, err := ingest.ParseMetadata([]byte("{\"title\": \"A b\"}\n{\"title\": \"a, B\"}\n"), "meta.jsonl")
	if err == nil || !strings.Contains(err.Error(), "meta.jsonl:2: ") || !strings.Contains(err.Error(), "already on line 1") {
		t.Errorf("duplicate title: %v", err)
	}
}

// withMeta is what the bundled metadata says of the paper titled title; the
// test needs one paper that has every fact.
func withMeta(t *testing.T) ingest.PaperMeta {
	t.Helper()
	for _, m := range ingest.BundledMetadata() {
		if m.ArxivID != "" && m.Authors != "" && m.Submitted != nil && m.ArxivVersion > 0 {
			return m
		}
	}
	t.Fatal("no paper of the bundled metadata has id, version, authors and date")
	return ingest.PaperMeta{}
}

func checkMeta(t *testing.T, s *models.Store, m ingest.PaperMeta) {
	t.Helper()
	p, err := s.FindPaper(context.Background(), "", m.Title)
	if err != nil {
		t.Fatal(err)
	}
	if p.ArxivID == nil || *p.ArxivID != m.ArxivID || p.ArxivVersion != m.ArxivVersion || p.Authors != m.Authors ||
		p.PublishedOn == nil || !p.PublishedOn.Equal(*m.Submitted) {
		t.Fatalf("stored %+v, want the metadata %+v", p, m)
	}
}

// countWithID counts the stored papers that have an arXiv id.
func countWithID(t *testing.T, s *models.Store) int {
	t.Helper()
	n := 0
	for _, m := range ingest.BundledMetadata() {
		p, err := s.FindPaper(context.Background(), "", m.Title)
		if err != nil {
			t.Fatal(err)
		}
		if p.ArxivID != nil {
			n++
		}
	}
	return n
}

func withIDs() int {
	n := 0
	for _, m := range ingest.BundledMetadata() {
		if m.ArxivID != "" {
			n++
		}
	}
	return n
}

func TestSeedAppliesTheBundledMetadata(t *testing.T) {
	m := withMeta(t)
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		st, err := ingest.File(ctx, s, ingest.BundledName, ingest.Bundled())
		if err != nil || st.Added != 76 {
			t.Fatalf("seed: %+v, %v", st, err)
		}
		checkMeta(t, s, m)
		if n := countWithID(t, s); n != withIDs() {
			t.Fatalf("%d papers got an arXiv id, the metadata has %d", n, withIDs())
		}
	})
}

// oldSeed stores the bundled corpus as a release without the metadata did:
// text and claims only.
func oldSeed(t *testing.T, s *models.Store) {
	t.Helper()
	recs, err := ingest.Parse(ingest.Bundled(), ingest.BundledName)
	if err != nil {
		t.Fatal(err)
	}
	papers := make([]models.PaperInput, len(recs))
	for i, r := range recs {
		papers[i] = ingest.Extract(r)
	}
	if _, err := s.SavePapers(context.Background(), papers); err != nil {
		t.Fatal(err)
	}
	if n := countWithID(t, s); n != 0 {
		t.Fatalf("the old seed has %d arXiv ids", n)
	}
}

func TestExistingDatabaseCatchesUpThroughReextract(t *testing.T) {
	m := withMeta(t)
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		oldSeed(t, s)
		st, err := ingest.Reextract(ctx, s, ingest.ReextractOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if st.Filled == 0 || st.Filled > 76 {
			t.Fatalf("reextract filled %d papers", st.Filled)
		}
		checkMeta(t, s, m)
		if n := countWithID(t, s); n != withIDs() {
			t.Fatalf("%d papers got an arXiv id, the metadata has %d", n, withIDs())
		}
		before := dump(t, dsn)
		again, err := ingest.Reextract(ctx, s, ingest.ReextractOptions{})
		if err != nil || again.Filled != 0 || again.Added != 0 || again.Removed != 0 {
			t.Fatalf("second reextract: %+v, %v", again, err)
		}
		if dump(t, dsn) != before {
			t.Fatal("a second reextract changed the database")
		}
	})
}

func TestExistingDatabaseCatchesUpThroughIngest(t *testing.T) {
	m := withMeta(t)
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		oldSeed(t, s)
		first, err := ingest.File(ctx, s, ingest.BundledName, ingest.Bundled())
		if err != nil {
			t.Fatal(err)
		}
		// The text is the same: only metadata changes, no claim is touched.
		if first.Added != 0 || first.Updated == 0 || first.Updated+first.Unchanged != 76 || first.Claims != 0 || first.ClaimsRemoved != 0 {
			t.Fatalf("ingest over the old seed: %+v", first)
		}
		checkMeta(t, s, m)
		before := dump(t, dsn)
		second, err := ingest.File(ctx, s, ingest.BundledName, ingest.Bundled())
		if err != nil || second.Updated != 0 || second.Unchanged != 76 {
			t.Fatalf("second ingest: %+v, %v", second, err)
		}
		if dump(t, dsn) != before {
			t.Fatal("a second ingest changed the database")
		}
	})
}

// What a source says wins over the bundled file: a feed's newer version
// and its own authors are kept, and a record naming another arXiv id is
// another paper, which takes nothing from the bundled line.
func TestSourceFactsWinOverBundledMetadata(t *testing.T) {
	m := withMeta(t)
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		line := `{"title": "` + m.Title + `", "abstract": "A revised abstract reaching 120 FPS on an RTX 4090.", "arxiv_id": "` + m.ArxivID + `v9"}` + "\n" +
			`{"title": "` + m.Title + `", "abstract": "Another paper with the same title.", "arxiv_id": "9901.00001"}` + "\n"
		if _, err := ingest.File(ctx, s, "x.jsonl", []byte(line)); err != nil {
			t.Fatal(err)
		}
		p, err := s.FindPaper(ctx, m.ArxivID, "")
		if err != nil || p.ArxivVersion != 9 || p.Authors != m.Authors {
			t.Fatalf("the matching paper: %+v, %v", p, err)
		}
		other, err := s.FindPaper(ctx, "9901.00001", "")
		if err != nil || other.Authors != "" || other.PublishedOn != nil {
			t.Fatalf("the other paper took the bundled facts: %+v, %v", other, err)
		}
	})
}
