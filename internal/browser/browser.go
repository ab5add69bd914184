// Package browser starts a headless Chromium for end-to-end tests through
// chromedp. Tests skip when Chromium is not installed, except under CI=true
// where that is a failure: CI must never pass by skipping.
package browser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// candidates are where Debian and other systems install Chromium.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Path returns the Chromium executable: $CHROMIUM if set, else the first
// candidate on $PATH, else "".
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a fresh headless Chromium (its own profile in a temp dir) and
// returns a chromedp context bounded by timeout; everything stops when the
// test ends.
func New(tb testing.TB, timeout time.Duration) context.Context {
	tb.Helper()
	path := Path()
	if path == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("Chromium not found but CI=true: browser tests must run in CI (apt-get install chromium)")
		}
		tb.Skip("Chromium not found; skipping browser test (install the chromium package or set CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	tb.Cleanup(func() {
		cancelTimeout()
		cancelBrowser()
		cancelAlloc()
	})
	// Start the browser now so a broken install fails here, clearly.
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("start Chromium %s: %v", path, err)
	}
	return ctx
}

// Screenshot saves a full-page PNG as testdata/artifacts/NAME.png under the
// test's package directory (git-ignored), for looking at after a run. It is
// an aid, so failing to save is only logged.
func Screenshot(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 is PNG
	if err != nil {
		tb.Logf("screenshot %s: %v", name, err)
		return
	}
	dir := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		tb.Logf("screenshot %s: %v", name, err)
	}
}
