package handlers_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// bandwidthPaper adds bandwidth claims on an A100: 1,500 GB/s (within its
// 2,039 GB/s), 2,600 GB/s (above it) and 3,000 GB/s over 4 devices (750
// per device).
func bandwidthPaper(t *testing.T, s *models.Store) {
	t.Helper()
	abs := "Our kernel moves 1500 GB/s on an A100. A cached variant reads 2600 GB/s on an A100. Over four A100 GPUs we move 3000 GB/s."
	a100 := &models.Hardware{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"}
	four := 4
	var claims []models.ClaimInput
	for _, c := range []struct {
		v     float64
		ev    string
		count int
	}{{1500, "1500 GB/s on an A100", 0}, {2600, "2600 GB/s on an A100", 0}, {3000, "Over four A100 GPUs we move 3000 GB/s", four}} {
		claims = append(claims, models.ClaimInput{Metric: "bandwidth", Value: c.v, Unit: "GB/s", Hardware: a100, HardwareCount: c.count,
			Evidence: c.ev, EvidenceStart: at(abs, c.ev), EvidenceEnd: at(abs, c.ev) + len(c.ev)})
	}
	if _, err := s.SavePapers(context.Background(), []models.PaperInput{{Title: "Bandwidth on A100", Abstract: abs, Claims: claims}}); err != nil {
		t.Fatal(err)
	}
}

// flag=above_peak keeps only the claims that exceed their device's peak,
// alike on the page, the CSV and the API; the CSV and JSON Lines carry
// percent_of_peak, peak_source and flags; bandwidth is set against memory
// bandwidth; an unknown flag is a 400 naming the field.
func TestAbovePeakFilterAndExportColumns(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		throughputPaper(t, s.store)
		bandwidthPaper(t, s.store)

		_, doc := s.get(t, "/leaderboards/tflops_per_gpu?flag=above_peak")
		if got := strings.Join(values(doc), "|"); got != "400 TFLOPS" {
			t.Fatalf("above-peak TFLOPS = %q", got)
		}
		if doc.Find(`[data-testid="total"]`).Text() != "1" || doc.Find(`[data-testid="flag-above-peak"][checked]`).Length() != 1 {
			t.Fatalf("total %q, box checked %d", doc.Find(`[data-testid="total"]`).Text(), doc.Find(`[data-testid="flag-above-peak"][checked]`).Length())
		}
		if csvLink := doc.Find(`[data-testid="csv-link"]`).AttrOr("href", ""); csvLink != "/leaderboards/tflops_per_gpu.csv?flag=above_peak" {
			t.Fatalf("CSV link = %q", csvLink)
		}
		if !strings.Contains(doc.Find(`[data-testid="chips"]`).Text(), "above the device's peak") {
			t.Fatal("no chip for the flag")
		}

		_, doc = s.get(t, "/leaderboards/bandwidth")
		peaks := map[string]string{}
		doc.Find(`[data-testid="claim-row"]`).Each(func(_ int, r *goquery.Selection) {
			peaks[r.Find(`[data-testid="value"]`).Text()] = strings.Join(strings.Fields(r.Find(`[data-testid="peak"]`).Text()), " ") + "|" + r.Find(`[data-testid="above-peak"]`).Text()
		})
		want := map[string]string{
			"1,500 GB/s": "74% of memory bandwidth|",
			"2,600 GB/s": "128% of memory bandwidth|exceeds the device's memory bandwidth",
			"3,000 GB/s": "37% of memory bandwidth|",
		}
		for v, w := range want {
			if peaks[v] != w {
				t.Errorf("bandwidth %s: %q, want %q", v, peaks[v], w)
			}
		}
		_, doc = s.get(t, "/leaderboards/bandwidth?flag=above_peak")
		if got := strings.Join(values(doc), "|"); got != "2,600 GB/s" {
			t.Fatalf("above-peak bandwidth = %q", got)
		}
		_, doc = s.get(t, "/leaderboards/fps?flag=above_peak")
		if len(values(doc)) != 0 {
			t.Fatal("fps claims are never above a peak")
		}

		rec, _ := s.get(t, "/leaderboards/tflops_per_gpu.csv")
		recs, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		if len(recs) != 3 || recs[1][col["percent_of_peak"]] != "128.2" || recs[1][col["flags"]] != "above_peak" ||
			!strings.Contains(recs[1][col["peak_source"]], "FP16/BF16 dense 312 TFLOPS") ||
			recs[2][col["percent_of_peak"]] != "32.1" || recs[2][col["flags"]] != "" {
			t.Fatalf("CSV peak columns: %q", recs)
		}
		rec, _ = s.get(t, "/leaderboards/tflops_per_gpu.csv?flag=above_peak")
		if recs, _ := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll(); len(recs) != 2 || recs[1][col["value"]] != "400" {
			t.Fatalf("CSV above peak: %q", recs)
		}
		rec, _ = s.get(t, "/api/v1/leaderboards/bandwidth?flag=above_peak")
		var api struct {
			Claims []struct {
				Value         float64
				PercentOfPeak *float64 `json:"percent_of_peak"`
				Flags         []string
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &api); err != nil {
			t.Fatal(err)
		}
		if len(api.Claims) != 1 || api.Claims[0].Value != 2600 || len(api.Claims[0].Flags) != 1 {
			t.Fatalf("API above peak = %+v", api.Claims)
		}
		for _, target := range []string{"/leaderboards/fps?flag=nope", "/leaderboards/fps.csv?flag=nope", "/api/v1/leaderboards/fps?flag=nope"} {
			rec, _ := s.get(t, target)
			if rec.Code != 400 || !strings.Contains(rec.Body.String(), "flag") {
				t.Errorf("%s = %d %q", target, rec.Code, rec.Body.String())
			}
		}
	})
}
