package handlers_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// TestBrowserKeyNoticeOneClickFilter: a reader sees that the fps rows differ
// in resolution, clicks the one-click filter for 512x512, and the rows left
// all state 512x512 and the warning is gone.
func TestBrowserKeyNoticeOneClickFilter(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	abs := "We render 512x512 images at 300 FPS, 512x512 images at 250 FPS, 512x512 images at 200 FPS, and 4K frames at 40 FPS and 4K frames at 30 FPS."
	var claims []models.ClaimInput
	for _, c := range []struct {
		v   float64
		res string
	}{{300, "512x512"}, {250, "512x512"}, {200, "512x512"}, {40, "4K"}, {30, "4K"}} {
		v := strconv.FormatFloat(c.v, 'f', -1, 64)
		ev := c.res + " images at " + v + " FPS"
		if c.res == "4K" {
			ev = "4K frames at " + v + " FPS"
		}
		claims = append(claims, models.ClaimInput{Metric: "fps", Value: c.v, Unit: "FPS", RawText: v + " FPS",
			Evidence: ev, EvidenceStart: at(abs, ev), EvidenceEnd: at(abs, ev) + len(ev), Keys: models.KeyFilter{Resolution: c.res}})
	}
	if _, err := s.store.SavePapers(context.Background(), []models.PaperInput{{Title: "Resolutions Differ", Abstract: abs, Claims: claims}}); err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(s.e)
	defer server.Close()
	srv := server.URL
	ctx := mustBrowser(t)

	notice, err := run[string](ctx, `document.querySelector('[data-testid="key-notice"][data-key="resolution"]').textContent.replace(/\s+/g, ' ').trim()`,
		chromedp.Navigate(srv+"/leaderboards/fps?q=Resolutions"),
		chromedp.WaitVisible(css(`[data-testid="key-notice"][data-key="resolution"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "key-notice")
	if !strings.HasPrefix(notice, "Rows differ in resolution: 512x512 (3), 4K (2)") {
		t.Fatalf("notice reads %q", notice)
	}
	res, err := run[[]string](ctx, `[...document.querySelectorAll('[data-testid="claim-row"] [data-key="resolution"]')].map(e => e.textContent.trim())`,
		chromedp.Click(css(`[data-key="resolution"] a[data-value="512x512"]`)),
		chromedp.WaitVisible(css(`[data-testid="chips"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(url, "resolution=512x512") || !strings.Contains(url, "q=Resolutions") {
		t.Errorf("the filter link went to %s", url)
	}
	if len(res) != 3 {
		t.Fatalf("rows after the filter: %v, want the three 512x512 claims", res)
	}
	for _, r := range res {
		if r != "512x512" {
			t.Fatalf("a %q row survived the 512x512 filter", r)
		}
	}
	left, err := run[int](ctx, `document.querySelectorAll('[data-testid="key-notice"][data-key="resolution"]').length`)
	if err != nil || left != 0 {
		t.Fatalf("the rows agree but a resolution notice is left (%d, %v)", left, err)
	}
}
