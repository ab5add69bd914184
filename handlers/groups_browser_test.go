package handlers_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

type groupFacts struct {
	PageFits     bool     `json:"pageFits"`
	Sections     []string `json:"sections"`
	RowsFit      bool     `json:"rowsFit"`      // every section row lies within the viewport's width
	EvidenceOpen bool     `json:"evidenceOpen"` // the first row's evidence shows once its summary is clicked
	FirstName    string   `json:"firstName"`
}

const measureGroups = `(() => {
	const rows = [...document.querySelectorAll('[data-testid="group-row"]')];
	const d = rows[0].querySelector('details');
	d.querySelector('summary').click();
	const ev = d.querySelector('[data-testid="group-evidence"]');
	return {
		pageFits: document.documentElement.scrollWidth <= window.innerWidth + 1,
		sections: [...document.querySelectorAll('[data-testid="task-groups"] section.group [data-testid="group-link"]')].map(a => a.textContent),
		rowsFit: rows.every(r => { const b = r.getBoundingClientRect(); return b.left >= 0 && b.right <= window.innerWidth + 1; }),
		evidenceOpen: d.open && ev.offsetParent !== null && ev.getBoundingClientRect().height > 0 && ev.textContent.trim().length > 5,
		firstName: rows[0].querySelector('[data-testid="group-method"]').textContent,
	};
})()`

// The grouped leaderboard of the bundled corpus reads at a laptop's and a
// phone's width: sections per task and "No task", rows inside the screen,
// evidence one click away (a <details>, no script), screenshots saved.
func TestBrowserGroupedLeaderboard(t *testing.T) {
	ctx := mustBrowser(t)
	srv := bundledSite(t)
	for _, w := range []int64{1280, 375} {
		f, err := run[groupFacts](ctx, measureGroups,
			chromedp.EmulateViewport(w, 900),
			colorScheme("light"),
			chromedp.Navigate(srv.URL+"/leaderboards/speedup"),
			chromedp.WaitVisible(css(`[data-testid="task-groups"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !f.PageFits || !f.RowsFit {
			t.Errorf("%d px: page fits %v, rows fit %v", w, f.PageFits, f.RowsFit)
		}
		if len(f.Sections) < 2 || f.Sections[len(f.Sections)-1] != "No task" {
			t.Errorf("%d px: sections %q, want tasks then No task", w, f.Sections)
		}
		if !f.EvidenceOpen || f.FirstName == "" {
			t.Errorf("%d px: evidence opened %v, first row named %q", w, f.EvidenceOpen, f.FirstName)
		}
		screenshot(t, ctx, "grouped-leaderboard-"+strconv.FormatInt(w, 10))
		// What a reader sees first, without scrolling.
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "artifacts", "grouped-leaderboard-"+strconv.FormatInt(w, 10)+"-top.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The home page's metric × task table scrolls inside its box, never the page.
	for _, w := range []int64{1280, 375} {
		fits, err := run[bool](ctx, `document.documentElement.scrollWidth <= window.innerWidth + 1 && document.querySelectorAll('[data-testid="task-grid"] tbody tr').length > 3`,
			chromedp.EmulateViewport(w, 900),
			colorScheme("light"),
			chromedp.Navigate(srv.URL+"/"),
			chromedp.WaitVisible(css(`[data-testid="task-grid"]`)),
			chromedp.ScrollIntoView(css(`[data-testid="task-grid"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !fits {
			t.Errorf("%d px: the home page with its task grid scrolls sideways, or the grid has few rows", w)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "artifacts", "home-grid-"+strconv.FormatInt(w, 10)+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
