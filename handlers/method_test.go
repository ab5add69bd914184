package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// methodPapers saves two papers whose titles share their first 40
// characters, each naming its method, and one naming none.
func methodPapers(t *testing.T, s *models.Store) {
	t.Helper()
	var papers []models.PaperInput
	long := "Efficient Real-Time Rendering of Large Dynamic Scenes with"
	for i, m := range []string{"SplatAlpha", "SplatBeta", ""} {
		v := 400 + float64(i)*100
		abs := fmt.Sprintf("Our renderer reaches %g FPS on a GPU.", v)
		ev := fmt.Sprintf("%g FPS", v)
		papers = append(papers, models.PaperInput{
			Title: fmt.Sprintf("%s Variant %d", long, i), Abstract: abs, Method: m,
			Claims: []models.ClaimInput{{Metric: "fps", Value: v, Unit: "FPS",
				Hardware: &models.Hardware{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"},
				Evidence: ev, EvidenceStart: at(abs, ev), EvidenceEnd: at(abs, ev) + len(ev)}},
		})
	}
	if _, err := s.SavePapers(context.Background(), papers); err != nil {
		t.Fatal(err)
	}
}

// Rows are named by their method with the paper's whole title as the link,
// and the chart labels them "Method (hardware)", so two papers whose
// titles start alike are never told apart by a cut title.
func TestRowsAreNamedByMethod(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		methodPapers(t, s.store)
		_, doc := s.get(t, "/leaderboards/fps?task=")
		rows := map[string]string{}
		doc.Find(`[data-testid="claim-row"]`).Each(func(_ int, r *goquery.Selection) {
			rows[r.Find(`[data-testid="value"]`).Text()] = r.Find(`[data-testid="method"]`).Text() + "|" + r.Find(`[data-testid="paper-link"]`).Text()
		})
		long := "Efficient Real-Time Rendering of Large Dynamic Scenes with"
		want := map[string]string{
			"400 FPS": "SplatAlpha|" + long + " Variant 0",
			"500 FPS": "SplatBeta|" + long + " Variant 1",
			"600 FPS": "|" + long + " Variant 2",
		}
		for v, w := range want {
			if rows[v] != w {
				t.Errorf("row %s = %q, want %q", v, rows[v], w)
			}
		}
		var labels []string
		doc.Find(`[data-testid="chart"] text.label`).Each(func(_ int, l *goquery.Selection) {
			labels = append(labels, l.Text())
		})
		got := strings.Join(labels, "|")
		for _, w := range []string{"SplatAlpha (NVIDIA A100)", "SplatBeta (NVIDIA A100)"} {
			if !strings.Contains(got, w) {
				t.Errorf("chart labels %q lack %q", got, w)
			}
		}
		seen := map[string]bool{}
		for _, l := range labels {
			if seen[l] {
				t.Errorf("two chart rows labelled %q", l)
			}
			seen[l] = true
		}

		// The paper page says the method, or that it names none.
		p, err := s.store.FindPaper(context.Background(), "", long+" Variant 1")
		if err != nil {
			t.Fatal(err)
		}
		_, doc = s.get(t, fmt.Sprintf("/papers/%d", p.ID))
		if got := doc.Find(`[data-testid="paper-method"] strong`).Text(); got != "SplatBeta" {
			t.Fatalf("paper page method = %q", got)
		}
	})
}
