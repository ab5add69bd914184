package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
)

// TestKeyNoticeOffersOneClickFilters: the fixture's two fps rows ran on 1
// and 8 devices, so the page says they differ in device count and links to
// each value; following a link leaves rows that agree and no notice.
func TestKeyNoticeOffersOneClickFilters(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		_, doc := s.get(t, "/leaderboards/fps?sort=date&q=fps")
		n := doc.Find(`[data-testid="key-notice"][data-key="devices"]`)
		if n.Length() != 1 {
			t.Fatalf("no device-count notice: %q", doc.Find(`[data-testid="key-notices"]`).Text())
		}
		txt := strings.Join(strings.Fields(n.Text()), " ")
		if !strings.HasPrefix(txt, "Rows differ in device count: ") || !strings.Contains(txt, "× 1 (1)") || !strings.Contains(txt, "× 8 (1)") {
			t.Errorf("notice reads %q", txt)
		}
		links := n.Find(`a[data-testid="key-filter"]`)
		if links.Length() != 2 {
			t.Fatalf("%d filter links", links.Length())
		}
		href, _ := n.Find(`a[data-value="× 8"]`).Attr("href")
		// The link keeps the view's own filter and sort, and adds the key.
		for _, want := range []string{"devices=8", "sort=date", "q=fps"} {
			if !strings.Contains(href, want) {
				t.Errorf("link %q lacks %s", href, want)
			}
		}
		rec, doc := s.get(t, href)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", href, rec.Code)
		}
		rows := doc.Find(`[data-testid="claim-row"]`)
		if rows.Length() != 1 || !strings.Contains(rows.Find(`[data-testid="value"]`).Text(), "583") {
			t.Errorf("devices=8 shows %d rows: %q", rows.Length(), rows.Text())
		}
		if doc.Find(`[data-testid="key-notice"]`).Length() != 0 {
			t.Errorf("rows that agree still get a notice: %q", doc.Find(`[data-testid="key-notices"]`).Text())
		}
		if chip := doc.Find(`[data-testid="chips"]`).Text(); !strings.Contains(chip, "device count: × 8") {
			t.Errorf("no chip for the key filter: %q", chip)
		}
		// The same filter feeds the CSV and the API.
		rec, _ = s.get(t, "/leaderboards/fps.csv?devices=8")
		if body := rec.Body.String(); rec.Code != http.StatusOK || !strings.Contains(body, "583") || strings.Contains(body, "277") {
			t.Errorf("CSV devices=8: %d %q", rec.Code, body)
		}
		rec, _ = s.get(t, "/api/v1/leaderboards/fps?devices=1")
		if body := rec.Body.String(); rec.Code != http.StatusOK || !strings.Contains(body, "277") || strings.Contains(body, "583") {
			t.Errorf("API devices=1: %d %q", rec.Code, body)
		}
	})
}

// TestKeyFiltersRefuseMalformedValues: every key parameter answers a bad
// value with a 400 that names it, on the page, the CSV and the API.
func TestKeyFiltersRefuseMalformedValues(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		for _, q := range []string{"precision=fp12", "batch_size=0", "batch_size=x", "resolution=4x", "resolution=1920x", "seq_len=-1",
			"model_size=abc", "model_size=-7B", "dataset=" + strings.Repeat("d", 201), "devices=1.5", "precision=fp16&precision=int8"} {
			param := q[:strings.IndexByte(q, '=')]
			for _, path := range []string{"/leaderboards/fps", "/leaderboards/fps.csv", "/api/v1/leaderboards/fps"} {
				rec, _ := s.get(t, path+"?"+q)
				if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), param) {
					t.Errorf("%s?%.40s: status %d, body %.120q", path, q, rec.Code, rec.Body.String())
				}
			}
		}
		for _, q := range []string{"precision=FP16", "resolution=1920%C3%971080", "resolution=4k", "model_size=350M", "seq_len=2048", "batch_size=8", "dataset=ImageNet"} {
			if rec, _ := s.get(t, "/leaderboards/fps?"+q); rec.Code != http.StatusOK {
				t.Errorf("%s: status %d", q, rec.Code)
			}
		}
	})
}
