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

// feedIDs returns the claim ids of a feed's entries, newest first.
func feedIDs(t *testing.T, s site, target string) ([]int64, *goquery.Document) {
	t.Helper()
	rec, doc := s.get(t, target)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("GET %s: %d %q\n%s", target, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	var ids []int64
	doc.Find("entry > id").Each(func(_ int, e *goquery.Selection) {
		_, tail, _ := strings.Cut(e.Text(), "/claims/")
		id, err := strconv.ParseInt(tail, 10, 64)
		if err != nil {
			t.Fatalf("entry id %q", e.Text())
		}
		ids = append(ids, id)
	})
	return ids, doc
}

// Each leaderboard's feed carries exactly the leaderboard's claims under the
// same filters, and the page links that feed in <head> and visibly.
func TestFeedsFollowTheLeaderboardsFilters(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		for _, q := range []string{
			"", "hardware=nvidia-a100", "hardware=nvidia-a100&hardware=nvidia-rtx-4090", "qualifier=up_to",
			"year=2024", "has_code=true", "min=120&max=130", "q=renderer+12", "hardware=nvidia-a100&year=2023&sort=paper&page=1",
		} {
			page := "/leaderboards/fps"
			if q != "" {
				page += "?" + q
			}
			want, _ := htmlIDs(t, s, page)
			_, doc := s.get(t, page)
			head, _ := doc.Find(`head link[rel="alternate"][type="application/atom+xml"]`).Attr("href")
			visible, _ := doc.Find(`[data-testid="feed-link"]`).Attr("href")
			if head == "" || head != visible {
				t.Fatalf("%s: feed links <head> %q, visible %q", page, head, visible)
			}
			u, _ := url.Parse(head)
			if u.Path != "/leaderboards/fps/feed.atom" || u.Query().Has("sort") || u.Query().Has("page") {
				t.Fatalf("%s: feed link %q", page, head)
			}
			got, feed := feedIDs(t, s, head)
			slices.Sort(want)
			slices.Sort(got)
			if len(want) == 0 && q != "" && q != "q=renderer+12" {
				t.Fatalf("%s: the fixture has no claims for this filter", page)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: feed %v, leaderboard %v", head, got, want)
			}
			self, _ := feed.Find(`feed > link[rel="self"]`).Attr("href")
			if !strings.HasSuffix(self, head) {
				t.Errorf("%s: self link %q", head, self)
			}
			if f := u.Query(); len(f) > 0 && !strings.Contains(feed.Find("feed > title").Text(), "(") {
				t.Errorf("%s: title %q does not name the filter", head, feed.Find("feed > title").Text())
			}
		}
		// The same parser: a bad filter is refused, not ignored; an unknown
		// parameter (a tracking tag of a shared link) is ignored.
		for _, bad := range []string{"?year=abc", "?per_page=5000"} {
			if rec, _ := s.get(t, "/leaderboards/fps/feed.atom"+bad); rec.Code != 400 {
				t.Errorf("feed%s: %d, want 400", bad, rec.Code)
			}
		}
		if rec, _ := s.get(t, "/leaderboards/fps/feed.atom?utm_source=x"); rec.Code != 200 {
			t.Errorf("feed?utm_source=x: %d, want 200", rec.Code)
		}
	})
}

// /feed.atom carries the newest claims of every metric, and the home page links it.
func TestSiteFeedCoversEveryMetric(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		got, doc := feedIDs(t, s, "/feed.atom")
		if len(got) != 3 || !slices.IsSortedFunc(got, func(a, b int64) int { return int(b - a) }) {
			t.Fatalf("/feed.atom ids %v, want the 3 claims newest first", got)
		}
		if text := doc.Find("entry > title").Text(); !strings.Contains(text, "0.5 s") || !strings.Contains(text, "277") {
			t.Fatalf("entries do not span metrics: %q", text)
		}
		if hw, _ := feedIDs(t, s, "/feed.atom?hardware=nvidia-rtx-4090"); len(hw) != 1 {
			t.Fatalf("/feed.atom?hardware=nvidia-rtx-4090: %v", hw)
		}
		_, home := s.get(t, "/")
		head, _ := home.Find(`head link[rel="alternate"][type="application/atom+xml"]`).Attr("href")
		visible, _ := home.Find(`[data-testid="feed-link"]`).Attr("href")
		if head != "/feed.atom" || visible != "/feed.atom" {
			t.Fatalf("home links the feed as %q and %q", head, visible)
		}
	})
}
