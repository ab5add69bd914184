package models_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/claimboard/claimboard/internal/synth"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// BenchmarkTextConditionBuild measures turning free text into the word
// index's condition (no database round trip), for each database.
func BenchmarkTextConditionBuild(b *testing.B) {
	s := testdb.MustOpen(b, testdb.SQLiteURL(b))
	s.SetTextAliases(func(string) []string { return []string{"nvidia-rtx-3090"} })
	b.ReportAllocs()
	for b.Loop() {
		if cond, args := s.TextCondition("Fast NeRF rendering on an RTX-3090, 1.5x faster"); cond == "" || len(args) != 1 {
			b.Fatal("no condition built")
		}
	}
}

// benchStores opens each database (PostgreSQL only with TEST_DATABASE_URL)
// with 6,000 synthetic papers and 12,000 claims.
func benchStores(b *testing.B) map[string]*models.Store {
	b.Helper()
	out := map[string]*models.Store{}
	urls := map[string]func(testing.TB) string{models.DialectSQLite: testdb.SQLiteURL}
	if testdbHasPostgres() {
		urls[models.DialectPostgres] = testdb.PostgresURL
	}
	hw := []models.Hardware{{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"}, {Name: "NVIDIA H100", Slug: "nvidia-h100", Vendor: "NVIDIA"}}
	for name, u := range urls {
		s := testdb.MustOpen(b, u(b))
		gen := synth.New(synth.Options{Papers: 6000, ClaimsPerPaper: 2, Seed: 9, Tasks: []string{"llm-inference", "nerf"}}, hw)
		if _, err := s.BulkLoad(context.Background(), gen.Next, nil); err != nil {
			b.Fatal(err)
		}
		if err := s.GormDB().Exec("ANALYZE").Error; err != nil {
			b.Fatal(err)
		}
		out[name] = s
	}
	return out
}

// BenchmarkFullTextSearch runs /search's queries and a leaderboard with q,
// for a rare word (one paper) and a common one (one paper in five), on
// each database.
func BenchmarkFullTextSearch(b *testing.B) {
	ctx := context.Background()
	for dialect, s := range benchStores(b) {
		for _, q := range []string{"4321", "gpu clusters"} {
			b.Run(fmt.Sprintf("%s/search/%s", dialect, q), func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Search(ctx, models.SearchQuery{Text: q}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s/leaderboard/%s", dialect, q), func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "speedup", Query: q}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(dialect+"/leaderboard/hardware+min+date", func(b *testing.B) {
			lo := 3.0
			for b.Loop() {
				f := models.LeaderboardFilter{Metric: "speedup", Hardware: []string{"nvidia-a100"}, Min: &lo, Sort: "date"}
				if _, err := s.Leaderboard(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func testdbHasPostgres() bool { return os.Getenv("TEST_DATABASE_URL") != "" }
