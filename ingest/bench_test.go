package ingest_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/ingesttest"
	"github.com/claimboard/claimboard/internal/testdb"
)

// benchPapers is the target size, or INGEST_BENCH_PAPERS.
func benchPapers(b *testing.B) int {
	n := 100_000
	if v := os.Getenv("INGEST_BENCH_PAPERS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	return n
}

// BenchmarkIngestPostgres ingests generated abstracts (100,000 by default)
// as one JSON Lines file into a fresh PostgreSQL database, extraction
// included: parse, extract on every CPU, write in one transaction.
//
//	TEST_DATABASE_URL=... go test ./ingest/ -run '^$' -bench IngestPostgres -benchtime 1x
func BenchmarkIngestPostgres(b *testing.B) {
	benchIngest(b, func(b *testing.B) string { return testdb.PostgresURL(b) })
}

// BenchmarkIngestSQLite is the same into a fresh SQLite file.
func BenchmarkIngestSQLite(b *testing.B) {
	benchIngest(b, func(b *testing.B) string { return testdb.SQLiteURL(b) })
}

func benchIngest(b *testing.B, newDSN func(*testing.B) string) {
	n := benchPapers(b)
	data := ingesttest.JSONL(ingesttest.Papers(n, 1))
	b.SetBytes(int64(len(data)))
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := testdb.MustOpen(b, newDSN(b))
		b.StartTimer()
		res, err := ingest.Ingest(ctx, s, "bench.jsonl", data, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Added != n {
			b.Fatalf("added %d of %d", res.Added, n)
		}
		b.ReportMetric(float64(res.Claims)/float64(n), "claims/paper")
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "papers/s")
}
