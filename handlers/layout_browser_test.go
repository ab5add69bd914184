package handlers_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// bundledSite serves the bundled corpus, the data a new user first sees.
func bundledSite(t *testing.T) *httptest.Server {
	t.Helper()
	st := testdb.MustOpen(t, testdb.SQLiteURL(t))
	if _, err := ingest.File(context.Background(), st, "corpus", ingest.Bundled()); err != nil {
		t.Fatal(err)
	}
	e := handlers.New(handlers.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), HardwareAliases: extract.HardwareByAlias})
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return srv
}

// colorScheme makes the page see prefers-color-scheme: scheme.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// layoutFacts are measured in the page: what a person would see.
type layoutFacts struct {
	PageFits      bool     `json:"pageFits"`      // no sideways scrolling of the page
	TableFits     bool     `json:"tableFits"`     // the leaderboard needs no sideways scrolling in its box
	RowDisplay    string   `json:"rowDisplay"`    // "table-row", or "block" for cards
	EvidenceShown bool     `json:"evidenceShown"` // the first evidence is on screen, readable
	EvidenceWidth float64  `json:"evidenceWidth"` // its width in px
	LabelPx       float64  `json:"labelPx"`       // rendered height of a chart label
	ValuesInside  bool     `json:"valuesInside"`  // every chart value ends inside the chart
	Labels        []string `json:"labels"`
}

const measureLayout = `(() => {
	const ev = document.querySelector('[data-testid="evidence"]');
	const r = ev.getBoundingClientRect();
	const box = document.querySelector('.scroll');
	const svg = document.querySelector('[data-testid="chart"] svg');
	const vb = svg.viewBox.baseVal;
	const label = svg.querySelector('text.label');
	return {
		pageFits: document.documentElement.scrollWidth <= window.innerWidth + 1,
		tableFits: box.scrollWidth <= box.clientWidth + 1,
		rowDisplay: getComputedStyle(document.querySelector('tr.claim')).display,
		evidenceShown: ev.offsetParent !== null && r.left >= 0 && r.right <= window.innerWidth + 1 && ev.textContent.trim().length > 20,
		evidenceWidth: r.width,
		labelPx: label.getBoundingClientRect().height,
		valuesInside: [...svg.querySelectorAll('text.num')].every(t => { const b = t.getBBox(); return b.x + b.width <= vb.width + 0.5; }),
		labels: [...svg.querySelectorAll('text.label')].map(t => t.textContent),
	};
})()`

// At a laptop's 1280 px the evidence is on screen and the table fits; at a
// phone's 375 px rows are cards, nothing scrolls sideways, chart text is
// readable, and chart labels tell rows apart and values are not clipped.
func TestBrowserLayoutAtTwoWidths(t *testing.T) {
	ctx := mustBrowser(t)
	srv := bundledSite(t)
	for _, w := range []struct {
		width, height int64
		cards         bool
	}{{1280, 900, false}, {375, 800, true}} {
		f, err := run[layoutFacts](ctx, measureLayout,
			chromedp.EmulateViewport(w.width, w.height),
			colorScheme("light"),
			chromedp.Navigate(srv.URL+"/leaderboards/speedup"),
			chromedp.WaitVisible(css(`[data-testid="leaderboard"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !f.PageFits || !f.TableFits {
			t.Errorf("%d px: page fits %v, table fits %v", w.width, f.PageFits, f.TableFits)
		}
		if !f.EvidenceShown || f.EvidenceWidth < 250 {
			t.Errorf("%d px: evidence shown %v, %.0f px wide", w.width, f.EvidenceShown, f.EvidenceWidth)
		}
		if want := map[bool]string{false: "table-row", true: "block"}[w.cards]; f.RowDisplay != want {
			t.Errorf("%d px: rows display as %q, want %q", w.width, f.RowDisplay, want)
		}
		if f.LabelPx < 11 {
			t.Errorf("%d px: chart labels are %.1f px high", w.width, f.LabelPx)
		}
		if !f.ValuesInside {
			t.Errorf("%d px: a chart value runs past the chart's edge", w.width)
		}
		seen := map[string]bool{}
		for _, l := range f.Labels {
			if seen[l] {
				t.Errorf("%d px: two chart rows are both labelled %q", w.width, l)
			}
			seen[l] = true
		}
	}
}

// At 1280 px no leaderboard of the bundled corpus scrolls sideways.
func TestBrowserEveryBoardFitsALaptop(t *testing.T) {
	ctx := mustBrowser(t)
	srv := bundledSite(t)
	slugs, err := run[[]string](ctx, `[...document.querySelectorAll('.cards li')].filter(li => li.querySelector('[data-testid="claim-count"]').textContent !== '0').map(li => li.dataset.testid.replace('metric-', ''))`,
		chromedp.EmulateViewport(1280, 900),
		colorScheme("light"),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(css(`.cards`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(slugs) < 5 {
		t.Fatalf("only %d boards with claims", len(slugs))
	}
	for _, slug := range slugs {
		fits, err := run[bool](ctx, `(() => { const b = document.querySelector('.scroll'); return b.scrollWidth <= b.clientWidth + 1 && document.documentElement.scrollWidth <= window.innerWidth + 1; })()`,
			chromedp.Navigate(srv.URL+"/leaderboards/"+slug),
			chromedp.WaitVisible(css(`[data-testid="leaderboard"]`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !fits {
			screenshot(t, ctx, "overflow-"+slug)
			t.Errorf("/leaderboards/%s is wider than 1280 px", slug)
		}
	}
}

// The first Tab shows the skip link, and following it moves focus to main.
func TestBrowserSkipLink(t *testing.T) {
	ctx := mustBrowser(t)
	s := mustSite(t, testdb.SQLiteURL(t))
	srv := httptest.NewServer(s.e)
	defer srv.Close()
	shown, err := run[bool](ctx, `document.activeElement.classList.contains('skip') && document.activeElement.getBoundingClientRect().left >= 0`,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/leaderboards/fps"),
		chromedp.WaitVisible(css(`[data-testid="leaderboard"]`)),
		chromedp.KeyEvent("\t"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !shown {
		t.Fatal("the first Tab does not show the skip link")
	}
	inMain, err := run[bool](ctx, `document.activeElement.id === 'main'`, chromedp.KeyEvent("\r"))
	if err != nil {
		t.Fatal(err)
	}
	if !inMain {
		t.Fatal("the skip link does not move focus to the content")
	}
}

// A value with a long unit ("502 PFLOPS") ends inside the chart.
func TestBrowserChartKeepsLongUnits(t *testing.T) {
	ctx := mustBrowser(t)
	s := mustSite(t, testdb.SQLiteURL(t))
	flopsPapers(t, s)
	srv := httptest.NewServer(s.e)
	defer srv.Close()
	inside, err := run[bool](ctx, `[...document.querySelectorAll('[data-testid="chart"] text.num')].every(t => t.getBBox().x + t.getBBox().width <= t.ownerSVGElement.viewBox.baseVal.width + 0.5)`,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/leaderboards/aggregate_flops"),
		chromedp.WaitVisible(css(`[data-testid="chart"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !inside {
		t.Fatal("a chart value is clipped")
	}
}

// Screenshots of the pages a new user walks through, at both widths and in
// both colour schemes, for a person to look at (testdata/artifacts).
func TestBrowserScreenshots(t *testing.T) {
	ctx := mustBrowser(t)
	srv := bundledSite(t)
	pages := []struct{ name, path, ready string }{
		{"leaderboard", "/leaderboards/speedup", `[data-testid="leaderboard"]`},
		{"paper", "/papers/1", `[data-testid="abstract"]`},
		{"claim", "/claims/40", `[data-testid="claim-evidence"]`},
		{"correction", "/claims/40/corrections", `[data-testid="correction-form"]`},
		{"hardware-index", "/hardware", `[data-testid="hardware-index"]`},
		{"hardware", "/hardware/nvidia-a100", `[data-testid="hardware-name"]`},
		{"search", "/search?q=A100", `[data-testid="searched"]`},
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, w := range []int64{1280, 375} {
			for _, p := range pages {
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(w, 900),
					colorScheme(scheme),
					chromedp.Navigate(srv.URL+p.path),
					chromedp.WaitVisible(css(p.ready)),
				)
				if err != nil {
					t.Fatalf("%s: %v", p.name, err)
				}
				name := p.name + "-" + strconv.FormatInt(w, 10)
				if scheme == "dark" {
					name += "-dark"
				}
				screenshot(t, ctx, "walk-"+name)
			}
		}
	}
}

// flopsPapers adds aggregate-FLOPS claims with the longest values the chart
// must fit, a wide range written out in full among them.
func flopsPapers(t *testing.T, s site) {
	t.Helper()
	var papers []models.PaperInput
	for i, v := range []float64{502, 1.1, 88.5, 0.9} {
		abs := fmt.Sprintf("Our system sustains %g PFLOPS on the full machine.", v)
		ev := fmt.Sprintf("%g PFLOPS", v)
		c := models.ClaimInput{Metric: "aggregate_flops", Value: v, Unit: "PFLOPS", RawText: ev,
			Evidence: ev, EvidenceStart: at(abs, ev), EvidenceEnd: at(abs, ev) + len(ev)}
		if i == 2 {
			high := 1234.5
			c.ValueHigh = &high
		}
		papers = append(papers, models.PaperInput{Title: fmt.Sprintf("Exascale Study %d: Scaling", i), Abstract: abs, Claims: []models.ClaimInput{c}})
	}
	if _, err := s.store.SavePapers(context.Background(), papers); err != nil {
		t.Fatal(err)
	}
}
