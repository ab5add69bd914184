package extract

import "testing"

// Where a sentence names what its figure is compared against. Sentences are
// written for these tests, each kind with hard negatives.
var baselineCases = []struct {
	name string
	in   string
	want []w
}{
	{"comparison inside parentheses, respectively", "The detector weighs 3 MB (>9x and >4x smaller than ModelA and ModelB, respectively).",
		[]w{{"other", 3, 0, "MB", "", "", 0, ""}, {"reduction_factor", 9, 0, "x", "at_least", "", 0, "ModelA"}, {"reduction_factor", 4, 0, "x", "at_least", "", 0, "ModelB"}}},
	{"parenthesised gains survive a while contrast", "Our proposed network needs 2B operations (30% fewer than ModelA), while it reaches a 71% mAP (8% higher than ModelA).",
		[]w{{"other", 2e9, 0, "operations", "", "", 0, ""}, {"improvement_pct", 30, 0, "%", "", "", 0, "ModelA"}, {"accuracy", 71, 0, "%", "", "", 0, ""}, {"improvement_pct", 8, 0, "%", "", "", 0, "ModelA"}}},
	{"speedup from", "We obtain a 12x speedup from the CPU-only version on the same input.",
		[]w{{"speedup", 12, 0, "x", "", "", 0, "CPU-only version"}}},
	{"speed up from before the figure", "The hybrid speed up from pure MPI is over 6 times.",
		[]w{{"speedup", 6, 0, "x", "at_least", "", 0, "pure MPI"}}},
	{"from a count is a range, not a baseline", "The speedup from 2 to 8 nodes is 3.5x.",
		[]w{{"speedup", 3.5, 0, "x", "", "", 0, ""}}},
	{"over before by", "It improves energy efficiency over the default governor by 18%.",
		[]w{{"improvement_pct", 18, 0, "%", "", "", 0, "default governor"}}},
	{"over after a comma is not the figure's", "Over the default governor, we add a tuner; it cuts energy by 18%.",
		[]w{{"improvement_pct", 18, 0, "%", "", "", 0, ""}}},
	{"share of another's performance", "The generated code reaches over 85% of the performance of vendor libraries.",
		[]w{{"other", 85, 0, "%", "at_least", "", 0, "vendor libraries"}}},
	{"share of what another needs", "Indexing takes less than 15% of that required by the exact method.",
		[]w{{"other", 15, 0, "%", "up_to", "", 0, "exact method"}}},
	{"share of peak names no baseline", "The kernels reach 70% of the peak of the device.",
		[]w{{"peak_fraction", 70, 0, "%", "", "", 0, ""}}},
	{"a figure naming the baseline", "Context grows 100x compared to the 8K baseline.",
		[]w{{"capacity_factor", 100, 0, "x", "", "", 0, "8K baseline"}}},
	{"a level reached takes no factor's baseline", "It answers in 80 ms per query, 3x faster than vLLM.",
		[]w{{"latency", 0.08, 0, "s", "", "", 0, ""}, {"speedup", 3, 0, "x", "", "", 0, "vLLM"}}},
	{"a size takes no baseline", "Trained on models up to 70B parameters, it is 2x faster than DeepSpeed.",
		[]w{{"model_size", 70e9, 0, "params", "up_to", "", 0, ""}, {"speedup", 2, 0, "x", "", "", 0, "DeepSpeed"}}},
	{"levels compared keep the baseline", "Training takes 20 minutes, compared to 9 hours for the dense model.",
		[]w{{"duration", 1200, 0, "s", "", "", 0, "dense model"}}},
}

func TestBaselineRules(t *testing.T) { runRuleCases(t, baselineCases) }
