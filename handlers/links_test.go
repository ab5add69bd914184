package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/testdb"
)

// A dangerous link stored before ingest checked links (or written by hand)
// is not a live link on the paper page, nor given out by the API or the CSV.
func TestStoredDangerousLinksAreNeverGivenOut(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		id := plantLinks(t, dsn, "Fast Gaussian Rendering", "java\tscript:alert(1)", "JaVaScRiPt:alert(2)")
		rec, doc := s.get(t, "/papers/"+id)
		if rec.Code != 200 {
			t.Fatalf("paper page = %d", rec.Code)
		}
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			if h := strings.ToLower(strings.Join(strings.Fields(href), "")); strings.Contains(h, "script:") {
				t.Errorf("paper page links to %q", href)
			}
		})
		rec, _ = s.get(t, "/api/v1/papers/"+id)
		var p struct {
			SourceURL *string `json:"source_url"`
			CodeURL   *string `json:"code_url"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.SourceURL != nil || p.CodeURL != nil {
			t.Errorf("API paper: %v source_url=%v code_url=%v, want both null", err, p.SourceURL, p.CodeURL)
		}
		for _, path := range []string{"/leaderboards/fps.csv", "/export/claims.csv"} {
			rec, _ = s.get(t, path)
			if body := strings.ToLower(rec.Body.String()); rec.Code != 200 || strings.Contains(body, "script:") {
				t.Errorf("%s = %d and gives out the link:\n%s", path, rec.Code, rec.Body.String())
			}
		}
	})
}

// plantLinks writes source and code links to the paper titled title past the
// store's check, as a version before it could have stored them, and returns
// the paper's id.
func plantLinks(t *testing.T, dsn, title, source, code string) string {
	t.Helper()
	db := testdb.SQL(t, dsn)
	if _, err := db.Exec("UPDATE papers SET source_url = $1, code_url = $2 WHERE title = $3", source, code, title); err != nil {
		t.Fatal(err)
	}
	var id string
	if err := db.QueryRow("SELECT CAST(id AS TEXT) FROM papers WHERE title = $1", title).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
