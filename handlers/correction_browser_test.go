package handlers_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	cdp "github.com/chromedp/chromedp"

	"github.com/claimboard/claimboard/internal/testdb"
)

// A visitor suggests a correction in a real browser; a moderator logs in and
// accepts it; the leaderboard shows the new value and the claim page the
// revision. Every form is a plain HTML post: the flow needs no JavaScript.
func TestBrowserCorrectionFlow(t *testing.T) {
	ctx := mustBrowser(t)
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	srv := httptest.NewServer(s.e)
	defer srv.Close()

	do := func(step string, actions ...cdp.Action[cdp.Void]) {
		t.Helper()
		if err := cdp.Do(ctx, actions...); err != nil {
			screenshot(t, ctx, "correction-failure")
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := cdp.Run(ctx, cdp.Text(cdp.CSS(sel)))
		if err != nil {
			screenshot(t, ctx, "correction-failure")
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	// The visitor: claim page -> suggestion form -> confirmation.
	do("suggest a correction",
		cdp.Navigate(srv.URL+"/claims/1"),
		cdp.Click(cdp.CSS(`[data-testid="suggest-correction"]`)),
		cdp.WaitVisible(cdp.CSS(`[data-testid="correction-form"]`)),
		cdp.Clear(cdp.CSS(`input[name="value"]`)),
		cdp.SendKeys(cdp.CSS(`input[name="value"]`), "290"),
		cdp.SendKeys(cdp.CSS(`textarea[name="reason"]`), "The PDF's table 2 says 290 FPS."),
		cdp.SendKeys(cdp.CSS(`input[name="contact"]`), "reader@example.org"),
		cdp.Click(cdp.CSS(`[data-testid="submit"]`)),
		cdp.WaitVisible(cdp.CSS(`[data-testid="confirmation"]`)),
	)
	if got := text(`[data-testid="confirmation"]`); !strings.Contains(got, "suggestion 1") {
		t.Errorf("confirmation = %q", got)
	}
	screenshot(t, ctx, "correction-1-suggestion-sent")

	// The moderator: the queue sends them to log in, then back to it.
	do("open the queue", cdp.Navigate(srv.URL+"/moderation"), cdp.WaitVisible(cdp.CSS(`[data-testid="login-form"]`)))
	if loc, err := cdp.Run(ctx, cdp.Location()); err != nil || !strings.Contains(loc, "/login?next=%2Fmoderation") {
		t.Errorf("moderation without a session went to %q (%v)", loc, err)
	}
	do("log in",
		cdp.SendKeys(cdp.CSS(`input[name="username"]`), "alice"),
		cdp.SendKeys(cdp.CSS(`input[name="password"]`), "a long test password"),
		cdp.Click(cdp.CSS(`[data-testid="login"]`)),
		cdp.WaitVisible(cdp.CSS(`[data-testid="pending"]`)),
	)
	if q := text(`[data-testid="pending"]`); !strings.Contains(q, "reader@example.org") || !strings.Contains(q, "290") {
		t.Errorf("queue = %q", q)
	}
	screenshot(t, ctx, "correction-2-moderation-queue")
	do("accept",
		cdp.SendKeys(cdp.CSS(`[data-testid="pending"] textarea[name="note"]`), "Checked against table 2."),
		cdp.Click(cdp.CSS(`[data-testid="accept"]`)),
		cdp.WaitVisible(cdp.CSS(`[data-testid="flash"]`)),
	)
	if f := text(`[data-testid="flash"]`); !strings.Contains(f, "Accepted") {
		t.Errorf("flash = %q", f)
	}

	// The record: the leaderboard and the claim's history.
	do("leaderboard", cdp.Navigate(srv.URL+"/leaderboards/fps"), cdp.WaitVisible(cdp.CSS(`[data-testid="leaderboard"]`)))
	if v := text(`[data-claim-id="1"] [data-testid="value"]`); v != "290 FPS" {
		t.Errorf("leaderboard value = %q, want 290 FPS", v)
	}
	screenshot(t, ctx, "correction-3-leaderboard")
	do("claim page", cdp.Navigate(srv.URL+"/claims/1"), cdp.WaitVisible(cdp.CSS(`[data-testid="history"]`)))
	status, history := text(`[data-testid="claim-status"]`), text(`[data-testid="history"]`)
	if status != "corrected" || !strings.Contains(history, "alice") || !strings.Contains(history, "Checked against table 2.") ||
		!strings.Contains(history, "277") || !strings.Contains(history, "290") {
		t.Errorf("claim page: status %q, history %q", status, history)
	}
	screenshot(t, ctx, "correction-4-claim-history")
}
