package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// seededSite is the router over a store seeded as serve seeds a new
// database: the bundled corpus with its metadata.
func seededSite(t *testing.T, dsn string) site {
	t.Helper()
	s := testdb.MustOpen(t, dsn)
	if _, err := ingest.File(context.Background(), s, ingest.BundledName, ingest.Bundled()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return site{e: handlers.New(handlers.Config{Store: s, Logger: log}), store: s}
}

// The 4D Gaussian Splatting paper (277 FPS on an RTX 3090) is on the fps
// leaderboard; its metadata line has id, authors, date and code.
const gsTitle = "4D Gaussian Splatting: Towards Efficient Novel View Synthesis for Dynamic Scenes"

func TestBundledPaperPageShowsProvenance(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := seededSite(t, dsn)
		p, err := s.store.FindPaper(context.Background(), "", gsTitle)
		if err != nil {
			t.Fatal(err)
		}
		rec, doc := s.get(t, "/papers/"+strconv.FormatInt(p.ID, 10))
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		meta := doc.Find(`[data-testid="paper-meta"]`)
		if got := meta.Find(`[data-testid="authors"]`).Text(); !strings.HasPrefix(got, "Yuanxing Duan, Fangyin Wei") {
			t.Fatalf("authors = %q", got)
		}
		if got := meta.Find(`[data-testid="published"]`).AttrOr("datetime", ""); got != "2024-02-05" {
			t.Fatalf("submitted = %q", got)
		}
		for sel, want := range map[string]string{
			`[data-testid="arxiv-link"]`: "https://arxiv.org/abs/2402.03307",
			`[data-testid="pdf-link"]`:   "https://arxiv.org/pdf/2402.03307",
			`[data-testid="code-link"]`:  "https://github.com/weify627/4D-Rotor-Gaussians",
		} {
			if got := meta.Find(sel).AttrOr("href", ""); got != want {
				t.Errorf("%s href = %q, want %q", sel, got, want)
			}
		}
		if got := meta.Find(`[data-testid="arxiv-link"]`).Text(); got != "arXiv:2402.03307" {
			t.Errorf("arXiv label = %q", got)
		}
	})
}

func TestBundledLeaderboardHasPublishedAndYearFilter(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := seededSite(t, dsn)
		_, doc := s.get(t, "/leaderboards/fps")
		dated := 0
		doc.Find(`[data-testid="claim-row"] [data-testid="date"]`).Each(func(_ int, d *goquery.Selection) {
			if strings.TrimSpace(d.Text()) != "" {
				dated++
			}
		})
		if dated == 0 {
			t.Fatal("no fps row shows a Published date")
		}
		rec, doc := s.get(t, "/leaderboards/fps?year=2024")
		rows := doc.Find(`[data-testid="claim-row"]`)
		if rec.Code != 200 || rows.Length() == 0 {
			t.Fatalf("year=2024: status %d, %d rows", rec.Code, rows.Length())
		}
		found277 := false
		rows.Each(func(_ int, r *goquery.Selection) {
			if d := r.Find(`[data-testid="date"]`).Text(); !strings.HasPrefix(d, "2024-") {
				t.Errorf("year=2024 shows a row published %q", d)
			}
			if strings.Contains(r.Find(`[data-testid="value"]`).Text(), "277") {
				found277 = true
			}
		})
		if !found277 {
			t.Error("year=2024 lacks the 277 FPS claim of 2402.03307 (submitted 2024-02-05)")
		}
		if _, doc := s.get(t, "/leaderboards/fps?year=2000"); doc.Find(`[data-testid="claim-row"]`).Length() != 0 {
			t.Error("year=2000 returns rows")
		}
	})
}

// Links on a paper page come from data: only http and https ones are
// rendered, whatever was stored (the store refuses others now; these are
// written past it, as an older version could have stored them).
func TestPaperPageRendersOnlyWebLinks(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		ctx := context.Background()
		hostile := models.PaperInput{
			Title: "Hostile Links", Abstract: "Nothing measured here.",
			CodeURL: "javascript:alert(1)", SourceURL: "data:text/html,<script>alert(1)</script>",
			ProjectURL: "https://example.org/project",
		}
		if _, err := s.store.SavePapers(ctx, []models.PaperInput{hostile}); err == nil {
			t.Fatal("the store took a javascript: link")
		}
		hostile.CodeURL, hostile.SourceURL = "", ""
		if _, err := s.store.SavePapers(ctx, []models.PaperInput{hostile}); err != nil {
			t.Fatal(err)
		}
		plantLinks(t, dsn, "Hostile Links", "data:text/html,<script>alert(1)</script>", "javascript:alert(1)")
		p, err := s.store.FindPaper(ctx, "", "Hostile Links")
		if err != nil {
			t.Fatal(err)
		}
		rec, doc := s.get(t, "/papers/"+strconv.FormatInt(p.ID, 10))
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		if strings.Contains(rec.Body.String(), "javascript:") || strings.Contains(rec.Body.String(), "data:text") {
			t.Fatal("a javascript: or data: URL reached the page")
		}
		if doc.Find(`[data-testid="code-link"], [data-testid="source-link"], [data-testid="arxiv-link"]`).Length() != 0 {
			t.Fatal("a link was rendered for a non-web URL or a missing arXiv id")
		}
		if got := doc.Find(`[data-testid="project-link"]`).AttrOr("href", ""); got != "https://example.org/project" {
			t.Fatalf("project link = %q", got)
		}
	})
}
