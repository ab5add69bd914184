package models_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// An extractor upgrade that files figures under a metric added later
// (bandwidth was "other" before migration 00012) moves the untouched claims
// to it and leaves the claims a human touched exactly where they are.
func TestReplaceClaimsMovesUntouchedClaimsToANewMetric(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		gbps := func(metric string, v float64, ev string, at int) models.ClaimInput {
			c := claimIn(metric, v, ev, at)
			c.Unit = "GB/s"
			return c
		}
		p := models.PaperInput{Title: "Parsing at Line Rate", Abstract: "We parse at 14 GB/s. We copy at 20 GB/s.",
			Claims: []models.ClaimInput{gbps("other", 14, "14 GB/s", 12), gbps("other", 20, "20 GB/s", 32)}}
		MustSave(t, s, p)
		var paperID int64
		var ids []int64
		db := s.GormDB()
		if err := db.Raw("SELECT id FROM papers WHERE title = ?", p.Title).Scan(&paperID).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Raw("SELECT id FROM claims WHERE paper_id = ? ORDER BY evidence_start", paperID).Scan(&ids).Error; err != nil || len(ids) != 2 {
			t.Fatalf("claims %v, %v", ids, err)
		}
		// A moderator verified the second claim as it stood.
		if err := db.Exec("UPDATE claims SET status = 'verified', version = 2 WHERE id = ?", ids[1]).Error; err != nil {
			t.Fatal(err)
		}
		fresh := map[int64][]models.ClaimInput{paperID: {gbps("bandwidth", 14, "14 GB/s", 12), gbps("bandwidth", 20, "20 GB/s", 32)}}
		cs, err := s.ReplaceClaims(ctx, fresh)
		if err != nil {
			t.Fatal(err)
		}
		if cs.Added != 1 || cs.Removed != 1 || cs.Human != 1 {
			t.Fatalf("stats = %+v, want the untouched claim moved and the verified one kept", cs)
		}
		var rows []struct {
			ID     int64
			Slug   string
			Value  float64
			Status string
		}
		if err := db.Raw(`SELECT c.id, m.slug, c.value, c.status FROM claims c JOIN metrics m ON m.id = c.metric_id
			WHERE c.paper_id = ? ORDER BY c.value`, paperID).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || rows[0].Slug != "bandwidth" || rows[0].Value != 14 ||
			rows[1].ID != ids[1] || rows[1].Slug != "other" || rows[1].Status != "verified" {
			t.Fatalf("claims after reextract = %+v", rows)
		}
		lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "bandwidth"})
		if err != nil || lb.Total != 1 {
			t.Fatalf("bandwidth leaderboard = %+v, %v", lb, err)
		}
	})
}
