package models_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// benchInputs makes n papers of ~1.5 KB with three claims each, two on a
// device, as the extractor would hand them over.
func benchInputs(n int) []models.PaperInput {
	filler := strings.Repeat("Extensive experiments on public benchmarks demonstrate consistent gains. ", 20)
	devices := []models.Hardware{
		{Name: "NVIDIA RTX 3090", Slug: "nvidia-rtx-3090", Vendor: "NVIDIA"},
		{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"},
	}
	out := make([]models.PaperInput, n)
	for i := range out {
		abstract := fmt.Sprintf("We render at up to %d FPS on an RTX 3090 GPU, a %d.5x speedup, using 40%% less memory. %s", 100+i%500, 1+i%9, filler)
		claim := func(metric string, v float64, ev string, hw *models.Hardware) models.ClaimInput {
			s := strings.Index(abstract, ev)
			return models.ClaimInput{Metric: metric, Value: v, Unit: "x", RawText: ev, Hardware: hw, HardwareCount: 1,
				Evidence: ev, EvidenceStart: s, EvidenceEnd: s + len(ev), Confidence: 0.9, ExtractorVersion: "bench"}
		}
		out[i] = models.PaperInput{
			Title: fmt.Sprintf("Benchmark Paper %d", i), Abstract: abstract, ArxivID: fmt.Sprintf("2401.%05d", i%100_000),
			Claims: []models.ClaimInput{
				claim("fps", float64(100+i%500), fmt.Sprintf("%d FPS", 100+i%500), &devices[0]),
				claim("speedup", float64(1+i%9)+0.5, fmt.Sprintf("%d.5x", 1+i%9), &devices[i%2]),
				claim("improvement_pct", 40, "40% less memory", nil),
			},
		}
	}
	return out
}

// BenchmarkSavePostgres measures the write path alone: 100,000 papers (or
// INGEST_BENCH_PAPERS) with three claims each, in 1,000-paper Saves in one
// transaction, into a fresh PostgreSQL database.
//
//	TEST_DATABASE_URL=... go test ./models/ -run '^$' -bench SavePostgres -benchtime 1x
func BenchmarkSavePostgres(b *testing.B) {
	n := 100_000
	if v := os.Getenv("INGEST_BENCH_PAPERS"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := testdb.MustOpen(b, testdb.PostgresURL(b))
		papers := benchInputs(n)
		b.StartTimer()
		st, err := s.Ingest(ctx, models.Source{Name: "bench", File: "bench"}, func(batch *models.Batch) error {
			for lo := 0; lo < len(papers); lo += 1000 {
				if err := batch.Save(papers[lo:min(lo+1000, len(papers))]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if st.Added != n || st.Claims != 3*n {
			b.Fatalf("stats = %+v", st)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "papers/s")
}
