package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/arxivtest"
	"github.com/claimboard/claimboard/internal/testdb"
)

func versionFeed(version int, abstract string) []byte {
	t := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	return arxivtest.Feed("all:splats", 0, 10, 1, []arxivtest.Paper{{
		ID: "2401.00042", Version: version, Title: "Fast Splats", Abstract: abstract, Published: t, Updated: t,
	}})
}

// After a v2 that changes a number, the paper page says so with the before
// and after, the leaderboard shows only the new number, and the old claim's
// page says it was superseded.
func TestPaperPageShowsNumbersChangedInV2(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		s := site{e: handlers.New(handlers.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}), store: store}
		v1 := "We present Fast Splats. Our method renders at 82 FPS on an RTX 3090 GPU. It reduces peak memory consumption by 40% while keeping accuracy."
		v2 := "We present Fast Splats, with better kernels. Our method renders at 95 FPS on an RTX 3090 GPU. It also reaches a 2.5x speedup in training throughput."
		if _, err := ingest.File(ctx, store, "v1.xml", versionFeed(1, v1)); err != nil {
			t.Fatal(err)
		}
		p, err := store.FindPaper(ctx, "2401.00042", "")
		if err != nil {
			t.Fatal(err)
		}
		page := "/papers/" + strconv.FormatInt(p.ID, 10)
		if _, doc := s.get(t, page); doc.Find("[data-testid^=changes-]").Length() != 0 {
			t.Fatal("a paper with one version shows changes")
		}
		if _, err := ingest.File(ctx, store, "v2.xml", versionFeed(2, v2)); err != nil {
			t.Fatal(err)
		}
		rec, doc := s.get(t, page)
		sec := doc.Find("[data-testid=changes-v2]")
		if rec.Code != 200 || sec.Length() != 1 || !strings.Contains(sec.Find("h2").Text(), "Numbers changed in v2") {
			t.Fatalf("no changes section:\n%s", rec.Body)
		}
		var rows []string
		sec.Find("[data-testid=change-row]").Each(func(_ int, r *goquery.Selection) {
			var cells []string
			r.Find("td").Each(func(_ int, td *goquery.Selection) {
				cells = append(cells, strings.Join(strings.Fields(td.Text()), " "))
			})
			rows = append(rows, strings.Join(cells, " | "))
		})
		want := []string{
			"Frames per second | 82 FPS on NVIDIA RTX 3090 (v1) | 95 FPS on NVIDIA RTX 3090 (v2)",
			"Fraction of peak | 40% (v1) | removed in v2",
			"Speedup | new in v2 | 2.5x on NVIDIA RTX 3090 (v2)", // the abstract names one device: its later rate claims are on it
		}
		if strings.Join(rows, "\n") != strings.Join(want, "\n") {
			t.Fatalf("change rows:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
		}
		// The claims table and the marks in the abstract are the live ones.
		if got := doc.Find("[data-testid=paper-claims] [data-testid=value]").Text(); strings.Contains(got, "82") || !strings.Contains(got, "95") {
			t.Fatalf("claims table: %q", got)
		}
		if marks := doc.Find("[data-testid=abstract] mark").Text(); strings.Contains(marks, "82") || !strings.Contains(marks, "95 FPS") {
			t.Fatalf("marks: %q", marks)
		}
		_, lb := s.get(t, "/leaderboards/fps")
		if got := lb.Find("tbody").Text(); strings.Contains(got, "82") || !strings.Contains(got, "95") {
			t.Fatalf("fps leaderboard shows %q", got)
		}
		href, _ := sec.Find("[data-testid=before] a").First().Attr("href")
		_, claim := s.get(t, href)
		if got := claim.Find("[data-testid=claim-status]").Text(); got != "superseded in v2" {
			t.Fatalf("old claim's status: %q", got)
		}
	})
}
