package synth

import (
	"fmt"
	"math/rand/v2"

	"github.com/claimboard/claimboard/models"
)

// keysFor draws the comparability keys a claim of metric states and the
// words its evidence says them in. As in papers, most claims state one or
// two keys, and which ones depends on what is measured: frame rates a
// resolution, LLM throughput a model size, precision and batch size.
func keysFor(r *rand.Rand, metric string) (models.KeyFilter, string) {
	var k models.KeyFilter
	var words string
	pick := func(p float64) bool { return r.Float64() < p }
	switch metric {
	case "fps", "latency", "duration":
		if pick(0.6) {
			k.Resolution = []string{"512x512", "800x800", "1080p", "1920x1080", "4K", "720p"}[r.IntN(6)]
			words += " at " + k.Resolution
		}
		if pick(0.3) {
			k.Dataset = []string{"Mip-NeRF 360", "Tanks and Temples", "NeRF Synthetic", "nuScenes", "KITTI"}[r.IntN(5)]
			words += " on " + k.Dataset
		}
	case "token_throughput", "throughput", "speedup", "ttft":
		if pick(0.5) {
			k.ModelSize = []float64{7, 13, 70, 8, 0.35, 1.3}[r.IntN(6)]
			words += fmt.Sprintf(" for a %sB model", trim(k.ModelSize))
		}
		if pick(0.35) {
			k.BatchSize = []int{1, 8, 32, 64, 256}[r.IntN(5)]
			words += fmt.Sprintf(" at batch size %d", k.BatchSize)
		}
		if pick(0.25) {
			k.SeqLen = []int{2048, 4096, 8192, 32768}[r.IntN(4)]
			words += fmt.Sprintf(" with %d-token sequences", k.SeqLen)
		}
		if pick(0.3) {
			k.Precision = []string{"fp16", "bf16", "int8", "int4", "fp8"}[r.IntN(5)]
			words += " in " + k.Precision
		}
		if pick(0.2) {
			k.Dataset = []string{"ShareGPT", "TPC-H", "ImageNet", "MLPerf", "SpecBench"}[r.IntN(5)]
			words += " on " + k.Dataset
		}
	case "tflops_per_gpu", "aggregate_flops", "mfu", "hfu":
		if pick(0.6) {
			k.Precision = []string{"bf16", "fp16", "fp8", "tf32", "fp32"}[r.IntN(5)]
			words += " in " + k.Precision
		}
		if pick(0.4) {
			k.ModelSize = []float64{7, 70, 175, 530, 1000}[r.IntN(5)]
			words += fmt.Sprintf(" training a %sB model", trim(k.ModelSize))
		}
	default:
		if pick(0.15) {
			k.Dataset = []string{"ImageNet", "TPC-H", "SuiteSparse", "Graph500"}[r.IntN(4)]
			words += " on " + k.Dataset
		}
	}
	return k, words
}

func trim(v float64) string { return fmt.Sprintf("%g", v) }
