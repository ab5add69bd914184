package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// A device page shows each metric's best few claims and links the metric's
// leaderboard filtered to the device for the rest, so a busy device's page
// stays small enough to cache (at 1M claims one device listed 5,000 rows,
// 2.5 MB, rendered on every visit).
func TestDevicePageShowsTheBestFewPerMetric(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		var papers []models.PaperInput
		for i := range 14 {
			v := float64(100 + i)
			abs := fmt.Sprintf("Our renderer reaches %g FPS on an H100 GPU.", v)
			ev := fmt.Sprintf("%g FPS", v)
			papers = append(papers, models.PaperInput{Title: fmt.Sprintf("Busy renderer %d", i), Abstract: abs,
				Claims: []models.ClaimInput{{Metric: "fps", Value: v, Unit: "FPS",
					Hardware: &models.Hardware{Name: "NVIDIA H100", Slug: "nvidia-h100", Vendor: "NVIDIA"},
					Evidence: ev, EvidenceStart: at(abs, ev), EvidenceEnd: at(abs, ev) + len(ev)}}})
		}
		if _, err := s.store.SavePapers(context.Background(), papers); err != nil {
			t.Fatal(err)
		}
		rec, doc := s.get(t, "/hardware/nvidia-h100")
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		group := doc.Find(`[data-testid="group-fps"]`)
		if n := group.Find(`[data-testid="claim-row"]`).Length(); n != 10 {
			t.Fatalf("fps rows on the device page = %d, want the best 10", n)
		}
		if first := strings.TrimSpace(group.Find(`[data-testid="claim-row"] td.value`).First().Text()); !strings.Contains(first, "113") {
			t.Errorf("first row %q, want the best (113 FPS)", first)
		}
		more := group.Find(`[data-testid="more-claims"]`)
		if !strings.Contains(more.Text(), "best 10 of 14 claims") {
			t.Errorf("more line = %q", more.Text())
		}
		href, _ := more.Find("a").Attr("href")
		if href != "/leaderboards/fps?hardware=nvidia-h100" {
			t.Fatalf("more link = %q", href)
		}
		rec, doc = s.get(t, href)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", href, rec.Code)
		}
		if n := doc.Find(`[data-testid="claim-row"]`).Length(); n < 14 {
			t.Errorf("%s lists %d rows, want all 14", href, n)
		}
	})
}
