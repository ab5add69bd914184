package handlers_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// throughputPaper adds two TFLOPS claims on an A100: one within the dense
// peak and one above it (quoted, as papers do, against the sparse figure).
func throughputPaper(t *testing.T, s *models.Store) {
	t.Helper()
	abs := "We reach 100 TFLOPS per GPU on an A100. With BF16 we reach 400 TFLOPS per A100 GPU."
	a100 := &models.Hardware{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"}
	e1, e2 := "100 TFLOPS per GPU on an A100", "With BF16 we reach 400 TFLOPS per A100 GPU"
	_, err := s.SavePapers(context.Background(), []models.PaperInput{{
		Title: "Throughput on A100", Abstract: abs,
		Claims: []models.ClaimInput{
			{Metric: "tflops_per_gpu", Value: 100, Unit: "TFLOPS", RawText: "100 TFLOPS", Hardware: a100,
				Evidence: e1, EvidenceStart: at(abs, e1), EvidenceEnd: at(abs, e1) + len(e1)},
			{Metric: "tflops_per_gpu", Value: 400, Unit: "TFLOPS", RawText: "400 TFLOPS", Hardware: a100,
				Evidence: e2, EvidenceStart: at(abs, e2), EvidenceEnd: at(abs, e2) + len(e2)},
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPercentOfPeakAndSpecs(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		throughputPaper(t, s.store)

		_, doc := s.get(t, "/leaderboards/tflops_per_gpu")
		rows := doc.Find(`[data-testid="claim-row"]`)
		if rows.Length() != 2 {
			t.Fatalf("rows = %d", rows.Length())
		}
		top, second := rows.Eq(0), rows.Eq(1)
		if p := strings.TrimSpace(top.Find(`[data-testid="peak"]`).Text()); !strings.HasPrefix(p, "128% of peak") {
			t.Fatalf("400 TFLOPS BF16 on A100 = %q, want 128%% of peak", p)
		}
		badge := top.Find(`[data-testid="above-peak"]`)
		if badge.Text() != "exceeds the device's dense peak" || !strings.Contains(badge.AttrOr("title", ""), "sparse") {
			t.Fatalf("above-peak badge = %q (%q)", badge.Text(), badge.AttrOr("title", ""))
		}
		// No precision stated: the highest dense peak (312), marked as assumed.
		if p := strings.TrimSpace(second.Find(`[data-testid="peak"]`).Text()); !strings.HasPrefix(p, "32% of peak") || second.Find("abbr").Length() != 1 {
			t.Fatalf("100 TFLOPS on A100 = %q", p)
		}
		if second.Find(`[data-testid="above-peak"]`).Length() != 0 {
			t.Fatal("a claim within the peak is flagged")
		}
		_, doc = s.get(t, "/leaderboards/fps")
		if doc.Find(`[data-testid="peak"]`).Length() != 0 {
			t.Fatal("frames per second compared with a FLOPS peak")
		}

		id := top.AttrOr("data-claim-id", "")
		_, doc = s.get(t, "/claims/"+id)
		detail := doc.Find(`[data-testid="peak-detail"]`)
		if !strings.Contains(detail.Text(), "FP16/BF16 dense 312 TFLOPS") || detail.Find(`[data-testid="above-peak"]`).Length() != 1 {
			t.Fatalf("claim page peak = %q", detail.Text())
		}
		if href := detail.Find("a").AttrOr("href", ""); !strings.HasPrefix(href, "https://www.nvidia.com/") {
			t.Fatalf("datasheet link = %q", href)
		}

		rec, _ := s.get(t, "/api/v1/leaderboards/tflops_per_gpu")
		var api struct {
			Claims []struct {
				Value         float64  `json:"value"`
				PercentOfPeak *float64 `json:"percent_of_peak"`
				PeakSource    *string  `json:"peak_source"`
				Flags         []string `json:"flags"`
			} `json:"claims"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &api); err != nil || len(api.Claims) != 2 {
			t.Fatalf("API = %s (%v)", rec.Body.String(), err)
		}
		hi, lo := api.Claims[0], api.Claims[1]
		if hi.PercentOfPeak == nil || *hi.PercentOfPeak != 128.2 || len(hi.Flags) != 1 || hi.Flags[0] != "above_peak" ||
			hi.PeakSource == nil || !strings.Contains(*hi.PeakSource, "312") {
			t.Fatalf("API claim above peak = %+v", hi)
		}
		if lo.PercentOfPeak == nil || *lo.PercentOfPeak != 32.1 || len(lo.Flags) != 0 || lo.Flags == nil ||
			!strings.Contains(*lo.PeakSource, "no precision stated") {
			t.Fatalf("API claim within peak = %+v", lo)
		}

		_, doc = s.get(t, "/hardware/nvidia-a100")
		specs := doc.Find(`[data-testid="spec-row"]`)
		if specs.Length() != 3 {
			t.Fatalf("A100 spec rows = %d, want the 3 variants", specs.Length())
		}
		specs.Each(func(i int, r *goquery.Selection) {
			if href := r.Find(`[data-testid="spec-source"]`).AttrOr("href", ""); !strings.HasPrefix(href, "https://") {
				t.Errorf("spec row %d source = %q", i, href)
			}
		})
		if !strings.Contains(specs.Eq(0).Text(), "312") {
			t.Fatalf("A100 FP16 dense figure missing: %q", specs.Eq(0).Text())
		}
		if doc.Find(`[data-testid="above-peak"]`).Length() != 1 {
			t.Fatal("hardware page does not flag the claim above peak")
		}
		// Every device with a spec row shows its table.
		_, doc = s.get(t, "/hardware/nvidia-rtx-3090")
		if doc.Find(`[data-testid="specs"]`).Length() != 1 {
			t.Fatal("RTX 3090 has a spec row and must show it")
		}
	})
}

func TestBrowserAbovePeakBadge(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	throughputPaper(t, s.store)
	srv := httptest.NewServer(s.e)
	defer srv.Close()
	ctx := mustBrowser(t)
	visible, err := run[bool](ctx, `(() => { const b = document.querySelector('[data-testid="above-peak"]'); if (!b) return false; const r = b.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden'; })()`,
		chromedp.Navigate(srv.URL+"/leaderboards/tflops_per_gpu"),
		chromedp.WaitVisible(css(`[data-testid="leaderboard"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !visible {
		t.Fatal("the above-peak badge is not visible")
	}
	n, err := run[int](ctx, `document.querySelectorAll('[data-testid="above-peak"]').length`)
	if err != nil || n != 1 {
		t.Fatalf("badges = %d (%v), want exactly the one claim above peak", n, err)
	}
}
