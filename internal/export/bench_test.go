package export_test

import (
	"io"
	"testing"

	"github.com/claimboard/claimboard/internal/export"
	"github.com/claimboard/claimboard/models"
)

// BenchmarkCSVRow measures encoding one export row (neutralising text cells,
// plain numbers), the per-row cost of every CSV download.
func BenchmarkCSVRow(b *testing.B) {
	high := 8.02
	count := 64
	row := &models.ExportRow{ID: 12345, PaperID: 678, PaperTitle: "=HYPERLINK(\"x\") Sequence Parallelism: Long Sequence Training",
		ArxivID: "2105.13120", ClaimFields: models.ClaimFields{MetricSlug: "capacity_factor", Value: 13.7, ValueHigh: &high, Unit: "x", Qualifier: "up_to",
			HardwareName: "NVIDIA P100", HardwareCount: &count, Baseline: "tensor parallelism", Subject: "maximum batch size",
			Evidence: "our approach achieved 13.7times and 3.0times maximum batch size and sequence length respectively",
			Status:   "extracted", Confidence: 0.93}}
	enc := export.NewClaimCSV(io.Discard, "https://claimboard.example")
	b.ReportAllocs()
	for b.Loop() {
		if err := enc.Write(row); err != nil {
			b.Fatal(err)
		}
	}
	if err := enc.Flush(); err != nil {
		b.Fatal(err)
	}
}
