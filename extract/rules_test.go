package extract

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// w is one expected claim. Baseline "" means "must be empty"; "*" means
// "not checked". Hi 0 means no range.
type w struct {
	metric string
	v, hi  float64
	unit   string
	qual   string
	hw     string
	n      int
	bl     string
}

// The sentences below are written for these tests (not copied from the
// gold file) so they exercise each rule on phrasings the dev set lacks.
var ruleCases = []struct {
	name string
	in   string
	want []w
}{
	// Numbers.
	{"thousands separator", "Our server sustains 1,250 tokens/s on a single H100 GPU.",
		[]w{{"token_throughput", 1250, 0, "tokens/s", "", "NVIDIA H100", 1, ""}}},
	{"B suffix hyphenated", "We scale training to a 175B-parameter model on 1024 GPUs.",
		[]w{{"model_size", 175e9, 0, "params", "", "", 1024, ""}}},
	{"billion word", "Our method trains models with 13 billion parameters on 4 A100 GPUs.",
		[]w{{"model_size", 13e9, 0, "params", "", "NVIDIA A100", 4, ""}}},
	{"M suffix tokens", "The system supports contexts of up to 1M tokens.",
		[]w{{"sequence_length", 1e6, 0, "tokens", "up_to", "", 0, ""}}},
	{"K suffix tokens", "We extend the context window to 128K tokens.",
		[]w{{"sequence_length", 128000, 0, "tokens", "", "", 0, ""}}},
	{"scientific notation", "The engine processes 3.5 × 10^6 tokens per second.",
		[]w{{"token_throughput", 3.5e6, 0, "tokens/s", "", "", 0, ""}}},
	{"number word second", "Our model answers each query within one second.",
		[]w{{"latency", 1, 0, "s", "", "", 0, ""}}},
	{"orders of magnitude", "We achieve a speedup of two orders of magnitude over the CPU solver.",
		[]w{{"speedup", 100, 0, "x", "approx", "", 0, "CPU solver"}}},
	{"number word times", "Inference is three times faster than the baseline.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, "baseline"}}},
	{"fold hyphen", "The codec gives a 10-fold reduction in storage.",
		[]w{{"reduction_factor", 10, 0, "x", "", "", 0, ""}}},
	{"factor of", "We cut the memory footprint by a factor of 4.",
		[]w{{"reduction_factor", 4, 0, "x", "", "", 0, ""}}},
	// Factors and scrape damage.
	{"latex times", "Our kernel is 5.2$\\times$ faster than cuDNN.",
		[]w{{"speedup", 5.2, 0, "x", "", "", 0, "cuDNN"}}},
	{"unicode times", "It trains 1.9× faster compared with DeepSpeed.",
		[]w{{"speedup", 1.9, 0, "x", "", "", 0, "DeepSpeed"}}},
	{"glued times", "The scheduler delivers 4.1times higher throughput.",
		[]w{{"speedup", 4.1, 0, "x", "", "", 0, ""}}},
	{"sim approx", "The new layout needs sim3times less memory.",
		[]w{{"reduction_factor", 3, 0, "x", "approx", "", 0, ""}}},
	{"sim range", "We obtain 1.5sim 2.5times speedups on all models.",
		[]w{{"speedup", 1.5, 2.5, "x", "", "", 0, ""}}},
	{"tilde range", "We obtain 1.5~2.5x speedups.",
		[]w{{"speedup", 1.5, 2.5, "x", "", "", 0, ""}}},
	{"dash range", "It achieves 2.1×–3.4× speedups over FlashAttention.",
		[]w{{"speedup", 2.1, 3.4, "x", "", "", 0, "FlashAttention"}}},
	{"to range", "Compression ratios reach 6x to 9x for large scenes with our codec.",
		[]w{{"reduction_factor", 6, 9, "x", "", "", 0, ""}}},
	{"between range", "Our approach is between 2 and 3 times faster.",
		[]w{{"speedup", 2, 3, "x", "", "", 0, ""}}},
	{"approx word", "We decrease energy use by approximately 3x.",
		[]w{{"reduction_factor", 3, 0, "x", "approx", "", 0, ""}}},
	// Lists, respectively, up to / on average.
	{"respectively", "Our method reduces memory and communication by 4.2x and 2.7x, respectively.",
		[]w{{"reduction_factor", 4.2, 0, "x", "", "", 0, ""}, {"reduction_factor", 2.7, 0, "x", "", "", 0, ""}}},
	{"up to and average", "It speeds up training by up to 3.1x (on average 1.9x).",
		[]w{{"speedup", 3.1, 0, "x", "up_to", "", 0, ""}, {"speedup", 1.9, 0, "x", "average", "", 0, ""}}},
	{"average after", "The planner improves throughput by 35.5% on average.",
		[]w{{"improvement_pct", 35.5, 0, "%", "average", "", 0, ""}}},
	{"list shares qualifier", "We reach up to 90 FPS on an RTX 4080 and 140 FPS on an RTX 4090.",
		[]w{{"fps", 90, 0, "FPS", "up_to", "NVIDIA RTX 4080", 1, ""}, {"fps", 140, 0, "FPS", "up_to", "NVIDIA RTX 4090", 1, ""}}},
	// Units and metrics.
	{"tflops per gpu", "Our kernels deliver 312 TFLOPS per GPU.",
		[]w{{"tflops_per_gpu", 312, 0, "TFLOPS", "", "", 0, ""}}},
	{"tflops slash gpu", "Training runs at 41 TFlops/GPU on 256 GPUs.",
		[]w{{"tflops_per_gpu", 41, 0, "TFLOPS", "", "", 256, ""}}},
	{"pflops", "We achieve 1.2 PFLOPS on 1024 GPUs.",
		[]w{{"aggregate_flops", 1.2, 0, "PFLOPS", "", "", 1024, ""}}},
	{"exaflops to pflops", "Our code sustains 1.1 exaflops on the Frontier supercomputer.",
		[]w{{"aggregate_flops", 1100, 0, "PFLOPS", "", "OLCF Frontier", 0, ""}}},
	{"peak fraction", "The implementation reaches 45% of peak FLOPS.",
		[]w{{"peak_fraction", 45, 0, "%", "", "", 0, ""}}},
	{"utilization", "We attain a model FLOPs utilization of 57%.",
		[]w{{"peak_fraction", 57, 0, "%", "", "", 0, ""}}},
	{"scaling efficiency pct", "We observe a weak scaling efficiency of 91% on 4096 GPUs.",
		[]w{{"scaling_efficiency", 91, 0, "%", "", "", 4096, ""}}},
	{"scaling efficiency fraction", "Our solver keeps a parallel efficiency of 0.87 at full scale.",
		[]w{{"scaling_efficiency", 87, 0, "%", "", "", 0, ""}}},
	{"accuracy pct", "Our model reaches a top-1 accuracy of 81.2%.",
		[]w{{"accuracy", 81.2, 0, "%", "", "", 0, ""}}},
	{"psnr", "We obtain a PSNR of 32.4 dB on the benchmark.",
		[]w{{"accuracy", 32.4, 0, "dB", "", "", 0, ""}}},
	{"latency ms", "We cut per-token latency to 35 ms.",
		[]w{{"latency", 0.035, 0, "s", "", "", 0, ""}}},
	{"duration hours", "Our training completes in 3.5 hours on 8 V100 GPUs.",
		[]w{{"duration", 12600, 0, "s", "", "NVIDIA V100", 8, ""}}},
	{"memory", "Our runtime uses only 6.2 GB of GPU memory.",
		[]w{{"memory", 6.2, 0, "GB", "", "", 0, ""}}},
	{"hz frame rate", "The tracker runs at 60 Hz on a Jetson AGX Orin.",
		[]w{{"fps", 60, 0, "FPS", "", "NVIDIA Jetson AGX Orin", 1, ""}}},
	{"improvement less", "Our method needs 35% less energy than the baseline.",
		[]w{{"improvement_pct", 35, 0, "%", "", "", 0, "baseline"}}},
	{"capacity larger", "We train 8x larger models than ZeRO-3 on the same hardware.",
		[]w{{"capacity_factor", 8, 0, "x", "", "", 0, "ZeRO-3"}}},
	{"percentage points", "Accuracy rises by 2.5 percentage points.",
		[]w{{"other", 2.5, 0, "pp", "", "", 0, ""}}},
	// Qualifiers.
	{"more than", "We are more than 2x faster.", []w{{"speedup", 2, 0, "x", "at_least", "", 0, ""}}},
	{"at least", "We are at least 1.5x faster.", []w{{"speedup", 1.5, 0, "x", "at_least", "", 0, ""}}},
	{"as high as", "We improve goodput by as high as 90%.", []w{{"improvement_pct", 90, 0, "%", "up_to", "", 0, ""}}},
	{"exceeding", "Our renderer runs exceeding 100 FPS.", []w{{"fps", 100, 0, "FPS", "at_least", "", 0, ""}}},
	{"nearly", "It shrinks checkpoints by nearly 40%.", []w{{"improvement_pct", 40, 0, "%", "approx", "", 0, ""}}},
	{"tilde", "Our approach gives ~2.5x speedup.", []w{{"speedup", 2.5, 0, "x", "approx", "", 0, ""}}},
	{"plus", "Throughput improves by 20+%.", []w{{"improvement_pct", 20, 0, "%", "at_least", "", 0, ""}}},
	{"geomean", "Our compiler achieves a geomean speedup of 1.7x.", []w{{"speedup", 1.7, 0, "x", "average", "", 0, ""}}},
	// Hardware.
	{"tesla alias", "We reach 2.3x speedup on 64 NVIDIA Tesla V100 GPUs.",
		[]w{{"speedup", 2.3, 0, "x", "", "NVIDIA V100", 64, ""}}},
	{"8x count", "On 8x A100 nodes our system is 2x faster.",
		[]w{{"speedup", 2, 0, "x", "", "NVIDIA A100", 8, ""}}},
	{"dgx", "We serve 30 tokens/s on a DGX A100 node.",
		[]w{{"token_throughput", 30, 0, "tokens/s", "", "NVIDIA DGX A100", 1, ""}}},
	{"tpu", "We train 1.4x faster on TPU v4 chips.",
		[]w{{"speedup", 1.4, 0, "x", "", "Google TPU v4", 0, ""}}},
	{"amd", "Our kernels are 3x faster on 16 AMD MI250X GPUs.",
		[]w{{"speedup", 3, 0, "x", "", "AMD MI250X", 16, ""}}},
	{"apple", "We generate 25 tokens/s on an Apple M2 Ultra.",
		[]w{{"token_throughput", 25, 0, "tokens/s", "", "Apple M2 Ultra", 1, ""}}},
	{"gaudi", "Our runtime is 1.3x faster on Intel Gaudi2 accelerators.",
		[]w{{"speedup", 1.3, 0, "x", "", "Intel Gaudi2", 0, ""}}},
	{"two gpus", "Using two RTX 3080 GPUs, our pipeline reaches 48 FPS.",
		[]w{{"fps", 48, 0, "FPS", "", "NVIDIA RTX 3080", 2, ""}}},
	// Baselines.
	{"outperforms by", "Our system outperforms Megatron-LM by 1.8x in throughput.",
		[]w{{"speedup", 1.8, 0, "x", "", "", 0, "Megatron-LM"}}},
	{"relative to", "We obtain a 2x speedup relative to vLLM.", []w{{"speedup", 2, 0, "x", "", "", 0, "vLLM"}}},
	{"versus", "Our engine is 4x faster versus DeepSpeed-Inference.", []w{{"speedup", 4, 0, "x", "", "", 0, "DeepSpeed-Inference"}}},
	{"baseline figure", "Our method reaches 40 FPS compared to the 12 FPS reported by NeRF.",
		[]w{{"fps", 40, 0, "FPS", "", "", 0, "*"}}},
	{"sentence-initial compared", "Compared with FSDP, our method achieves 1.6x and 2.2x higher throughput on 32 and 64 GPUs respectively.",
		[]w{{"speedup", 1.6, 0, "x", "", "", 32, "FSDP"}, {"speedup", 2.2, 0, "x", "", "", 64, "FSDP"}}},
	{"count list without respectively", "Our method is 1.6x faster on 32 and 64 GPUs.",
		[]w{{"speedup", 1.6, 0, "x", "", "", 0, ""}}},
	// Hard negatives: none of these is a claim of the paper.
	{"years and counts", "In 2023, four datasets with 1000 frames each were released.", nil},
	{"resolution and gpus", "We evaluate on 3 datasets at 1920x1080 resolution using 8 GPUs.", nil},
	{"model names", "GPT-3, Llama-2-7B and ResNet-50 serve as backbones with T-NLG and 3DGS.", nil},
	{"background trend", "GPU memory has only grown by 5x over the past five years.", nil},
	{"prior work", "Prior work renders at 30 FPS, which is insufficient.", nil},
	{"citation and version", "We build on version 2.0 of the library [12] and Figure 3.", nil},
	{"two-fold idea", "The core idea is two-fold: first, we align views.", nil},
	{"hypothetical", "If one wants to render at 60 FPS, there is a gap of 10x.", nil},
	{"video frame rate", "The input videos are captured at 30 fps.", nil},
	{"status quo", "It requires 800 V100 GPUs to fit a trillion parameter model.", nil},
	{"setting model size", "We study sublayers in 500-billion parameter models.", nil},
	{"slower", "Video training is an order of magnitude slower than image training.", nil},
	{"bits", "We quantize weights to 4-bit and activations to 8-bit.", nil},
	{"dataset tokens", "The model is pretrained on 2 trillion tokens.", nil},
	{"hardware digits", "We use an RTX 3090 and an MI250X.", nil},
	{"share of time", "These kernels consume 72% of application time.", nil},
	{"clip length", "Existing methods are limited to short (1~2s) video clips.", nil},
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.in)
			checkInvariants(t, tc.in, got)
			if len(got) != len(tc.want) {
				t.Fatalf("%q:\n got %d claims %s\nwant %d", tc.in, len(got), dump(got), len(tc.want))
			}
			for i, wt := range tc.want {
				g := got[i]
				hi := 0.0
				if g.ValueHigh != nil {
					hi = *g.ValueHigh
				}
				if g.Metric != wt.metric || !near(g.Value, wt.v) || !near(hi, wt.hi) || g.Unit != wt.unit ||
					g.Qualifier != wt.qual || g.Hardware != wt.hw || g.HardwareCount != wt.n {
					t.Errorf("%q claim %d:\n got %s\nwant %+v", tc.in, i, dump(got[i:i+1]), wt)
				}
				if wt.bl != "*" && (wt.bl == "" && g.Baseline != "" || wt.bl != "" && !strings.Contains(g.Baseline, wt.bl)) {
					t.Errorf("%q claim %d: baseline %q, want %q", tc.in, i, g.Baseline, wt.bl)
				}
				if g.Hardware != "" {
					if _, ok := LookupHardware(g.Hardware); !ok {
						t.Errorf("LookupHardware(%q) failed", g.Hardware)
					}
				}
			}
		})
	}
}

func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func dump(cs []Claim) string {
	var b strings.Builder
	for _, c := range cs {
		hi := ""
		if c.ValueHigh != nil {
			hi = "-" + ftoa(*c.ValueHigh)
		}
		b.WriteString("\n   {" + c.Metric + " " + ftoa(c.Value) + hi + " " + c.Unit + " q=" + c.Qualifier + " hw=" + c.Hardware +
			" n=" + ftoa(float64(c.HardwareCount)) + " bl=" + c.Baseline + " text=" + c.Text + "}")
	}
	return b.String()
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// checkInvariants is the contract the app relies on, shared with the fuzz target.
func checkInvariants(t *testing.T, in string, cs []Claim) {
	t.Helper()
	for i, c := range cs {
		if c.Start < 0 || c.End > len(in) || c.Start > c.End {
			t.Fatalf("claim %d: offsets [%d,%d) out of range %d", i, c.Start, c.End, len(in))
		}
		if in[c.Start:c.End] != c.Evidence {
			t.Fatalf("claim %d: evidence %q != input[%d:%d] %q", i, c.Evidence, c.Start, c.End, in[c.Start:c.End])
		}
		if c.Text == "" || !strings.Contains(c.Evidence, c.Text) {
			t.Fatalf("claim %d: text %q not in evidence %q", i, c.Text, c.Evidence)
		}
		if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
			t.Fatalf("claim %d: value %v", i, c.Value)
		}
		if c.ValueHigh != nil && (math.IsNaN(*c.ValueHigh) || math.IsInf(*c.ValueHigh, 0)) {
			t.Fatalf("claim %d: value_high %v", i, *c.ValueHigh)
		}
		if c.Confidence < 0 || c.Confidence > 1 {
			t.Fatalf("claim %d: confidence %v", i, c.Confidence)
		}
		if _, ok := vocabUnit[c.Metric]; !ok && c.Metric != "other" {
			t.Fatalf("claim %d: metric %q not in vocabulary", i, c.Metric)
		}
		if c.Hardware != "" {
			if _, ok := LookupHardware(c.Hardware); !ok {
				t.Fatalf("claim %d: hardware %q unknown to LookupHardware", i, c.Hardware)
			}
		}
	}
}
