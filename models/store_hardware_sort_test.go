package models_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// The hardware sort walks the claims' trigger-kept copy of the device's name
// (migration 00030): it must follow a new claim, a device renamed, and a
// claim moved to another device, on both databases; no device sorts first.
func TestHardwareSortFollowsTheDeviceName(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		a := samplePaper("Alpha Rendering", 100, "fps")
		a.Claims[0].Hardware = &models.Hardware{Name: "Alpha GPU", Slug: "alpha-gpu", Vendor: "X"}
		b := samplePaper("Beta Rendering", 200, "fps")
		b.Claims[0].Hardware = &models.Hardware{Name: "Beta GPU", Slug: "beta-gpu", Vendor: "X"}
		none := samplePaper("Plain Rendering", 300, "fps")
		none.Claims[0].Hardware, none.Claims[0].HardwareCount = nil, 0
		MustSave(t, s, a, b, none)
		order := func() []string {
			t.Helper()
			lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps", Sort: "hardware", Order: "asc"})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range lb.Rows {
				out = append(out, r.PaperTitle)
			}
			return out
		}
		want := func(w ...string) {
			t.Helper()
			got := order()
			if len(got) != len(w) {
				t.Fatalf("order = %q, want %q", got, w)
			}
			for i := range w {
				if got[i] != w[i] {
					t.Fatalf("order = %q, want %q", got, w)
				}
			}
		}
		want("Plain Rendering", "Alpha Rendering", "Beta Rendering")
		db := s.GormDB()
		if err := db.Exec("UPDATE hardware SET name = 'Zeta GPU' WHERE slug = 'alpha-gpu'").Error; err != nil {
			t.Fatal(err)
		}
		want("Plain Rendering", "Beta Rendering", "Alpha Rendering")
		// The plain paper's claim moves to the beta device: it sorts with it
		// (ties by id, the older claim first).
		if err := db.Exec(`UPDATE claims SET hardware_id = (SELECT id FROM hardware WHERE slug = 'beta-gpu')
			WHERE paper_id = (SELECT id FROM papers WHERE title = 'Plain Rendering')`).Error; err != nil {
			t.Fatal(err)
		}
		want("Beta Rendering", "Plain Rendering", "Alpha Rendering")
	})
}
