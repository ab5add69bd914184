package handlers_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/static"
)

// fixture papers: two fps claims on different GPUs and a latency claim, stored
// directly so these tests do not depend on the extractor's rules.
func fixturePapers() []models.PaperInput {
	abs1 := "We render at up to 277 FPS on an RTX 3090 GPU and 583 FPS on an RTX 4090 GPU."
	abs2 := "Our <b>method</b> answers within 0.5 seconds, =HYPERLINK(\"x\")."
	return []models.PaperInput{
		{
			Title: "Fast Gaussian Rendering", Abstract: abs1,
			Claims: []models.ClaimInput{
				{Metric: "fps", Value: 277, Unit: "FPS", RawText: "277 FPS", Qualifier: "up_to",
					Hardware: &models.Hardware{Name: "NVIDIA RTX 3090", Slug: "nvidia-rtx-3090", Vendor: "NVIDIA"}, HardwareCount: 1,
					Evidence: "277 FPS on an RTX 3090", EvidenceStart: at(abs1, "277 FPS on an RTX 3090"), EvidenceEnd: at(abs1, "277 FPS on an RTX 3090") + 22},
				{Metric: "fps", Value: 583, Unit: "FPS", RawText: "583 FPS",
					Hardware: &models.Hardware{Name: "NVIDIA RTX 4090", Slug: "nvidia-rtx-4090", Vendor: "NVIDIA"}, HardwareCount: 8,
					Evidence: "583 FPS on an RTX 4090", EvidenceStart: at(abs1, "583 FPS on an RTX 4090"), EvidenceEnd: at(abs1, "583 FPS on an RTX 4090") + 22},
			},
		},
		{
			Title: "Quick <script>alert(1)</script> Answers", Abstract: abs2,
			Claims: []models.ClaimInput{{Metric: "latency", Value: 0.5, Unit: "s", RawText: "0.5 seconds",
				Evidence: "within 0.5 seconds", EvidenceStart: at(abs2, "within 0.5 seconds"), EvidenceEnd: at(abs2, "within 0.5 seconds") + 18}},
		},
	}
}

// at is the byte offset of sub in s; the fixtures' evidence must really be there.
func at(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		panic("fixture evidence not in abstract: " + sub)
	}
	return i
}

type site struct {
	e     *echo.Echo
	store *models.Store
}

// mustSite returns the real router over a real, migrated and filled store.
func mustSite(t *testing.T, dsn string) site {
	t.Helper()
	s := testdb.MustOpen(t, dsn)
	if _, err := s.SavePapers(context.Background(), fixturePapers()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return site{e: handlers.New(handlers.Config{Store: s, Logger: log, HardwareAliases: extract.HardwareByAlias}), store: s}
}

func (s site) get(t *testing.T, target string) (*httptest.ResponseRecorder, *goquery.Document) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(rec.Body.String()))
	if err != nil {
		t.Fatalf("GET %s: parse HTML: %v", target, err)
	}
	return rec, doc
}

func TestPagesOnBothDatabases(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)

		t.Run("home lists every metric with counts and best", func(t *testing.T) {
			rec, doc := s.get(t, "/")
			if rec.Code != 200 {
				t.Fatalf("status %d", rec.Code)
			}
			if n := doc.Find(`[data-testid^="metric-"]`).Length(); n != len(extract.Metrics) {
				t.Fatalf("metric cards = %d, want the %d of the vocabulary", n, len(extract.Metrics))
			}
			fps := doc.Find(`[data-testid="metric-fps"]`)
			if got := fps.Find(`[data-testid="claim-count"]`).Text(); got != "2" {
				t.Fatalf("fps count = %q", got)
			}
			if !strings.Contains(fps.Text(), "583 FPS") {
				t.Fatalf("fps best missing: %q", fps.Text())
			}
			lat := doc.Find(`[data-testid="metric-latency"]`).Text()
			if !strings.Contains(lat, "0.5 s") || !strings.Contains(lat, "lower is better") {
				t.Fatalf("latency card = %q", lat)
			}
		})

		t.Run("leaderboard best first with hardware", func(t *testing.T) {
			rec, doc := s.get(t, "/leaderboards/fps")
			if rec.Code != 200 {
				t.Fatalf("status %d", rec.Code)
			}
			rows := doc.Find(`[data-testid="claim-row"]`)
			if rows.Length() != 2 {
				t.Fatalf("rows = %d", rows.Length())
			}
			first := rows.First()
			if v := first.Find(`[data-testid="value"]`).Text(); v != "583 FPS" {
				t.Fatalf("first value = %q", v)
			}
			if hw := strings.Join(strings.Fields(first.Find(`[data-testid="hardware"]`).Text()), " "); hw != "8 × NVIDIA RTX 4090" {
				t.Fatalf("first hardware = %q", hw)
			}
			if v, _ := rows.Eq(1).Find(`[data-testid="value"]`).Attr("title"); v != "277 FPS" {
				t.Fatalf("raw text tooltip = %q", v)
			}
			if q := rows.Eq(1).Find("td").Eq(2).Text(); q != "up to" {
				t.Fatalf("qualifier = %q", q)
			}
		})

		t.Run("user text is escaped", func(t *testing.T) {
			rec, doc := s.get(t, "/leaderboards/latency")
			if strings.Contains(rec.Body.String(), "<script>alert(1)</script>") {
				t.Fatal("paper title rendered unescaped")
			}
			if !strings.Contains(doc.Find(`[data-testid="paper-link"]`).Text(), "<script>") {
				t.Fatal("escaped title not shown as text")
			}
		})

		t.Run("paper page marks evidence", func(t *testing.T) {
			_, doc := s.get(t, "/leaderboards/fps")
			href, _ := doc.Find(`[data-testid="paper-link"]`).First().Attr("href")
			rec, pdoc := s.get(t, href)
			if rec.Code != 200 {
				t.Fatalf("GET %s: %d", href, rec.Code)
			}
			marks := pdoc.Find(`[data-testid="abstract"] mark`)
			if marks.Length() != 2 || !strings.Contains(marks.First().Text(), "277 FPS") {
				t.Fatalf("marks = %d %q", marks.Length(), marks.First().Text())
			}
			if pdoc.Find(`[data-testid="paper-claims"] [data-testid="claim-row"]`).Length() != 2 {
				t.Fatal("paper claims table incomplete")
			}
		})

		t.Run("errors are pages with the right status", func(t *testing.T) {
			cases := []struct {
				target string
				status int
				msg    string
			}{
				{"/leaderboards/nonsense", 404, "nonsense"},
				{"/papers/999999", 404, "not found"},
				{"/papers/abc", 404, ""},
				{"/no/such/page", 404, "no page"},
				{"/leaderboards/fps?page=abc", 400, "page"},
				{"/leaderboards/fps?per_page=500", 400, "per_page"},
				{"/leaderboards/fps?page=0", 400, "page"},
			}
			for _, tc := range cases {
				rec, doc := s.get(t, tc.target)
				if rec.Code != tc.status {
					t.Errorf("GET %s = %d, want %d", tc.target, rec.Code, tc.status)
					continue
				}
				if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
					t.Errorf("GET %s: content type %q", tc.target, rec.Header().Get("Content-Type"))
				}
				msg := doc.Find(`[data-testid="error-message"]`).Text()
				if !strings.Contains(strings.ToLower(msg), tc.msg) {
					t.Errorf("GET %s: message %q does not mention %q", tc.target, msg, tc.msg)
				}
			}
		})

		t.Run("health and readiness", func(t *testing.T) {
			if rec, _ := s.get(t, "/healthz"); rec.Code != 200 {
				t.Fatalf("healthz %d", rec.Code)
			}
			if rec, _ := s.get(t, "/readyz"); rec.Code != 200 {
				t.Fatalf("readyz %d", rec.Code)
			}
		})
	})
}

func TestSecurityHeadersAndStatic(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	rec, doc := s.get(t, "/")
	h := rec.Header()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"frame-ancestors 'none'", "script-src 'self'", "default-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
		t.Errorf("headers = %v", h)
	}
	css, _ := doc.Find(`link[rel="stylesheet"]`).Attr("href")
	if !strings.Contains(css, static.Version) {
		t.Fatalf("stylesheet URL %q is not versioned", css)
	}
	rec, _ = s.get(t, css)
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") || !strings.Contains(rec.Body.String(), "table.board") {
		t.Fatalf("GET %s = %d, Cache-Control %q", css, rec.Code, rec.Header().Get("Cache-Control"))
	}
	rec = httptest.NewRecorder()
	s.e.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/leaderboards/fps", nil))
	if rec.Code != 200 {
		t.Fatalf("HEAD leaderboard = %d", rec.Code)
	}
}

// A database failure is a generic 500 page and readyz turns 503; internals never leak.
func TestDatabaseDownIsNeverLeaked(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	if err := s.store.Close(); err != nil {
		t.Fatal(err)
	}
	rec, doc := s.get(t, "/leaderboards/fps")
	if rec.Code != 500 {
		t.Fatalf("status %d, want 500", rec.Code)
	}
	body := rec.Body.String()
	if strings.Contains(body, "sql:") || strings.Contains(body, "closed") || strings.Contains(body, "goroutine") {
		t.Fatalf("internal error leaked: %s", doc.Find("main").Text())
	}
	if rec, _ := s.get(t, "/readyz"); rec.Code != 503 {
		t.Fatalf("readyz with the database closed = %d, want 503", rec.Code)
	}
}

func TestClaimAndHardwarePages(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		_, doc := s.get(t, "/leaderboards/fps")
		row := doc.Find(`[data-testid="claim-row"]`).Eq(1) // 277 FPS on the RTX 3090
		claimURL, _ := row.Find(`[data-testid="value"] a`).Attr("href")
		hwURL, _ := row.Find(`[data-testid="hardware"] a`).Attr("href")
		if hwURL != "/hardware/nvidia-rtx-3090" {
			t.Fatalf("hardware link = %q", hwURL)
		}
		rec, cdoc := s.get(t, claimURL)
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", claimURL, rec.Code)
		}
		if v := cdoc.Find(`[data-testid="claim-value"]`).Text(); v != "277 FPS" {
			t.Fatalf("claim value = %q", v)
		}
		ev := cdoc.Find(`[data-testid="claim-evidence"]`)
		if ev.Find("mark").Text() != "277 FPS on an RTX 3090" || !strings.HasPrefix(ev.Text(), "We render at up to 277") {
			t.Fatalf("evidence in sentence = %q", ev.Text())
		}
		if href, _ := cdoc.Find(`[data-testid="suggest-correction"]`).Attr("href"); href != claimURL+"/corrections" {
			t.Fatalf("correction link = %q", href)
		}
		rec, hdoc := s.get(t, hwURL)
		if rec.Code != 200 || hdoc.Find(`[data-testid="hardware-name"]`).Text() != "NVIDIA RTX 3090" {
			t.Fatalf("GET %s = %d %q", hwURL, rec.Code, hdoc.Find("h1").Text())
		}
		if n := hdoc.Find(`[data-testid="group-fps"] [data-testid="claim-row"]`).Length(); n != 1 {
			t.Fatalf("fps claims on the RTX 3090 = %d, want 1", n)
		}
		for _, target := range []string{"/hardware/no-such-gpu", "/claims/999999", "/claims/-1"} {
			if rec, _ := s.get(t, target); rec.Code != 404 {
				t.Errorf("GET %s = %d, want 404", target, rec.Code)
			}
		}
	})
}

// moreFPS adds fps claims on several devices, years and qualifiers so the
// filters and sorts have something to tell apart.
func moreFPS(t *testing.T, s *models.Store) {
	t.Helper()
	var papers []models.PaperInput
	devices := []string{"nvidia-a100", "nvidia-v100", "nvidia-a100"}
	names := map[string]string{"nvidia-a100": "NVIDIA A100", "nvidia-v100": "NVIDIA V100"}
	for i, v := range []float64{30, 1000, 120} {
		abs := fmt.Sprintf("Our renderer reaches %g FPS on a GPU.", v)
		ev := fmt.Sprintf("%g FPS", v)
		pub := time.Date(2021+i, 3, 1, 0, 0, 0, 0, time.UTC)
		p := models.PaperInput{Title: fmt.Sprintf("Renderer %c", 'A'+i), Abstract: abs, PublishedOn: &pub,
			Claims: []models.ClaimInput{{Metric: "fps", Value: v, Unit: "FPS", Qualifier: []string{"", "approx", "up_to"}[i],
				Hardware: &models.Hardware{Name: names[devices[i]], Slug: devices[i], Vendor: "NVIDIA"},
				Baseline: []string{"vanilla 3DGS", "NeRF", "Instant-NGP"}[i],
				Evidence: ev, EvidenceStart: at(abs, ev), EvidenceEnd: at(abs, ev) + len(ev)}}}
		if i == 1 {
			p.CodeURL = "https://github.com/example/renderer"
		}
		papers = append(papers, p)
	}
	if _, err := s.SavePapers(context.Background(), papers); err != nil {
		t.Fatal(err)
	}
}

func values(doc *goquery.Document) []string {
	var out []string
	doc.Find(`[data-testid="claim-row"] [data-testid="value"]`).Each(func(_ int, s *goquery.Selection) {
		out = append(out, s.Text())
	})
	return out
}

func TestLeaderboardFiltersAndSorts(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		cases := []struct {
			target string
			want   []string
		}{
			{"/leaderboards/fps", []string{"1,000 FPS", "583 FPS", "277 FPS", "120 FPS", "30 FPS"}},
			{"/leaderboards/fps?order=asc", []string{"30 FPS", "120 FPS", "277 FPS", "583 FPS", "1,000 FPS"}},
			{"/leaderboards/fps?hardware=nvidia-a100", []string{"120 FPS", "30 FPS"}},
			{"/leaderboards/fps?hardware=nvidia-a100&hardware=nvidia-v100", []string{"1,000 FPS", "120 FPS", "30 FPS"}},
			{"/leaderboards/fps?qualifier=up_to", []string{"277 FPS", "120 FPS"}},
			{"/leaderboards/fps?qualifier=none", []string{"583 FPS", "30 FPS"}},
			{"/leaderboards/fps?min=100&max=600", []string{"583 FPS", "277 FPS", "120 FPS"}},
			{"/leaderboards/fps?year=2022", []string{"1,000 FPS"}},
			{"/leaderboards/fps?has_code=true", []string{"1,000 FPS"}},
			{"/leaderboards/fps?q=nerf", []string{"1,000 FPS"}},
			{"/leaderboards/fps?q=RENDERER+c", []string{"120 FPS"}},
			// Words are letters and digits: "%" is no wildcard, and a text
			// of nothing else looks for nothing.
			{"/leaderboards/fps?q=%25%25", nil},
			{"/leaderboards/fps?status=verified", nil},
			{"/leaderboards/fps?sort=paper", []string{"277 FPS", "583 FPS", "30 FPS", "1,000 FPS", "120 FPS"}},
			// Ties go by id in the sort direction: newest claim first when descending.
			{"/leaderboards/fps?sort=date", []string{"120 FPS", "1,000 FPS", "30 FPS", "583 FPS", "277 FPS"}},
			{"/leaderboards/fps?sort=baseline&order=desc&per_page=2", []string{"30 FPS", "1,000 FPS"}},
			{"/leaderboards/fps?sort=baseline&order=desc&per_page=2&page=2", []string{"120 FPS", "583 FPS"}},
		}
		for _, tc := range cases {
			rec, doc := s.get(t, tc.target)
			if rec.Code != 200 {
				t.Errorf("GET %s = %d: %s", tc.target, rec.Code, doc.Find(`[data-testid="error-message"]`).Text())
				continue
			}
			if got := values(doc); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("GET %s = %v, want %v", tc.target, got, tc.want)
			}
			if len(tc.want) == 0 && doc.Find(`[data-testid="empty"]`).Length() != 1 {
				t.Errorf("GET %s: no empty state", tc.target)
			}
		}
	})
}

func TestLeaderboardChipsHeadersAndChart(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	moreFPS(t, s.store)
	_, doc := s.get(t, "/leaderboards/fps?hardware=nvidia-a100&qualifier=up_to")
	chips := doc.Find(`[data-testid="chips"] a.chip`)
	if chips.Length() != 2 {
		t.Fatalf("chips = %d", chips.Length())
	}
	href, _ := chips.First().Attr("href")
	if href != "/leaderboards/fps?qualifier=up_to" {
		t.Fatalf("removing the hardware chip links to %q", href)
	}
	// The value column is sorted descending; its link flips to ascending.
	th := doc.Find(`th[aria-sort="descending"]`)
	if th.Length() != 1 || !strings.Contains(th.Text(), "Value") {
		t.Fatalf("aria-sort on value header missing")
	}
	flip, _ := th.Find("a").Attr("href")
	if !strings.Contains(flip, "order=asc") || !strings.Contains(flip, "hardware=nvidia-a100") {
		t.Fatalf("value header link = %q, want the same filters in ascending order", flip)
	}
	csv, _ := doc.Find(`[data-testid="csv-link"]`).Attr("href")
	if csv != "/leaderboards/fps.csv?hardware=nvidia-a100&qualifier=up_to" {
		t.Fatalf("CSV link = %q", csv)
	}

	_, doc = s.get(t, "/leaderboards/fps?sort=paper")
	svg := doc.Find(`[data-testid="chart"] svg`)
	if svg.Find("title").Text() == "" || svg.Find("desc").Text() == "" {
		t.Fatal("chart lacks title/desc for screen readers")
	}
	// The chart shows the best values whatever the table's sort.
	bars := svg.Find("rect.bar")
	if bars.Length() != 5 {
		t.Fatalf("bars = %d, want 5", bars.Length())
	}
	if first := svg.Find("text.num").First().Text(); first != "1,000 FPS" {
		t.Fatalf("first bar = %q, want the best value", first)
	}
	if doc.Find(`[data-testid="chart-scale"]`).Length() != 0 {
		t.Fatal("a 33x span must not use a log scale")
	}
}

func TestLeaderboardRejectsBadParameters(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	for target, field := range map[string]string{
		"/leaderboards/fps?sort=evil%3BDROP":              "sort",
		"/leaderboards/fps?order=sideways":                "order",
		"/leaderboards/fps?qualifier=maybe":               "qualifier",
		"/leaderboards/fps?status=retracted":              "status",
		"/leaderboards/fps?min=abc":                       "min",
		"/leaderboards/fps?min=NaN":                       "min",
		"/leaderboards/fps?max=1e309":                     "max",
		"/leaderboards/fps?min=5&max=1":                   "min",
		"/leaderboards/fps?year=99":                       "year",
		"/leaderboards/fps?has_code=perhaps":              "has_code",
		"/leaderboards/fps?hardware=%3Cscript%3E":         "hardware",
		"/leaderboards/fps?q=" + strings.Repeat("a", 201): "q",
		"/leaderboards/fps?sort=value&sort=paper":         "sort",
	} {
		rec, doc := s.get(t, target)
		msg := doc.Find(`[data-testid="error-message"]`).Text()
		if rec.Code != 400 || !strings.HasPrefix(msg, field+":") {
			t.Errorf("GET %s = %d %q, want 400 naming %q", target, rec.Code, msg, field)
		}
		if strings.Contains(rec.Body.String(), "<script>") {
			t.Errorf("GET %s echoed markup unescaped", target)
		}
	}
}

func TestSearch(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		_, home := s.get(t, "/")
		if action, _ := home.Find(`form[role="search"]`).Attr("action"); action != "/search" {
			t.Fatalf("home search form action = %q", action)
		}
		rec, doc := s.get(t, "/search?q=rtx+4090")
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		if got := values(doc); len(got) != 1 || got[0] != "583 FPS" {
			t.Fatalf("claims for 'rtx 4090' = %v", got)
		}
		// Papers are found by title; words of the abstract are reached through claims.
		_, doc = s.get(t, "/search?q=GAUSSIAN")
		if n := doc.Find(`[data-testid="paper-results"] li`).Length(); n != 1 {
			t.Fatalf("papers for 'GAUSSIAN' = %d", n)
		}
		_, doc = s.get(t, "/search?q=50%25_off")
		if doc.Find(`[data-testid="no-papers"]`).Length() != 1 || doc.Find(`[data-testid="no-claims"]`).Length() != 1 {
			t.Fatal("LIKE wildcards in the query matched something")
		}
		rec, _ = s.get(t, "/search?q=a&q=b")
		if rec.Code != 400 {
			t.Fatalf("repeated q = %d", rec.Code)
		}
	})
}
