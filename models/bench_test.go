package models_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
	"gorm.io/gorm"
)

// BenchmarkLeaderboardQueryBuild measures turning a filter into SQL (no
// database round trip): allowlist lookups, conditions, joins, ordering.
func BenchmarkLeaderboardQueryBuild(b *testing.B) {
	s := testdb.MustOpen(b, testdb.SQLiteURL(b))
	ctx := context.Background()
	m, err := s.GetMetric(ctx, "speedup")
	if err != nil {
		b.Fatal(err)
	}
	lo, hi := 2.0, 500.0
	yes := true
	f := models.LeaderboardFilter{Metric: "speedup", Sort: "date", Order: "asc", Hardware: []string{"nvidia-a100", "nvidia-h100"},
		Qualifier: []string{"up_to"}, Query: "pipeline", Min: &lo, Max: &hi, Year: 2024, HasCode: &yes, Page: 3, PerPage: 50}
	if err := f.Normalize(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		stmt := s.LeaderboardQuery(ctx, m, f).Session(&gorm.Session{DryRun: true}).Limit(50).Find(&[]models.ClaimRow{}).Statement
		if stmt.SQL.Len() == 0 {
			b.Fatal("no SQL built")
		}
	}
}

// BenchmarkDataVersion measures the per-request freshness check with 32
// concurrent callers on PostgreSQL: "shared" is what requests do
// (Store.DataVersion, reads shared between callers), "direct" a read per
// call, the reference it replaced. Needs TEST_DATABASE_URL.
func BenchmarkDataVersion(b *testing.B) {
	s := testdb.MustOpen(b, testdb.PostgresURL(b))
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		read func(context.Context) (models.DataVersion, error)
	}{{"shared", s.DataVersion}, {"direct", s.ReadDataVersionDirect}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetParallelism(16) // x GOMAXPROCS (2 here): 32 callers
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := bc.read(ctx); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// BenchmarkLeaderboardPage reads a page of 50 claims on SQLite, with no
// added field of the claim field table stated ("plain": no JSON is built)
// and with precision stated on every claim (the added fields' object is
// built and read). Compare B/op and allocs/op; times on a shared machine
// only as a ratio within one run.
func BenchmarkLeaderboardPage(b *testing.B) {
	s := testdb.MustOpen(b, testdb.SQLiteURL(b))
	var ps []models.PaperInput
	for i := range 500 {
		ps = append(ps, samplePaper(fmt.Sprintf("Paper %d", i), float64(i+1), "fps"))
	}
	MustSave(b, s, ps...)
	ctx := context.Background()
	for _, name := range []string{"plain", "precision"} {
		if name == "precision" {
			if err := s.GormDB().Exec("UPDATE claims SET precision = 'bf16'").Error; err != nil {
				b.Fatal(err)
			}
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps", PerPage: 50})
				if err != nil || len(lb.Rows) != 50 {
					b.Fatalf("%d rows, %v", len(lb.Rows), err)
				}
			}
		})
	}
}
