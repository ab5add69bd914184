package handlers_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/claimboard/claimboard/internal/testdb"
)

// mustBrowser starts headless Chromium for one test. Without Chromium the test
// is skipped locally but fails under CI=true: CI must run the browser tests.
func mustBrowser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium not found but CI=true: browser tests must run in CI (apt-get install chromium)")
		}
		t.Skip("chromium not installed; skipping browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelBrowser(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// screenshot saves a full-page PNG under testdata/artifacts (gitignored) for a
// person to look at; it asserts nothing.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 means PNG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// css marks a selector as CSS (chromedp reads plain strings as a text search).
func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

// run performs steps, then evaluates expr in the page and returns its value.
func run[T any](ctx context.Context, expr string, steps ...chromedp.Action[chromedp.Void]) (T, error) {
	var zero T
	if err := chromedp.Do(ctx, steps...); err != nil {
		return zero, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

const rowValues = `[...document.querySelectorAll('[data-testid="claim-row"] [data-testid="value"]')].map(e => e.textContent.trim())`

func TestBrowserLeaderboard(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	moreFPS(t, s.store)
	srv := httptest.NewServer(s.e)
	defer srv.Close()
	ctx := mustBrowser(t)

	before, err := run[[]string](ctx, rowValues,
		chromedp.Navigate(srv.URL+"/leaderboards/fps"),
		chromedp.WaitVisible(css(`[data-testid="leaderboard"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "leaderboard-1280")
	if len(before) != 5 || before[0] != "1,000 FPS" {
		t.Fatalf("initial order = %v", before)
	}

	t.Run("clicking the value header flips the order", func(t *testing.T) {
		after, err := run[[]string](ctx, rowValues,
			chromedp.Click(css(`th[aria-sort="descending"] a`)),
			chromedp.WaitVisible(css(`th[aria-sort="ascending"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		for i := range before {
			if after[i] != before[len(before)-1-i] {
				t.Fatalf("after click = %v, want the reverse of %v", after, before)
			}
		}
	})

	t.Run("a hardware filter keeps only that hardware", func(t *testing.T) {
		hw, err := run[[]string](ctx, `[...document.querySelectorAll('[data-testid="claim-row"] [data-testid="hardware"]')].map(e => e.textContent.trim())`,
			chromedp.Navigate(srv.URL+"/leaderboards/fps"),
			chromedp.Click(css(`details.filters summary`)),
			chromedp.Click(css(`input[name="hardware"][value="nvidia-a100"]`)),
			chromedp.Click(css(`form[data-testid="filter-form"] button[type="submit"]`)),
			chromedp.WaitVisible(css(`[data-testid="chips"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		url, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(url, "hardware=nvidia-a100") {
			t.Fatalf("filter did not land in the URL: %s", url)
		}
		if len(hw) != 2 {
			t.Fatalf("rows after filter = %v, want the 2 A100 claims", hw)
		}
		for _, h := range hw {
			if h != "NVIDIA A100" {
				t.Fatalf("row on %q survived the A100 filter", h)
			}
		}
	})

	t.Run("choosing a task keeps only its papers' claims", func(t *testing.T) {
		fileTasks(t, s.store)
		got, err := run[[]string](ctx, rowValues,
			chromedp.Navigate(srv.URL+"/leaderboards/fps"),
			chromedp.Click(css(`details.filters summary`)),
			chromedp.SetValue(css(`select[name="task"]`), "gaussian-splatting"),
			chromedp.Click(css(`form[data-testid="filter-form"] button[type="submit"]`)),
			chromedp.WaitVisible(css(`[data-testid="chips"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		url, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(url, "task=gaussian-splatting") || strings.Join(got, "|") != "583 FPS|277 FPS" {
			t.Fatalf("after choosing a task: %s shows %v", url, got)
		}
	})

	t.Run("the paper link leads to highlighted evidence", func(t *testing.T) {
		err := chromedp.Do(ctx,
			chromedp.Navigate(srv.URL+"/leaderboards/fps"),
			chromedp.Click(css(`[data-testid="paper-link"]`)),
			chromedp.WaitVisible(css(`[data-testid="abstract"] mark`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		marked, err := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="abstract"] mark`)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(marked, "1000 FPS") {
			t.Fatalf("highlighted evidence = %q", marked)
		}
	})

	t.Run("the filter form is reachable by keyboard", func(t *testing.T) {
		var names []string
		err := chromedp.Do(ctx,
			chromedp.Navigate(srv.URL+"/leaderboards/fps?q=renderer"), // filters active: the form is open
			chromedp.WaitVisible(css(`input[name="q"]`)),
			chromedp.Focus(css(`input[name="q"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		for range 6 {
			name, err := run[string](ctx, `document.activeElement.name || document.activeElement.tagName`,
				chromedp.KeyEvent("\t"),
			)
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
		}
		want := []string{"min", "max", "min_confidence", "year", "task", "has_code"}
		if strings.Join(names, ",") != strings.Join(want, ",") {
			t.Fatalf("tab order = %v, want %v", names, want)
		}
	})

	t.Run("phone width", func(t *testing.T) {
		// The page itself must not scroll sideways; the table scrolls in its box.
		scrollable, err := run[bool](ctx, `document.documentElement.scrollWidth <= window.innerWidth + 1`,
			chromedp.EmulateViewport(375, 800),
			chromedp.Navigate(srv.URL+"/leaderboards/fps"),
			chromedp.WaitVisible(css(`[data-testid="leaderboard"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, "leaderboard-375")
		if !scrollable {
			t.Fatal("the page is wider than a 375 px phone")
		}
	})
}
