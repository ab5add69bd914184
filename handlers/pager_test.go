package handlers_test

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/testdb"
)

// The pager's next link seeks (after=, keyset pagination) and carries the
// parsed filter only; the page it opens is the page=N one by offset; a deep
// page=N link, shared or typed, still works and its own next link seeks; a
// cursor from another sort is a 400 naming "after".
func TestPagerNextLinksSeekAndDeepPageLinksWork(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		base := "/leaderboards/fps?per_page=4&sort=baseline&utm_source=x"
		target := base
		for page := 1; page <= 4; page++ {
			got, _ := pageIDsAndNext(t, s, target)
			byOffset, _ := pageIDsAndNext(t, s, base+"&page="+itoa(page))
			if len(got) != 4 || !slices.Equal(got, byOffset) {
				t.Fatalf("page %d via %s = %v, by offset %v", page, target, got, byOffset)
			}
			_, next := pageIDsAndNext(t, s, target)
			u, err := url.Parse(next)
			if err != nil || u.Query().Get("after") == "" || u.Query().Get("page") != itoa(page+1) ||
				u.Query().Has("utm_source") || u.Query().Get("sort") != "baseline" || u.Query().Get("per_page") != "4" {
				t.Fatalf("page %d: next link %q", page, next)
			}
			target = next
		}
		// A deep link by number: served, and its next page seeks.
		deep, next := pageIDsAndNext(t, s, "/leaderboards/fps?per_page=2&page=9")
		if len(deep) != 2 || !strings.Contains(next, "after=") {
			t.Fatalf("page=9: %v, next %q", deep, next)
		}
		u, _ := url.Parse(next)
		q := u.Query()
		q.Set("sort", "paper")
		rec, doc := s.get(t, "/leaderboards/fps?"+q.Encode())
		if rec.Code != 400 || !strings.Contains(doc.Find(`[data-testid="error-message"]`).Text()+rec.Body.String(), "after") {
			t.Fatalf("cursor of another sort: %d", rec.Code)
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

func pageIDsAndNext(t *testing.T, s site, target string) ([]int64, string) {
	t.Helper()
	rec, doc := s.get(t, target)
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d", target, rec.Code)
	}
	var ids []int64
	doc.Find(`[data-testid="claim-row"]`).Each(func(_ int, row *goquery.Selection) {
		id, _ := strconv.ParseInt(row.AttrOr("data-claim-id", ""), 10, 64)
		ids = append(ids, id)
	})
	next, _ := doc.Find(`a[rel="next"]`).Attr("href")
	return ids, next
}
