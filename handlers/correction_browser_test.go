package handlers_test

import (
	"fmt"
	"net/http/httptest"
	"slices"
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

// formFacts are measured on the correction form, as a person sees it.
type formFacts struct {
	Devices       []string `json:"devices"`       // the hardware input's datalist
	EvidenceTag   string   `json:"evidenceTag"`   // TEXTAREA
	EvidenceWidth float64  `json:"evidenceWidth"` // px
	EvidenceLines float64  `json:"evidenceLines"` // visible lines of text
	EvidenceFits  bool     `json:"evidenceFits"`  // the whole evidence shows without scrolling
	Evidence      string   `json:"evidence"`
	Marked        string   `json:"marked"`      // the abstract's marked passage
	MarkVisible   bool     `json:"markVisible"` // on screen and highlighted
	PageFits      bool     `json:"pageFits"`
}

const measureForm = `(() => {
	const hw = document.querySelector('input[name="hardware"]');
	const ev = document.querySelector('[name="evidence"]');
	const mark = document.querySelector('[data-testid="abstract"] mark');
	const cs = getComputedStyle(ev);
	const lh = parseFloat(cs.lineHeight) || 1.2 * parseFloat(cs.fontSize);
	const r = ev.getBoundingClientRect();
	const m = mark && mark.getBoundingClientRect();
	return {
		devices: hw.list ? [...hw.list.options].map(o => o.value) : [],
		evidenceTag: ev.tagName,
		evidenceWidth: r.width,
		evidenceLines: (ev.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) / lh,
		evidenceFits: ev.scrollHeight <= ev.clientHeight + 1 && ev.scrollWidth <= ev.clientWidth + 1,
		evidence: ev.value,
		marked: mark ? mark.textContent : '',
		markVisible: !!mark && mark.offsetParent !== null && m.left >= 0 && m.right <= window.innerWidth + 1 &&
			getComputedStyle(mark).backgroundColor !== 'rgba(0, 0, 0, 0)',
		pageFits: document.documentElement.scrollWidth <= window.innerWidth + 1,
	};
})()`

// The correction form of a bundled claim at a laptop's and a phone's width:
// the known devices are offered, the abstract shows the current evidence
// marked, and the evidence field shows all of it, several lines high.
func TestBrowserCorrectionFormShowsEvidence(t *testing.T) {
	ctx := mustBrowser(t)
	srv := bundledSite(t)
	for _, w := range []struct{ width, height int64 }{{1280, 900}, {375, 800}} {
		f, err := run[formFacts](ctx, measureForm,
			cdp.EmulateViewport(w.width, w.height),
			cdp.Navigate(srv.URL+"/claims/1/corrections"),
			cdp.WaitVisible(css(`[data-testid="correction-form"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, fmt.Sprintf("correction-form-%d", w.width))
		if !slices.Contains(f.Devices, "NVIDIA RTX 3090") || !slices.Contains(f.Devices, "NVIDIA A100") {
			t.Errorf("%d px: hardware datalist offers %d devices, not the RTX 3090 and A100", w.width, len(f.Devices))
		}
		if f.EvidenceTag != "TEXTAREA" || f.EvidenceLines < 3 || !f.EvidenceFits {
			t.Errorf("%d px: evidence is a %s showing %.1f lines, all of it: %v", w.width, f.EvidenceTag, f.EvidenceLines, f.EvidenceFits)
		}
		if min := map[int64]float64{1280: 500, 375: 300}[w.width]; f.EvidenceWidth < min {
			t.Errorf("%d px: evidence field %.0f px wide, want at least %.0f", w.width, f.EvidenceWidth, min)
		}
		if f.Evidence == "" || f.Marked != f.Evidence || !f.MarkVisible {
			t.Errorf("%d px: abstract marks %q (visible %v), evidence %q", w.width, f.Marked, f.MarkVisible, f.Evidence)
		}
		if !f.PageFits {
			t.Errorf("%d px: the form scrolls sideways", w.width)
		}
	}
}
