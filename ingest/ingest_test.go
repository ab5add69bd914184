package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite" // database/sql driver "sqlite", to read what ingest wrote
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/ingesttest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dump renders every paper and claim row, so two states of a database can be
// compared whole.
func dump(t *testing.T, dsn string) string {
	t.Helper()
	db := testdb.SQL(t, dsn)
	var sb strings.Builder
	for _, q := range []string{
		`SELECT id, content_key, title, abstract, abstract_hash, COALESCE(arxiv_id, ''), arxiv_version, source_url, code_url,
			project_url, authors, primary_category, COALESCE(CAST(published_on AS TEXT), ''), source_name, source_file,
			CAST(ingested_at AS TEXT), CAST(created_at AS TEXT), CAST(updated_at AS TEXT) FROM papers ORDER BY id`,
		`SELECT id, paper_id, metric_id, value, evidence, status, version, CAST(updated_at AS TEXT) FROM claims ORDER BY id`,
		`SELECT id, slug FROM hardware ORDER BY id`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				fmt.Fprintf(&sb, "%v|", v)
			}
			sb.WriteByte('\n')
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return sb.String()
}

func TestIngestEachFormatTwiceChangesNothing(t *testing.T) {
	// The JSON Lines fixture and the feed each hold one paper of the bundled
	// corpus with another abstract: those are updated, the others added.
	sources := []struct {
		name, format   string
		data           []byte
		added, updated int
	}{
		{ingest.BundledName, ingest.FormatPage, ingest.Bundled(), 76, 0},
		{"papers.jsonl", ingest.FormatJSONL, mustRead(t, "testdata/papers.jsonl"), 2, 1},
		{"feed.xml", ingest.FormatArxiv, mustRead(t, "testdata/arxiv-feed.xml"), 2, 1},
		{"generated.jsonl", ingest.FormatJSONL, ingesttest.JSONL(ingesttest.Papers(2500, 7)), 2500, 0},
	}
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		want := 0
		for _, src := range sources {
			first, err := ingest.Ingest(ctx, s, src.name, src.data, ingest.Options{Workers: 3})
			if err != nil {
				t.Fatalf("%s: %v", src.name, err)
			}
			if first.Added != src.added || first.Updated != src.updated || first.Format != src.format {
				t.Fatalf("%s: first ingest = %+v, want %d added, %d updated as %s", src.name, first, src.added, src.updated, src.format)
			}
			want += src.added
			before := dump(t, dsn)
			second, err := ingest.Ingest(ctx, s, src.name, src.data, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := src.added + src.updated; second.Added != 0 || second.Updated != 0 || second.Unchanged != n || second.Claims != 0 {
				t.Fatalf("%s: second ingest = %+v, want all %d unchanged", src.name, second, n)
			}
			if after := dump(t, dsn); after != before {
				t.Fatalf("%s: the second ingest changed the database", src.name)
			}
		}
		if n, _ := s.CountPapers(ctx); n != int64(want) {
			t.Fatalf("papers = %d, want %d", n, want)
		}
		// Every paper says where it came from and when.
		p, err := s.FindPaper(ctx, "2310.08528", "")
		if err != nil {
			t.Fatal(err)
		}
		if p.SourceName != "arxiv" || p.SourceFile != "feed.xml" || p.IngestedAt == nil || p.ArxivVersion != 2 ||
			p.ProjectURL != "https://guanjunwu.github.io/4dgs/" || p.Authors != "Guanjun Wu" || p.PrimaryCategory != "cs.CV" {
			t.Fatalf("arXiv paper = %+v", p)
		}
		p, err = s.FindPaper(ctx, "", "4DGen: Grounded 4D Content Generation")
		if err != nil || p.SourceName != "jsonl" || p.SourceFile != "papers.jsonl" || p.ProjectURL != "https://vita-group.github.io/4DGen/" {
			t.Fatalf("jsonl paper = %+v, %v", p, err)
		}
		p, err = s.FindPaper(ctx, "", "EG4D: Explicit Generation of 4D Object")
		if err != nil || p.CodeURL != "https://github.com/jasongzy/EG4D-official" {
			t.Fatalf("the source's code_url must win over a link in the abstract: %+v, %v", p, err)
		}
		p, err = s.FindPaper(ctx, "", "EG4D: Explicit Generation of 4D Object without Score Distillation")
		if err != nil || p.CodeURL != "https://github.com/jasongzy/EG4D" || p.SourceName != "page" || p.SourceFile != ingest.BundledName {
			t.Fatalf("page paper = %+v, %v", p, err)
		}
	})
}

func TestIngestBadFileWritesNothing(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"mixed.jsonl", mustRead(t, "testdata/mixed.jsonl"), `mixed.jsonl:2: missing "abstract"`},
		{"truncated.xml", mustRead(t, "testdata/arxiv-truncated.xml"), "truncated.xml:33: entry 2: truncated XML"},
		{"empty.txt", nil, "empty.txt:1: empty file"},
		{"long-title.jsonl", []byte("{\"title\":\"ok\",\"abstract\":\"fine\"}\n{\"title\":\"" + strings.Repeat("t", 1<<20) + "\",\"abstract\":\"x\"}\n"), "long-title.jsonl:2:"},
	}
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		if _, err := ingest.File(ctx, s, "papers.jsonl", mustRead(t, "testdata/papers.jsonl")); err != nil {
			t.Fatal(err)
		}
		before := dump(t, dsn)
		for _, tc := range cases {
			_, err := ingest.Ingest(ctx, s, tc.name, tc.data, ingest.Options{})
			var pe *ingest.ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("%s: err = %.200v, want a ParseError starting %q", tc.name, err, tc.want)
			}
			if after := dump(t, dsn); after != before {
				t.Errorf("%s: a rejected file changed the database", tc.name)
			}
		}
	})
}

// A bad record found only after extraction (here: a claim the store refuses,
// as an extractor bug would produce) fails the whole file too, mid-transaction.
func TestIngestFailureAfterWritesRollsBack(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		papers := ingesttest.Papers(2300, 3)
		papers[2200].Title = strings.Repeat("x", 1500) // a title over the limit, late in the file
		_, err := ingest.Ingest(ctx, s, "g.jsonl", ingesttest.JSONL(papers), ingest.Options{})
		if err == nil || !strings.Contains(err.Error(), "g.jsonl:2201:") {
			t.Fatalf("err = %v, want g.jsonl:2201", err)
		}
		// Now a failure from the store after two chunks were written.
		_, err = s.Ingest(ctx, models.Source{Name: "jsonl", File: "g.jsonl"}, func(b *models.Batch) error {
			good := make([]models.PaperInput, 0, 2000)
			for _, p := range papers[:2000] {
				good = append(good, models.PaperInput{Title: p.Title, Abstract: p.Abstract})
			}
			if err := b.Save(good); err != nil {
				return err
			}
			return b.Save([]models.PaperInput{{Title: "x", Abstract: "y", Claims: []models.ClaimInput{{Metric: "nonsense"}}}})
		})
		if models.ErrorCode(err) != models.EInvalid {
			t.Fatalf("err = %v, want invalid", err)
		}
		if n, _ := s.CountPapers(ctx); n != 0 {
			t.Fatalf("a failed transaction left %d papers", n)
		}
	})
}

func TestIngestSkipBad(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		res, err := ingest.Ingest(ctx, s, "mixed.jsonl", mustRead(t, "testdata/mixed.jsonl"), ingest.Options{SkipBad: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != 3 || res.Records != 6 || len(res.Bad) != 3 {
			t.Fatalf("result = %+v, want 3 added of 6 and 3 bad", res)
		}
		for i, line := range []int{2, 4, 5} {
			if res.Bad[i].File != "mixed.jsonl" || res.Bad[i].Line != line {
				t.Errorf("bad %d = %v, want line %d", i, res.Bad[i], line)
			}
		}
		for _, title := range []string{"Good One", "Good Two", "Good Three"} {
			if _, err := s.FindPaper(ctx, "", title); err != nil {
				t.Errorf("%s: %v", title, err)
			}
		}
		// A truncated feed: the complete entry goes in.
		res, err = ingest.Ingest(ctx, s, "t.xml", mustRead(t, "testdata/arxiv-truncated.xml"), ingest.Options{SkipBad: true})
		if err != nil || res.Added != 1 || len(res.Bad) != 1 || res.Bad[0].Entry != 2 {
			t.Fatalf("truncated feed with --skip-bad = %+v, %v", res, err)
		}
	})
}

func TestIngestNewArxivVersionUpdatesAndOldOneDoesNot(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		v1 := []byte(`{"title":"A Paper","abstract":"First version: 10 FPS.","arxiv_id":"2401.00001v1"}` + "\n")
		v2 := []byte(`{"title":"A Paper, Revised","abstract":"Second version: 20 FPS.","arxiv_id":"2401.00001v2"}` + "\n")
		if st, err := ingest.File(ctx, s, "v1.jsonl", v1); err != nil || st.Added != 1 {
			t.Fatalf("v1: %+v, %v", st, err)
		}
		if st, err := ingest.File(ctx, s, "v2.jsonl", v2); err != nil || st.Updated != 1 {
			t.Fatalf("v2: %+v, %v", st, err)
		}
		p, err := s.FindPaper(ctx, "2401.00001", "")
		if err != nil || p.Abstract != "Second version: 20 FPS." || p.Title != "A Paper, Revised" || p.ArxivVersion != 2 || p.SourceFile != "v2.jsonl" {
			t.Fatalf("after v2: %+v, %v", p, err)
		}
		before := dump(t, dsn)
		if st, err := ingest.File(ctx, s, "v1.jsonl", v1); err != nil || st.Unchanged != 1 {
			t.Fatalf("v1 again: %+v, %v", st, err)
		}
		if dump(t, dsn) != before {
			t.Fatal("an older arXiv version overwrote a newer one")
		}
		if n, _ := s.CountPapers(ctx); n != 1 {
			t.Fatalf("papers = %d, want 1", n)
		}
	})
}

func TestIngestSecondSourceFillsMetadataOnce(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		page := []byte("4D Gaussian Splatting for Real-Time Dynamic Scene Rendering\n\nRepresenting and rendering dynamic scenes has been an important but challenging task. We achieve real-time rendering at 82 FPS at an 800*800 resolution on an RTX 3090 GPU.\n")
		if st, err := ingest.File(ctx, s, "page.txt", page); err != nil || st.Added != 1 {
			t.Fatalf("page: %+v, %v", st, err)
		}
		feed := mustRead(t, "testdata/arxiv-feed.xml")
		st, err := ingest.File(ctx, s, "feed.xml", feed)
		if err != nil || st.Added != 2 || st.Updated != 1 {
			t.Fatalf("feed: %+v, %v; want the page's paper updated with its arXiv id", st, err)
		}
		p, err := s.FindPaper(ctx, "2310.08528", "")
		if err != nil || p.Authors != "Guanjun Wu" {
			t.Fatalf("%+v, %v", p, err)
		}
		if st, err := ingest.File(ctx, s, "feed.xml", feed); err != nil || st.Unchanged != 3 {
			t.Fatalf("feed again: %+v, %v", st, err)
		}
		if st, err := ingest.File(ctx, s, "page.txt", page); err != nil || st.Unchanged != 1 {
			t.Fatalf("page again: %+v, %v", st, err)
		}
		if n, _ := s.CountPapers(ctx); n != 3 {
			t.Fatalf("papers = %d, want 3", n)
		}
	})
}

func TestIngestSamePaperTwiceInOneFile(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		data := []byte(`{"title":"Twice","abstract":"Same."}` + "\n" + `{"title":"twice!","abstract":"Same."}` + "\n" +
			`{"title":"Other","abstract":"v1","arxiv_id":"2401.00002v1"}` + "\n" + `{"title":"Other","abstract":"v2","arxiv_id":"2401.00002v2"}` + "\n")
		st, err := ingest.File(ctx, s, "dup.jsonl", data)
		if err != nil || st.Added != 2 || st.Unchanged != 1 || st.Updated != 1 {
			t.Fatalf("%+v, %v", st, err)
		}
		if p, err := s.FindPaper(ctx, "2401.00002", ""); err != nil || p.Abstract != "v2" {
			t.Fatalf("the later version must win: %+v, %v", p, err)
		}
	})
}

// Re-extraction over stored papers gives each the current extractor's claims.
func TestReextractRunsOverEveryPaper(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		papers := ingesttest.Papers(1200, 5)
		if _, err := ingest.File(ctx, s, "g.jsonl", ingesttest.JSONL(papers)); err != nil {
			t.Fatal(err)
		}
		st, err := ingest.Reextract(ctx, s, ingest.ReextractOptions{PageSize: 500, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		// The extractor has not changed since ingest: everything is found again.
		if st.Papers != 1200 || st.Added != 0 || st.Removed != 0 {
			t.Fatalf("reextract = %+v, want 1200 papers and nothing replaced", st)
		}
	})
}

func TestIngestOlderVersionLaterInTheSameFile(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		data := []byte(`{"title":"P","abstract":"v2","arxiv_id":"2401.00003v2"}` + "\n" + `{"title":"P","abstract":"v1","arxiv_id":"2401.00003v1"}` + "\n")
		st, err := ingest.File(ctx, s, "versions.jsonl", data)
		if err != nil || st.Added != 1 || st.Unchanged != 1 {
			t.Fatalf("%+v, %v", st, err)
		}
		if p, err := s.FindPaper(ctx, "2401.00003", ""); err != nil || p.Abstract != "v2" || p.ArxivVersion != 2 {
			t.Fatalf("the newer version must stay: %+v, %v", p, err)
		}
	})
}

// A record the parser accepts but the store would refuse (a title of only
// punctuation has no identity) is caught before anything is written: it
// fails the file, or is skipped and listed under SkipBad.
func TestIngestRecordRefusedAfterExtraction(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		papers := ingesttest.Papers(1500, 21)
		data := append(ingesttest.JSONL(papers), []byte(`{"title":"???","abstract":"No identity."}`+"\n")...)
		data = append(data, ingesttest.JSONL(ingesttest.Papers(10, 22))...)
		_, err := ingest.Ingest(ctx, s, "late.jsonl", data, ingest.Options{})
		var pe *ingest.ParseError
		if !errors.As(err, &pe) || pe.Line != 1501 || !strings.Contains(pe.Msg, "title") {
			t.Fatalf("err = %v, want late.jsonl:1501 about the title", err)
		}
		if n, _ := s.CountPapers(ctx); n != 0 {
			t.Fatalf("a refused file left %d papers (the first 1000 were saved before the bad record)", n)
		}
		res, err := ingest.Ingest(ctx, s, "late.jsonl", data, ingest.Options{SkipBad: true})
		if err != nil || res.Added != 1510 || len(res.Bad) != 1 || res.Bad[0].Line != 1501 {
			t.Fatalf("skip-bad: %+v, %v", res, err)
		}
	})
}
