package handlers_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/export"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// exportFixture is 24 fps papers whose claims tie on value, hardware,
// qualifier and date in turns, so only the full ORDER BY (tie-breaker
// included) gives one order, plus a paper whose text tries formula injection.
func exportFixture() []models.PaperInput {
	hw := []*models.Hardware{
		{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"},
		{Name: "NVIDIA RTX 4090", Slug: "nvidia-rtx-4090", Vendor: "NVIDIA"}, nil,
	}
	quals := []string{"", "up_to", "approx", "at_least"}
	var out []models.PaperInput
	for i := range 24 {
		abs := fmt.Sprintf("Paper %d renders at %d FPS.", i, 100+i%5*10)
		day := time.Date(2023+i%3, time.Month(1+i%12), 1, 0, 0, 0, 0, time.UTC)
		p := models.PaperInput{
			Title: fmt.Sprintf("Renderer %02d", (i*7)%24), Abstract: abs, PublishedOn: &day,
			Claims: []models.ClaimInput{{
				Metric: "fps", Value: float64(100 + i%5*10), Unit: "FPS", RawText: "x FPS",
				Qualifier: quals[i%4], Hardware: hw[i%3], HardwareCount: i % 3,
				Baseline: fmt.Sprintf("baseline %d", i%4), Subject: "scenes", Confidence: 0.5 + float64(i%4)/10,
				Evidence: abs, EvidenceStart: 0, EvidenceEnd: len(abs),
			}},
		}
		if i%2 == 0 {
			p.ArxivID = fmt.Sprintf("2401.%05d", i)
			p.CodeURL = "https://example.org/code"
		}
		if i == 3 {
			hi := 150.5
			p.Claims[0].ValueHigh = &hi
		}
		if i%6 == 0 {
			p.PublishedOn = nil
		}
		out = append(out, p)
	}
	evil := "=HYPERLINK(\"http://evil.example\",\"click\") reaches -3.5 FPS."
	out = append(out, models.PaperInput{
		Title: `=HYPERLINK("http://evil.example","click")`, Abstract: evil, ArxivID: "2402.00001",
		SourceURL: "https://example.org/=SUM(1+1)", // a link cannot start a formula any more
		Claims: []models.ClaimInput{{
			Metric: "fps", Value: -3.5, Unit: "FPS", Baseline: "+cmd|' /C calc'!A0", Subject: "@SUM(A1:A9)",
			Condition: "\tleading tab", Evidence: evil, EvidenceStart: 0, EvidenceEnd: len(evil),
			Hardware: &models.Hardware{Name: "-2+3 board", Slug: "evil-board"}, HardwareCount: 2, Confidence: 0.9,
		}},
	})
	return out
}

func mustExportSite(t *testing.T, dsn string) site {
	t.Helper()
	s := testdb.MustOpen(t, dsn)
	if _, err := s.SavePapers(context.Background(), exportFixture()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return site{e: handlers.New(handlers.Config{Store: s, Logger: log, BaseURL: "https://claims.example.org",
		HardwareAliases: extract.HardwareByAlias}), store: s}
}

// do sends one request through the real router.
func (s site) do(t *testing.T, target string, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	s.e.ServeHTTP(rec, req)
	return rec
}

// htmlIDs walks the leaderboard page by page along its rel=next links and
// returns every row's claim id, and the page's CSV link.
func htmlIDs(t *testing.T, s site, target string) (ids []int64, csvURL string) {
	t.Helper()
	for target != "" {
		rec, doc := s.get(t, target)
		if rec.Code != 200 {
			t.Fatalf("GET %s: %d", target, rec.Code)
		}
		if csvURL == "" {
			csvURL, _ = doc.Find(`[data-testid="csv-link"]`).Attr("href")
		}
		doc.Find(`[data-testid="claim-row"]`).Each(func(_ int, row *goquery.Selection) {
			id, _ := strconv.ParseInt(row.AttrOr("data-claim-id", ""), 10, 64)
			ids = append(ids, id)
		})
		target, _ = doc.Find(`a[rel="next"]`).Attr("href")
	}
	return ids, csvURL
}

// apiIDs walks the API's pages along next and returns every claim id.
func apiIDs(t *testing.T, s site, target string) []int64 {
	t.Helper()
	var ids []int64
	for pages := 0; target != ""; pages++ {
		rec := s.do(t, target, nil)
		if rec.Code != 200 {
			t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
		}
		var p apiPage
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
		for _, c := range p.Claims {
			ids = append(ids, int64(c["id"].(float64)))
		}
		target = ""
		if p.Next != nil {
			target = *p.Next
		}
		if pages > 100 {
			t.Fatal("next links never end")
		}
	}
	return ids
}

// parseCSV reads a download back as a spreadsheet would, checking the header.
func parseCSV(t *testing.T, body string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(body))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v", err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], export.CSVHeader) {
		t.Fatalf("header = %v", recs)
	}
	return recs[1:]
}

func col(name string) int { return slices.Index(export.CSVHeader, name) }

func csvIDs(t *testing.T, recs [][]string) []int64 {
	t.Helper()
	var ids []int64
	for _, r := range recs {
		u := r[col("claim_url")]
		id, err := strconv.ParseInt(u[strings.LastIndex(u, "/")+1:], 10, 64)
		if err != nil {
			t.Fatalf("claim_url %q", u)
		}
		ids = append(ids, id)
	}
	return ids
}
