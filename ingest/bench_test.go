package ingest_test

import (
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"

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
	b.ReportAllocs()
	ctx := context.Background()
	peak := 0.0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := testdb.MustOpen(b, newDSN(b))
		b.StartTimer()
		stop := sampleHeap()
		res, err := ingest.Ingest(ctx, s, "bench.jsonl", data, ingest.Options{})
		peak = max(peak, stop())
		if err != nil {
			b.Fatal(err)
		}
		if res.Added != n {
			b.Fatalf("added %d of %d", res.Added, n)
		}
		b.ReportMetric(float64(res.Claims)/float64(n), "claims/paper")
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "papers/s")
	// The live heap the ingest added to the input it was given: flat in the
	// file's size since the file is streamed (it grew with the file before).
	b.ReportMetric(peak/(1<<20), "peak-heap-MB")
}

// sampleHeap samples the live heap every 20 ms until the returned func is
// called, which returns its peak above the heap at the start, in bytes.
func sampleHeap() func() float64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() float64 { metrics.Read(sample); return float64(sample[0].Value.Uint64()) }
	base := read()
	done := make(chan float64)
	stop := make(chan struct{})
	go func() {
		peak := base
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				peak = max(peak, read())
			case <-stop:
				done <- max(peak, read()) - base
				return
			}
		}
	}()
	return func() float64 { close(stop); return <-done }
}
