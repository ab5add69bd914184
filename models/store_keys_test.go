package models_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// TestKeysStoredOnIngestAndReextract: ingest stores each claim's own keys,
// the filter selects by them, reextract fills keys an older extractor left
// out, and a key a human set on a claim survives reextract.
func TestKeysStoredOnIngestAndReextract(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		data := []byte(`{"title":"Fast Neural Rendering","abstract":"Our renderer reaches 30 FPS at 4K and 120 FPS at 8K on one GPU. We evaluate on the Mip-NeRF 360 dataset."}` + "\n")
		if _, err := ingest.File(ctx, s, "k.jsonl", data); err != nil {
			t.Fatal(err)
		}
		values := func(k models.KeyFilter) map[float64]models.KeyFilter {
			t.Helper()
			lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps", Keys: k, PerPage: 50, Page: 1})
			if err != nil {
				t.Fatal(err)
			}
			out := map[float64]models.KeyFilter{}
			for _, r := range lb.Rows {
				out[r.Value] = r.KeyValues()
			}
			return out
		}
		got := values(models.KeyFilter{})
		if got[30].Resolution != "4K" || got[120].Resolution != "8K" || got[30].Dataset != "Mip-NeRF 360" {
			t.Fatalf("stored keys: %+v", got)
		}
		if v := values(models.KeyFilter{Resolution: "8K"}); len(v) != 1 || v[120].Resolution != "8K" {
			t.Fatalf("resolution=8K: %+v", v)
		}
		db := s.GormDB()
		// As an older extractor left them: no keys at all.
		if err := db.Exec("UPDATE claims SET resolution = NULL, dataset = NULL").Error; err != nil {
			t.Fatal(err)
		}
		// A moderator set claim 120's resolution (a revision marks it as human-touched).
		var id int64
		if err := db.Raw("SELECT id FROM claims WHERE value = 120").Scan(&id).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("UPDATE claims SET resolution = '1440p' WHERE id = ?", id).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("INSERT INTO claim_revisions (claim_id, note) VALUES (?, 'resolution from the paper body')", id).Error; err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.Reextract(ctx, s, ingest.ReextractOptions{}); err != nil {
			t.Fatal(err)
		}
		got = values(models.KeyFilter{})
		if got[30].Resolution != "4K" || got[30].Dataset != "Mip-NeRF 360" {
			t.Errorf("reextract did not refill the keys: %+v", got[30])
		}
		if got[120].Resolution != "1440p" || got[120].Dataset != "" {
			t.Errorf("reextract changed a human-touched claim's keys: %+v", got[120])
		}
	})
}
