package extract

import "testing"

// Factors and percentages whose cue or sign stands apart from the figure.
// Sentences are written for these tests, each kind with hard negatives.
var factorCases = []struct {
	name string
	in   string
	want []w
}{
	{"figure alone in parentheses takes the statement's verb", "Our study shows that GPUs outperform NPUs in the prefill stage (up to 2.3x).",
		[]w{{"speedup", 2.3, 0, "x", "up_to", "", 0, ""}}},
	{"parenthesised range after acceleration", "Our profiling shows NPUs give only modest acceleration in decoding (1.1-1.4x).",
		[]w{{"speedup", 1.1, 1.4, "x", "", "", 0, ""}}},
	{"parenthesised size ratio is no speedup", "We evaluate on three datasets (about 2x larger than ImageNet).",
		[]w{{"capacity_factor", 2, 0, "x", "approx", "", 0, "ImageNet"}}},
	{"lost signs continue a list", "Our kernels reach up to 4.2 speedup on small graphs, and 9 when fused with pooling.",
		[]w{{"speedup", 4.2, 0, "x", "up_to", "", 0, ""}, {"speedup", 9, 0, "x", "up_to", "", 0, ""}}},
	{"lost signs continue after a qualifier", "The fused kernel reaches up to 2.5 speedup for BERT, with sparse variants up to 6.1 on dense graphs.",
		[]w{{"speedup", 2.5, 0, "x", "up_to", "", 0, ""}, {"speedup", 6.1, 0, "x", "up_to", "", 0, ""}}},
	{"a count after a lost-sign factor stays a count", "The kernel reaches up to 2.5 speedup, and 12 models adopt it.",
		[]w{{"speedup", 2.5, 0, "x", "up_to", "", 0, ""}}},
	{"an enumerator after a lost-sign factor", "We find 1) a speedup of up to 1.6 on small inputs, and 2) lower memory.",
		[]w{{"speedup", 1.6, 0, "x", "up_to", "", 0, ""}}},
	{"spaced signs around to", "It gives a 1.4 X to 2.8 X improvement in QPS over HNSW.",
		[]w{{"speedup", 1.4, 2.8, "x", "", "", 0, "HNSW"}}},
	{"overhead then a result", "The scheduler keeps negligible overhead and achieving 95% GPU utilization.",
		[]w{{"peak_fraction", 95, 0, "%", "", "", 0, ""}}},
	{"a dB change after by", "The codec raises PSNR by an average of 1.5 dB over H.265.",
		[]w{{"other", 1.5, 0, "dB", "average", "", 0, "H.265"}}},
	{"a dB level stays a score", "The codec reaches a PSNR of 31.5 dB on Kodak.",
		[]w{{"accuracy", 31.5, 0, "dB", "", "", 0, ""}}},
	{"a passive size by a factor is a reduction", "With pruning, the index size is improved by a factor of 6x.",
		[]w{{"reduction_factor", 6, 0, "x", "", "", 0, ""}}},
	{"a utilization gain past an aside is other", "It improves hardware FLOPs utilization (HFU) by up to 1.9x.",
		[]w{{"other", 1.9, 0, "x", "up_to", "", 0, ""}}},
	{"throughput by a factor stays a speedup", "It improves decode throughput by a factor of 3.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, ""}}},
	{"overhead figure stays a cost", "Checkpointing adds an overhead of 3% and reaches 2% on small models.", nil},
}

func TestFactorRules(t *testing.T) { runRuleCases(t, factorCases) }
