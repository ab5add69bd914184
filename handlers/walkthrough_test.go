package handlers_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/export"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// trackingTags are what other sites append to a shared link.
const trackingTags = "utm_source=newsletter&utm_medium=email&fbclid=IwAR0x&gclid=Cj0K&ref=hn&colour=red"

// A shared link with tracking tags opens, on the page, the CSV and the API,
// and the page's own links (canonical, pager, sort, CSV, chips) drop them.
func TestSharedLinksIgnoreUnknownParameters(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		rec, doc := s.get(t, "/leaderboards/fps?per_page=2&page=2&hardware=nvidia-a100&hardware=nvidia-rtx-3090&"+trackingTags)
		if rec.Code != 200 {
			t.Fatalf("page with tracking tags = %d", rec.Code)
		}
		if got := values(doc); len(got) != 1 || got[0] != "30 FPS" {
			t.Fatalf("the known filters must still apply: rows %v", got)
		}
		canonical, _ := doc.Find(`link[rel="canonical"]`).Attr("href")
		if canonical != "/leaderboards/fps?hardware=nvidia-a100&hardware=nvidia-rtx-3090&page=2&per_page=2" {
			t.Fatalf("canonical = %q", canonical)
		}
		var links []string
		doc.Find(`main a[href], link[rel="canonical"]`).Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			links = append(links, href)
		})
		if len(links) < 10 {
			t.Fatalf("only %d links on the page", len(links))
		}
		for _, l := range links {
			for _, tag := range []string{"utm_", "fbclid", "gclid", "ref=", "colour"} {
				if strings.Contains(l, tag) {
					t.Errorf("link %q repeats the ignored %s", l, tag)
				}
			}
		}
		if prev, _ := doc.Find(`a[rel="prev"]`).Attr("href"); prev != "/leaderboards/fps?hardware=nvidia-a100&hardware=nvidia-rtx-3090&per_page=2" {
			t.Errorf("prev link = %q", prev)
		}
		if rec := s.do(t, "/leaderboards/fps.csv?"+trackingTags, nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), "583") {
			t.Errorf("CSV with tracking tags = %d", rec.Code)
		}
		rec = s.do(t, "/api/v1/leaderboards/fps?per_page=1&"+trackingTags, nil)
		var api struct {
			Next *string `json:"next"`
		}
		if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &api) != nil || api.Next == nil || strings.Contains(*api.Next, "utm_") {
			t.Errorf("API with tracking tags = %d %s", rec.Code, rec.Body.String())
		}
		for _, target := range []string{"/api/v1/metrics?fbclid=x", "/api/v1/claims/1?utm_source=x", "/export/claims.csv?gclid=x", "/?utm_source=x", "/search?q=rtx&ref=hn"} {
			if rec := s.do(t, target, nil); rec.Code != 200 {
				t.Errorf("GET %s = %d, want 200", target, rec.Code)
			}
		}
	})
}

// A malformed value of a known parameter is still a 400, but the page keeps
// the user's other filters, marks the field in the form and shows the view
// without it.
func TestInvalidFilterShowsTheForm(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	moreFPS(t, s.store)
	rec, doc := s.get(t, "/leaderboards/fps?min=abc&hardware=nvidia-a100&q=renderer&qualifier=up_to&utm_source=x")
	if rec.Code != 400 {
		t.Fatalf("status %d, want 400", rec.Code)
	}
	if msg := doc.Find(`[data-testid="error-message"]`).Text(); !strings.HasPrefix(msg, "min:") {
		t.Fatalf("message %q does not name min", msg)
	}
	bad := doc.Find(`form[data-testid="filter-form"] input[name="min"]`)
	if inv, _ := bad.Attr("aria-invalid"); inv != "true" {
		t.Fatal("the min field is not marked invalid")
	}
	if v, _ := bad.Attr("value"); v != "abc" {
		t.Fatalf("min field = %q, want the value as typed", v)
	}
	if _, open := doc.Find(`details.filters`).Attr("open"); !open {
		t.Fatal("the filter form is closed")
	}
	if q, _ := doc.Find(`input[name="q"]`).Attr("value"); q != "renderer" {
		t.Fatalf("q = %q, want the user's search kept", q)
	}
	if _, on := doc.Find(`input[name="hardware"][value="nvidia-a100"]`).Attr("checked"); !on {
		t.Fatal("the hardware filter was dropped")
	}
	if _, on := doc.Find(`input[name="qualifier"][value="up_to"]`).Attr("checked"); !on {
		t.Fatal("the qualifier filter was dropped")
	}
	if got := values(doc); len(got) != 1 || got[0] != "120 FPS" {
		t.Fatalf("rows of the other filters = %v, want [120 FPS]", got)
	}
	if doc.Find(`[data-testid="chips"] a`).Length() < 3 {
		t.Fatal("the active filters are not listed")
	}
	// Two bad fields: both leave, the rest stays; the first is named.
	rec, doc = s.get(t, "/leaderboards/fps?year=99&max=x&hardware=nvidia-a100")
	if rec.Code != 400 || len(values(doc)) != 2 {
		t.Fatalf("two bad fields: %d with %v", rec.Code, values(doc))
	}
	// CSV and API keep their plain errors.
	if rec := s.do(t, "/api/v1/leaderboards/fps?min=abc", nil); rec.Code != 400 || !strings.Contains(rec.Body.String(), `"field":"min"`) {
		t.Fatalf("API: %d %s", rec.Code, rec.Body.String())
	}
}

// Search finds claims measured on a device by its name or any alias, papers
// by their abstracts, shows each claim's metric and says what it searched.
func TestSearchFindsHardwareAbstractsAndShowsMetric(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store) // two claims on the A100 whose text never says "A100"
		rec, doc := s.get(t, "/search?q=A100")
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		if got := values(doc); len(got) != 2 || got[0] != "30 FPS" || got[1] != "120 FPS" {
			t.Fatalf("claims for A100 = %v", got)
		}
		if m := doc.Find(`[data-testid="claim-results"] [data-testid="metric"]`).First().Text(); m != "Frames per second" {
			t.Fatalf("metric column = %q", m)
		}
		if h := doc.Find(`[data-testid="hardware-results"] a`).Text(); h != "NVIDIA A100" {
			t.Fatalf("hardware results = %q", h)
		}
		searched := doc.Find(`[data-testid="searched"]`).Text()
		for _, want := range []string{"titles and abstracts of all 5 papers", "hardware names and their aliases", "subject, baseline, evidence, device and paper title"} {
			if !strings.Contains(searched, want) {
				t.Errorf("the page does not say it searched %q: %q", want, searched)
			}
		}
		// An alias the gazetteer knows but no text here contains.
		if got := values(s.getDoc(t, "/search?q=rtx3090")); len(got) != 1 || got[0] != "277 FPS" {
			t.Fatalf("claims for rtx3090 = %v", got)
		}
		// A phrase only in an abstract finds its paper.
		_, doc = s.get(t, "/search?q=reaches+1000")
		if p := doc.Find(`[data-testid="paper-results"] li`); p.Length() != 1 || !strings.Contains(p.Text(), "Renderer B") || !strings.Contains(p.Text(), "in the abstract") {
			t.Fatalf("papers for an abstract phrase = %q", p.Text())
		}
	})
}

func (s site) getDoc(t *testing.T, target string) *goquery.Document {
	t.Helper()
	_, doc := s.get(t, target)
	return doc
}

// min_confidence filters, every shown column sorts, and the page counts in
// words ("1 claim", "Page 2 of 3").
func TestFiltersSortingAndCounts(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		abs := "A sure renderer reaches 2000 FPS."
		sure := models.PaperInput{Title: "Sure Renderer", Abstract: abs, Claims: []models.ClaimInput{{
			Metric: "fps", Value: 2000, Unit: "FPS", RawText: "2000 FPS", Confidence: 0.9,
			Evidence: "2000 FPS", EvidenceStart: at(abs, "2000 FPS"), EvidenceEnd: at(abs, "2000 FPS") + 8}}}
		if _, err := s.store.SavePapers(context.Background(), []models.PaperInput{sure}); err != nil {
			t.Fatal(err)
		}
		_, doc := s.get(t, "/leaderboards/fps?min_confidence=0.8")
		if got := values(doc); len(got) != 1 || got[0] != "2,000 FPS" {
			t.Fatalf("min_confidence=0.8 rows = %v", got)
		}
		if chip := doc.Find(`[data-testid="chips"]`).Text(); !strings.Contains(chip, "confidence ≥ 0.8") {
			t.Fatalf("chips = %q", chip)
		}
		if rec, _ := s.get(t, "/leaderboards/fps?min_confidence=2"); rec.Code != 400 {
			t.Fatalf("min_confidence=2 = %d", rec.Code)
		}
		if got := s.do(t, "/leaderboards/fps.csv?min_confidence=0.8", nil).Body.String(); strings.Count(got, "\n") != 2 {
			t.Fatalf("CSV with min_confidence has %d lines", strings.Count(got, "\n"))
		}
		// Every column heading but the rank sorts.
		_, doc = s.get(t, "/leaderboards/fps")
		doc.Find(`table[data-testid="leaderboard"] thead th`).Each(func(i int, th *goquery.Selection) {
			if _, ok := th.Find("a").Attr("href"); !ok && th.Text() != "#" {
				t.Errorf("column %q cannot be sorted", th.Text())
			}
		})
		for _, key := range []string{"subject", "condition", "status"} {
			if rec, _ := s.get(t, "/leaderboards/fps?sort="+key); rec.Code != 200 {
				t.Errorf("sort=%s = %d", key, rec.Code)
			}
		}
		_, doc = s.get(t, "/leaderboards/fps?hardware=nvidia-v100")
		if got := doc.Find(`p.meta`).First().Text(); !strings.Contains(got, "1 claim") || strings.Contains(got, "1 claims") {
			t.Fatalf("count = %q, want 1 claim", got)
		}
		_, doc = s.get(t, "/leaderboards/fps?per_page=2&page=2")
		if got := doc.Find(`nav.pager`).Text(); !strings.Contains(strings.Join(strings.Fields(got), " "), "Page 2 of 3") {
			t.Fatalf("pager = %q", got)
		}
	})
}

// Retracted claims: a moderator may list them; anyone else is told why not;
// such a view is never served from the shared cache.
func TestRetractedClaimsForModeratorsOnly(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		mustModerator(t, s, "mia")
		mod := newClient(t, s, "10.0.0.1")
		login(t, mod, "mia")
		// Retract the 277 FPS claim through the site: suggest "not a claim", accept it.
		id := claimIDOf(t, s, "277 FPS")
		anon := newClient(t, s, "10.0.0.2")
		_, doc := anon.get("/claims/" + id + "/corrections")
		form := formValues(doc, `form[data-testid="correction-form"]`)
		form.Set("not_a_claim", "on")
		form.Set("reason", "the abstract cites it from another paper")
		if rec, _ := anon.post("/claims/"+id+"/corrections", form); rec.Code >= 400 {
			t.Fatalf("suggest = %d", rec.Code)
		}
		_, doc = mod.get("/moderation")
		if a, r := doc.Find(`[data-testid="accept"]`).AttrOr("class", ""), doc.Find(`[data-testid="reject"]`).AttrOr("class", ""); a == r || a == "" || r == "" {
			t.Fatalf("accept and reject look alike: classes %q and %q", a, r)
		}
		accept := formValues(doc, `[data-testid="pending"] form`)
		action, _ := doc.Find(`[data-testid="pending"] form`).Attr("action")
		if rec, _ := mod.post(action, accept); rec.Code >= 400 {
			t.Fatalf("accept = %d", rec.Code)
		}
		rec, doc := anon.get("/leaderboards/fps?status=retracted")
		if rec.Code != 400 || !strings.Contains(doc.Find(`[data-testid="error-message"]`).Text(), "moderators only") {
			t.Fatalf("visitor: %d %q", rec.Code, doc.Find(`[data-testid="error-message"]`).Text())
		}
		rec, doc = mod.get("/leaderboards/fps?status=retracted")
		if rec.Code != 200 || strings.Join(values(doc), ",") != "277 FPS" {
			t.Fatalf("moderator: %d %v", rec.Code, values(doc))
		}
		if cc := rec.Header().Get("Cache-Control"); cc != "private, no-store" {
			t.Fatalf("Cache-Control = %q", cc)
		}
		if _, on := doc.Find(`input[name="status"][value="retracted"]`).Attr("checked"); !on {
			t.Fatal("the moderator's form does not show the retracted filter")
		}
		// The moderator's plain board goes into the shared cache: it must not offer "retracted".
		if _, doc := mod.get("/leaderboards/fps"); doc.Find(`input[name="status"][value="retracted"]`).Length() != 0 {
			t.Fatal("the cacheable board offers the retracted filter")
		}
		// Asked again by a visitor right after: still refused, not the moderator's page from the cache.
		if rec, _ := anon.get("/leaderboards/fps?status=retracted"); rec.Code != 400 {
			t.Fatalf("visitor after moderator = %d", rec.Code)
		}
		// The claim page: a banner, a badge, no "Mark verified".
		_, doc = mod.get("/claims/" + id)
		if doc.Find(`[data-testid="retracted-banner"]`).Length() != 1 || doc.Find(`[data-testid="verify"]`).Length() != 0 {
			t.Fatal("retracted claim page: banner missing or Mark verified offered")
		}
		if b := doc.Find(`[data-testid="claim-status"] .badge-retracted`).Text(); b != "retracted" {
			t.Fatalf("status badge = %q", b)
		}
		// Its history in the API.
		rec = s.do(t, "/api/v1/claims/"+id+"/history", nil)
		var hist struct {
			Revisions []struct {
				Moderator *string `json:"moderator"`
				Changes   []struct {
					Field string `json:"field"`
				} `json:"changes"`
			} `json:"revisions"`
		}
		if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &hist) != nil || len(hist.Revisions) != 1 ||
			hist.Revisions[0].Moderator == nil || *hist.Revisions[0].Moderator != "mia" || len(hist.Revisions[0].Changes) == 0 {
			t.Fatalf("history = %d %s", rec.Code, rec.Body.String())
		}
		if rec := s.do(t, "/api/v1/claims/999999/history", nil); rec.Code != 404 {
			t.Fatalf("history of no claim = %d", rec.Code)
		}
	})
}

func claimIDOf(t *testing.T, s site, value string) string {
	t.Helper()
	_, doc := s.get(t, "/leaderboards/fps")
	var id string
	doc.Find(`[data-testid="claim-row"]`).Each(func(_ int, r *goquery.Selection) {
		if r.Find(`[data-testid="value"]`).Text() == value {
			id, _ = r.Attr("data-claim-id")
		}
	})
	if id == "" {
		t.Fatalf("no claim of %s", value)
	}
	return id
}

// Data out is findable: the leaderboard links its CSV and JSON with its
// filters, the footer the dump and the API docs, and the API is readable
// from other origins.
func TestDataOutIsLinked(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	_, doc := s.get(t, "/leaderboards/fps?hardware=nvidia-rtx-3090")
	csv, _ := doc.Find(`[data-testid="csv-link"]`).Attr("href")
	js, _ := doc.Find(`[data-testid="json-link"]`).Attr("href")
	if csv != "/leaderboards/fps.csv?hardware=nvidia-rtx-3090" || js != "/api/v1/leaderboards/fps?hardware=nvidia-rtx-3090" {
		t.Fatalf("csv %q json %q", csv, js)
	}
	if rec := s.do(t, js, nil); rec.Code != 200 {
		t.Fatalf("JSON link = %d", rec.Code)
	}
	if href := doc.Find(`body > a.skip`).AttrOr("href", ""); href != "#main" || doc.Find(`main#main`).Length() != 1 {
		t.Fatalf("skip link %q does not lead to main", href)
	}
	for _, sel := range []string{`footer [data-testid="dump-link"]`, `footer [data-testid="api-docs-link"]`, `header a[href="/hardware"]`} {
		if doc.Find(sel).Length() != 1 {
			t.Errorf("missing %s", sel)
		}
	}
	for _, target := range []string{"/api/v1/metrics", "/api/v1/leaderboards/fps", "/api/v1/claims/1", "/api/v1/claims/1/history", "/api/v1/nope"} {
		rec := s.do(t, target, nil)
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "*" {
			t.Errorf("GET %s: Access-Control-Allow-Origin = %q", target, got)
		}
	}
	if got := s.do(t, "/leaderboards/fps", nil).Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("HTML pages must not be opened to other origins: %q", got)
	}
}

// /hardware lists the devices with claims, each linking to its page.
func TestHardwareIndex(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		rec, doc := s.get(t, "/hardware")
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		rows := doc.Find(`[data-testid="hardware-row"]`)
		got := map[string]string{}
		rows.Each(func(_ int, r *goquery.Selection) {
			href, _ := r.Find("a").Attr("href")
			got[href] = r.Find(`[data-testid="hardware-claims"]`).Text()
		})
		want := map[string]string{"/hardware/nvidia-a100": "2", "/hardware/nvidia-v100": "1", "/hardware/nvidia-rtx-3090": "1", "/hardware/nvidia-rtx-4090": "1"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %q claims, want %s (all: %v)", k, got[k], v, got)
			}
		}
		if rec, _ := s.get(t, "/hardware/nvidia-a100"); rec.Code != 200 {
			t.Fatalf("device page %d", rec.Code)
		}
	})
}

// Evidence is shown in its clause and without LaTeX residue, while the
// stored evidence and offsets are untouched.
func TestEvidenceShownInContext(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	_, doc := s.get(t, "/leaderboards/fps")
	ev := doc.Find(`[data-testid="evidence"]`).First().Text()
	if !strings.Contains(ev, "We render at up to 277 FPS on an RTX 3090 GPU and 583 FPS on an RTX 4090 GPU.") {
		t.Fatalf("evidence = %q, want its sentence", ev)
	}
	rec := s.do(t, "/api/v1/leaderboards/fps", nil)
	if !strings.Contains(rec.Body.String(), `"evidence":"583 FPS on an RTX 4090"`) {
		t.Fatalf("stored evidence changed: %s", rec.Body.String())
	}
}

// The home page counts in words and an empty leaderboard's card says what
// would fill it.
func TestHomeCountsAndEmptyCards(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	_, doc := s.get(t, "/")
	if got := doc.Find(`[data-testid="metric-latency"] p.meta`).Text(); !strings.Contains(got, "1 claim ") {
		t.Fatalf("latency card = %q, want 1 claim", got)
	}
	empty := doc.Find(`[data-testid="metric-speedup"] [data-testid="empty-metric"]`).Text()
	if !strings.Contains(empty, "states a value in x") || !strings.Contains(empty, "ingest") {
		t.Fatalf("empty card = %q", empty)
	}
	if doc.Find(`[data-testid="metric-fps"] [data-testid="empty-metric"]`).Length() != 0 {
		t.Fatal("a card with claims says it is empty")
	}
}

// The CSV carries the value as written, the code link, the publication date
// and the arXiv version, on both databases (their dates scan differently).
func TestCSVHasProvenanceColumns(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		recs := parseCSV(t, s.do(t, "/leaderboards/fps.csv", nil).Body.String())
		col := map[string]int{}
		for _, name := range []string{"value", "value_as_written", "code_url", "published", "arxiv_version"} {
			i := slices.Index(export.CSVHeader, name)
			if i < 0 {
				t.Fatalf("no %s column in %v", name, export.CSVHeader)
			}
			col[name] = i
		}
		byValue := map[string][]string{}
		for _, r := range recs {
			byValue[r[col["value"]]] = r
		}
		if r := byValue["1000"]; r[col["code_url"]] != "https://github.com/example/renderer" || r[col["published"]] != "2022-03-01" {
			t.Fatalf("1000 FPS row: code %q published %q", r[col["code_url"]], r[col["published"]])
		}
		if r := byValue["277"]; r[col["value_as_written"]] != "277 FPS" || r[col["published"]] != "" || r[col["arxiv_version"]] != "" {
			t.Fatalf("277 FPS row: %q %q %q", r[col["value_as_written"]], r[col["published"]], r[col["arxiv_version"]])
		}
	})
}
