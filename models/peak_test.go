package models_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"strconv"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/migrations"
	"github.com/claimboard/claimboard/models"
)

func f(v float64) *float64 { return &v }

var (
	v100 = []models.HardwareSpec{
		{Device: "V100 SXM2 32GB", FP32TFLOPS: f(15.7), FP16BF16TFLOPSDense: f(125), SourceURL: "https://example.org/v100"},
		{Device: "V100 PCIe 32GB", FP32TFLOPS: f(14), FP16BF16TFLOPSDense: f(112)},
	}
	a100 = []models.HardwareSpec{{Device: "A100 80GB SXM4", FP32TFLOPS: f(19.5), TF32TFLOPSDense: f(156),
		FP16BF16TFLOPSDense: f(312), INT8TOPSDense: f(624), SparseQuoted: true}}
)

func TestComparePeak(t *testing.T) {
	one, many, zero := 1, 512, 0
	for _, c := range []struct {
		name, metric, text string
		value              float64
		count              *int
		specs              []models.HardwareSpec
		wantPct            float64 // <0: no comparison
		precision          string
		assumed, above     bool
	}{
		{"no precision: highest dense peak", "tflops_per_gpu", "40 TFlops/GPU on a V100", 40, &one, v100, 32, "FP16/BF16", true, false},
		{"stated precision", "tflops_per_gpu", "reaching 10 TFLOPS in FP32", 10, nil, v100, 10 / 15.7 * 100, "FP32", false, false},
		{"FP32 held to TF32 tensor cores", "tflops_per_gpu", "78 TFLOPS single precision", 78, nil, a100, 50, "FP32", false, false},
		{"precision the device lacks", "tflops_per_gpu", "100 TFLOPS in TF32", 100, nil, v100, 80, "FP16/BF16", true, false},
		{"aggregate per device", "aggregate_flops", "sustains 25 petaflops on 512 V100 GPUs", 25, &many, v100, 25000.0 / 512 / 125 * 100, "FP16/BF16", true, false},
		{"above the dense peak, sparse headline", "tflops_per_gpu", "400 TFLOPS with BF16", 400, nil, a100, 400.0 / 312 * 100, "FP16/BF16", false, true},
		{"two precisions named: highest", "tflops_per_gpu", "FP16 and FP32 runs, 150 TFLOPS", 150, nil, a100, 150.0 / 312 * 100, "FP16/BF16", true, false},
		{"aggregate without a count", "aggregate_flops", "1 PFLOPS", 1, nil, v100, -1, "", false, false},
		{"aggregate with a zero count", "aggregate_flops", "1 PFLOPS", 1, &zero, v100, -1, "", false, false},
		{"FP64 has no column", "tflops_per_gpu", "9 TFLOPS in double precision", 9, nil, a100, -1, "", false, false},
		{"not a throughput metric", "fps", "300 FPS", 300, nil, a100, -1, "", false, false},
		{"no spec", "tflops_per_gpu", "40 TFLOPS", 40, nil, nil, -1, "", false, false},
	} {
		got := models.ComparePeak(c.metric, c.value, c.count, c.text, c.specs)
		if c.wantPct < 0 {
			if got != nil {
				t.Errorf("%s: got %+v, want no comparison", c.name, got)
			}
			continue
		}
		if got == nil {
			t.Errorf("%s: no comparison", c.name)
			continue
		}
		if math.Abs(got.Percent-c.wantPct) > 0.01 || got.Precision != c.precision || got.Assumed != c.assumed || got.Above != c.above {
			t.Errorf("%s: got %.2f%% of %s (assumed %v, above %v), want %.2f%% of %s (assumed %v, above %v)",
				c.name, got.Percent, got.Precision, got.Assumed, got.Above, c.wantPct, c.precision, c.assumed, c.above)
		}
		if c.above && got.Reason == "" {
			t.Errorf("%s: above the peak without a likely reason", c.name)
		}
	}
	// Of several variants the highest figure is the reference.
	if got := models.ComparePeak("tflops_per_gpu", 120, nil, "fp16", v100); got.Device != "V100 SXM2 32GB" || got.Above {
		t.Fatalf("variant chosen = %+v", got)
	}
}

// The seeded table is the CSV checked into migrations/, row for row.
func TestHardwareSpecsSeedIsTheCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(migrations.HardwareSpecsCSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head, rows := recs[0], recs[1:]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	num := func(s string) *float64 {
		if s == "" {
			return nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("CSV number %q: %v", s, err)
		}
		return &v
	}
	same := func(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		specs, err := s.HardwareSpecs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(specs) != len(rows) {
			t.Fatalf("%d rows seeded, CSV has %d", len(specs), len(rows))
		}
		for i, r := range rows {
			sp := specs[i]
			ok := sp.HardwareSlug == r[col["hardware_slug"]] && sp.Device == r[col["device"]] && sp.Vendor == r[col["vendor"]] &&
				same(sp.FP32TFLOPS, num(r[col["fp32_tflops"]])) && same(sp.TF32TFLOPSDense, num(r[col["tf32_tflops_dense"]])) &&
				same(sp.FP16BF16TFLOPSDense, num(r[col["fp16_bf16_tflops_dense"]])) && same(sp.FP8TFLOPSDense, num(r[col["fp8_tflops_dense"]])) &&
				same(sp.INT8TOPSDense, num(r[col["int8_tops_dense"]])) && same(sp.MemoryGB, num(r[col["memory_gb"]])) &&
				same(sp.BandwidthGBs, num(r[col["bandwidth_gbs"]])) && strconv.FormatBool(sp.SparseQuoted) == r[col["sparse_quoted"]] &&
				sp.SourceURL == r[col["source_url"]] && sp.Verified == r[col["verified"]] && sp.Notes == r[col["notes"]]
			if !ok {
				t.Errorf("row %d: seeded %+v, CSV %v", i+1, sp, r)
			}
		}
	})
}
