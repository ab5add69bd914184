package handlers_test

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/export"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

type apiPage struct {
	Next   *string                  `json:"next"`
	Claims []map[string]interface{} `json:"claims"`
}

func TestCSVAndAPIAreThePageAllPagesJoined(t *testing.T) {
	queries := []string{
		"",
		"order=asc",
		"sort=paper&order=desc",
		"sort=hardware",
		"sort=date",
		"sort=date&order=asc",
		"sort=confidence&min=105",
		"sort=qualifier&qualifier=none&qualifier=approx",
		"hardware=nvidia-a100&hardware=nvidia-rtx-4090&sort=baseline",
		"q=renderer+12&has_code=true",
		// Free text by words (migration 00023): a device's name, the
		// subject and baseline, a prefix, and an alias no text contains.
		"q=a100&sort=paper",
		"q=Scenes,+baseline-2&sort=date",
		"q=rend&sort=confidence&order=asc",
		"q=rtx4090&sort=hardware",
		"year=2024&max=130",
	}
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		for _, q := range queries {
			t.Run(q, func(t *testing.T) {
				page, csvURL := htmlIDs(t, s, "/leaderboards/fps?per_page=4&"+q)
				if len(page) == 0 {
					t.Fatal("the filter matches nothing: a useless case")
				}
				wantCSV := "/leaderboards/fps.csv"
				if q != "" {
					wantCSV += "?"
				}
				if !strings.HasPrefix(csvURL, wantCSV) {
					t.Fatalf("CSV link %q", csvURL)
				}
				rec := s.do(t, csvURL, nil)
				if rec.Code != 200 {
					t.Fatalf("GET %s: %d %s", csvURL, rec.Code, rec.Body)
				}
				if got := csvIDs(t, parseCSV(t, rec.Body.String())); !slices.Equal(got, page) {
					t.Errorf("CSV ids %v\npage ids %v", got, page)
				}
				api := apiIDs(t, s, "/api/v1/leaderboards/fps?per_page=3&"+q)
				if !slices.Equal(api, page) {
					t.Errorf("API ids %v\npage ids %v", api, page)
				}
			})
		}
	})
}

func TestCSVCellsAreExactAndSafe(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		rec := s.do(t, "/leaderboards/fps.csv?order=asc", nil)
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		h := rec.Header()
		if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv; charset=utf-8") {
			t.Errorf("Content-Type %q", ct)
		}
		today := time.Now().UTC().Format("2006-01-02")
		if cd := h.Get("Content-Disposition"); cd != "attachment; filename=claimboard-fps-"+today+".csv" {
			t.Errorf("Content-Disposition %q", cd)
		}
		recs := parseCSV(t, rec.Body.String())
		evil := recs[0] // ascending: the negative value comes first
		want := map[string]string{
			"paper_title": `'=HYPERLINK("http://evil.example","click")`,
			"paper_url":   "https://example.org/=SUM(1+1)",
			"value":       "-3.5", // a number, never prefixed
			"baseline":    "'+cmd|' /C calc'!A0",
			"subject":     "'@SUM(A1:A9)",
			"condition":   "'\tleading tab",
			"evidence":    `'=HYPERLINK("http://evil.example","click") reaches -3.5 FPS.`,
			"hardware":    "'-2+3 board",
			"arxiv_id":    "2402.00001",
			"confidence":  "0.9",
		}
		for name, v := range want {
			if got := evil[col(name)]; got != v {
				t.Errorf("%s = %q, want %q", name, got, v)
			}
		}
		for i, r := range recs {
			for j, cell := range r {
				if j == col("value") || j == col("value_high") || cell == "" {
					continue
				}
				if strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("row %d %s = %q starts a formula", i, export.CSVHeader[j], cell)
				}
			}
		}
		// Numbers are as stored and plain; a row's cells match the API's.
		api := s.do(t, "/api/v1/leaderboards/fps?order=asc&per_page=200", nil)
		var p apiPage
		if err := json.Unmarshal(api.Body.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		for i, c := range p.Claims {
			r := recs[i]
			if v, _ := strconv.ParseFloat(r[col("value")], 64); v != c["value"].(float64) {
				t.Errorf("row %d value %q, API %v", i, r[col("value")], c["value"])
			}
			if strings.ContainsAny(r[col("value")], "eE,") {
				t.Errorf("row %d value %q is not plain", i, r[col("value")])
			}
			if hi, ok := c["value_high"].(float64); ok && r[col("value_high")] != strconv.FormatFloat(hi, 'f', -1, 64) {
				t.Errorf("row %d value_high %q, API %v", i, r[col("value_high")], hi)
			}
			if !strings.HasPrefix(r[col("claim_url")], "https://claims.example.org/claims/") {
				t.Errorf("claim_url %q", r[col("claim_url")])
			}
		}
	})
}

func TestFullExportHasEveryLiveClaim(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		if _, err := s.store.SavePapers(context.Background(), fixturePapers()); err != nil {
			t.Fatal(err)
		}
		rec := s.do(t, "/export/claims.csv", nil)
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		recs := parseCSV(t, rec.Body.String())
		if len(recs) != 25+3 {
			t.Fatalf("rows = %d, want 28", len(recs))
		}
		// Metrics in vocabulary order, each in its leaderboard order: fps before latency.
		metrics := []string{}
		for _, r := range recs {
			if m := r[col("metric")]; len(metrics) == 0 || metrics[len(metrics)-1] != m {
				metrics = append(metrics, m)
			}
		}
		if len(metrics) != 2 {
			t.Fatalf("metrics not grouped: %v", metrics)
		}
		if rec := s.do(t, "/export/claims.csv?utm_source=x", nil); rec.Code != 200 {
			t.Fatalf("unknown parameter: %d, want it ignored", rec.Code)
		}
	})
}

func TestConditionalGETFollowsTheData(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		// A second store on the same database stands for another server process.
		other := testdb.MustOpen(t, dsn)
		targets := []string{
			"/leaderboards/fps?sort=paper", "/leaderboards/fps.csv?sort=paper", "/export/claims.csv",
			"/api/v1/leaderboards/fps", "/api/v1/metrics", "/api/v1/hardware", "/leaderboards/fps/feed.atom",
		}
		etags := map[string]string{}
		for _, target := range targets {
			rec := s.do(t, target, nil)
			etag, lm := rec.Header().Get("ETag"), rec.Header().Get("Last-Modified")
			if rec.Code != 200 || etag == "" || lm == "" {
				t.Fatalf("GET %s: %d, ETag %q, Last-Modified %q", target, rec.Code, etag, lm)
			}
			etags[target] = etag
			again := s.do(t, target, http.Header{"If-None-Match": {etag}})
			if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
				t.Fatalf("GET %s If-None-Match: %d", target, again.Code)
			}
			if stale := s.do(t, target, http.Header{"If-None-Match": {`W/"other"`}}); stale.Code != 200 {
				t.Fatalf("GET %s with another tag: %d", target, stale.Code)
			}
			// A date older than the data gets the full response.
			old := s.do(t, target, http.Header{"If-Modified-Since": {"Mon, 02 Jan 2006 15:04:05 GMT"}})
			if old.Code != 200 {
				t.Fatalf("GET %s If-Modified-Since 2006: %d", target, old.Code)
			}
		}
		if _, err := other.SavePapers(context.Background(), fixturePapers()[:1]); err != nil {
			t.Fatal(err)
		}
		for _, target := range targets {
			rec := s.do(t, target, http.Header{"If-None-Match": {etags[target]}})
			if rec.Code != 200 || rec.Header().Get("ETag") == etags[target] {
				t.Errorf("GET %s after a write elsewhere: %d, ETag %q", target, rec.Code, rec.Header().Get("ETag"))
			}
		}
	})
}

func TestAPIErrorsAreJSON(t *testing.T) {
	s := mustExportSite(t, testdb.SQLiteURL(t))
	cases := []struct {
		target string
		status int
		field  string
	}{
		{"/api/v1/leaderboards/fps?sort=bogus", 400, "sort"},
		{"/api/v1/leaderboards/fps?per_page=500", 400, "per_page"},
		{"/api/v1/leaderboards/fps?min=abc", 400, "min"},
		{"/api/v1/leaderboards/no-such-metric", 404, ""},
		{"/api/v1/claims/abc", 404, ""},
		{"/api/v1/claims/999999", 404, ""},
		{"/api/v1/papers/0", 404, ""},
		{"/api/v1/nothing-here", 404, ""},
		{"/leaderboards/fps.csv?sort=bogus", 400, ""}, // the HTML error page, as for the page itself
		{"/leaderboards/nope.csv", 404, ""},
	}
	for _, c := range cases {
		rec := s.do(t, c.target, nil)
		if rec.Code != c.status {
			t.Errorf("GET %s: %d, want %d", c.target, rec.Code, c.status)
			continue
		}
		if !strings.HasPrefix(c.target, "/api/") {
			if rec.Header().Get("Content-Disposition") != "" || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
				t.Errorf("GET %s: error sent as %q %q", c.target, rec.Header().Get("Content-Type"), rec.Header().Get("Content-Disposition"))
			}
			continue
		}
		var body struct {
			Error string  `json:"error"`
			Field *string `json:"field"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error == "" {
			t.Errorf("GET %s: body %q (%v)", c.target, rec.Body, err)
			continue
		}
		if got := ""; body.Field != nil {
			got = *body.Field
			if got != c.field {
				t.Errorf("GET %s: field %q, want %q", c.target, got, c.field)
			}
		} else if c.field != "" {
			t.Errorf("GET %s: no field, want %q", c.target, c.field)
		}
	}
}

func TestAtomFeedListsNewestClaims(t *testing.T) {
	s := mustExportSite(t, testdb.SQLiteURL(t))
	rec, doc := s.get(t, "/leaderboards/fps/feed.atom")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	entries := doc.Find("entry")
	if entries.Length() != 25 {
		t.Fatalf("entries = %d", entries.Length())
	}
	first := entries.First().Find("title").Text()
	if !strings.Contains(first, "HYPERLINK") || !strings.Contains(first, "-3.5") {
		t.Fatalf("newest entry = %q, want the last paper saved", first)
	}
	if rec, _ := s.get(t, "/leaderboards/nope/feed.atom"); rec.Code != 404 {
		t.Fatalf("unknown metric feed: %d", rec.Code)
	}
}

// TestLargeExportParses writes 100,000 claims with one INSERT ... SELECT over
// a recursive counter (the same SQL on both databases) and reads the whole
// CSV back: every row there, in order, injection neutralised.
func TestLargeExportParses(t *testing.T) {
	if testing.Short() {
		t.Skip("100k rows")
	}
	const n = 100_000
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		driver, source := "sqlite", dsn
		if models.DialectOf(dsn) == models.DialectPostgres {
			driver = "pgx"
		}
		db, err := sql.Open(driver, source)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_, err = db.Exec(fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < %d)
			INSERT INTO claims (paper_id, metric_id, value, unit, baseline, evidence, evidence_start, evidence_end, confidence, status)
			SELECT (SELECT MIN(id) FROM papers), (SELECT id FROM metrics WHERE slug = 'fps'),
				1000000 + i * 0.25, 'FPS', '=SUM(A' || i || ')', 'row ' || i, 0, 1, 0.5, 'extracted' FROM seq`, n))
		if err != nil {
			t.Fatal(err)
		}
		rec := s.do(t, "/leaderboards/fps.csv", nil)
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		r := csv.NewReader(strings.NewReader(rec.Body.String()))
		r.ReuseRecord = true
		rows, prev := -1, math.Inf(1)
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("row %d: %v", rows, err)
			}
			rows++
			if rows == 0 {
				continue
			}
			v, err := strconv.ParseFloat(rec[col("value")], 64)
			if err != nil || v > prev {
				t.Fatalf("row %d: value %q after %v", rows, rec[col("value")], prev)
			}
			prev = v
			if rows <= n && !strings.HasPrefix(rec[col("baseline")], "'=SUM(A") {
				t.Fatalf("row %d: baseline %q", rows, rec[col("baseline")])
			}
		}
		if rows != n+25 {
			t.Fatalf("rows = %d, want %d", rows, n+25)
		}
	})
}

func TestCSVIgnoresPagingAndAnswersHEAD(t *testing.T) {
	s := mustExportSite(t, testdb.SQLiteURL(t))
	all := parseCSV(t, s.do(t, "/leaderboards/fps.csv", nil).Body.String())
	paged := parseCSV(t, s.do(t, "/leaderboards/fps.csv?page=3&per_page=2", nil).Body.String())
	if len(all) != 25 || !slices.EqualFunc(all, paged, slices.Equal) {
		t.Fatalf("rows: %d without paging, %d with page=3&per_page=2", len(all), len(paged))
	}
	if rec := s.do(t, "/leaderboards/fps.csv?per_page=201", nil); rec.Code != 400 {
		t.Fatalf("per_page=201: %d; the CSV validates like the page", rec.Code)
	}
	rec := httptest.NewRecorder()
	s.e.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/leaderboards/fps.csv", nil))
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("ETag") == "" ||
		!strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("HEAD: %d, %d bytes, %v", rec.Code, rec.Body.Len(), rec.Header())
	}
}

// A query that fails before anything was sent gets the error page, not a
// download of a header row that looks like an empty result.
func TestCSVFailingQueryIsAnErrorPage(t *testing.T) {
	dsn := testdb.SQLiteURL(t)
	s := mustExportSite(t, dsn)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("ALTER TABLE hardware RENAME TO hardware_gone"); err != nil {
		t.Fatal(err)
	}
	rec := s.do(t, "/leaderboards/fps.csv", nil)
	if rec.Code != 500 || rec.Header().Get("Content-Disposition") != "" || rec.Header().Get("ETag") != "" ||
		!strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") || strings.Contains(rec.Body.String(), "paper_title") {
		t.Fatalf("status %d, headers %v", rec.Code, rec.Header())
	}
}
