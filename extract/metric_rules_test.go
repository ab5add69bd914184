package extract

import "testing"

// The four metrics added in version 0.4 and lists written with slashes.
// Sentences are written for these tests, with hard negatives: ratings of
// hardware and links are settings, not results.
var metricCases = []struct {
	name string
	in   string
	want []w
}{
	{"bandwidth bytes", "The new reader sustains 21.5 GB/s of effective read bandwidth.",
		[]w{{"bandwidth", 21.5, 0, "GB/s", "", "", 0, ""}}},
	{"bandwidth bits divided by eight", "Our NIC offload reaches line rate at 200 Gbps with one core.",
		[]w{{"bandwidth", 25, 0, "GB/s", "", "", 0, ""}}},
	{"bandwidth megabytes", "Compression runs at up to 850 MB/s per core.",
		[]w{{"bandwidth", 0.85, 0, "GB/s", "up_to", "", 0, ""}}},
	{"throughput named item", "The index answers 3.2M lookups/s on a single socket.",
		[]w{{"throughput", 3.2e6, 0, "lookups/s", "", "", 0, ""}}},
	{"throughput per second words", "The tracer casts 120 million rays per second on one GPU.",
		[]w{{"throughput", 1.2e8, 0, "rays/s", "", "", 1, ""}}},
	{"throughput two words per second", "It performs 900 million cell updates per second.",
		[]w{{"throughput", 9e8, 0, "cell updates/s", "", "", 0, ""}}},
	{"throughput giga ops", "The array delivers 512 GOPS at 8-bit precision.",
		[]w{{"throughput", 5.12e11, 0, "ops/s", "", "", 0, ""}}},
	{"power milliwatts", "Our decoder draws 35 mW while streaming.",
		[]w{{"power", 0.035, 0, "W", "", "", 0, ""}}},
	{"energy per item", "Inference costs 2.4 uJ/inference on the microcontroller.",
		[]w{{"energy", 2.4e-6, 0, "J", "", "", 0, ""}}},
	{"energy per word", "Our design spends 9 mJ per frame.",
		[]w{{"energy", 0.009, 0, "J", "", "", 0, ""}}},
	{"energy reduction stays a factor", "The scheduler uses 2.5x less energy than Linux.",
		[]w{{"reduction_factor", 2.5, 0, "x", "", "", 0, "Linux"}}},
	{"efficiency per watt is other", "The FPGA design reaches 96 GOPS/W.",
		[]w{{"other", 96, 0, "GOPS/W", "", "", 0, ""}}},
	// "other": quantified own results in units no metric has.
	{"other: simulated size", "Our run simulates 2.4 trillion atoms on the full machine.",
		[]w{{"other", 2.4e12, 0, "atoms", "", "", 0, ""}}},
	{"other: spelled simulated size", "It completes a three trillion particle simulation.",
		[]w{{"other", 3e12, 0, "particles", "", "", 0, ""}}},
	{"other: degrees of freedom", "The solver handles over 2 trillion degrees of freedom.",
		[]w{{"other", 2e12, 0, "degrees of freedom", "at_least", "", 0, ""}}},
	{"other: dataset size is a setting", "We train on a dataset of 2 billion pairs.", nil},
	{"other: bounded share", "The compiler reaches over 85% of the performance of hand-tuned kernels.",
		[]w{{"other", 85, 0, "%", "at_least", "", 0, "hand-tuned kernels"}}},
	{"other: only share", "Our chip spends only 30% of the energy of the GPU.",
		[]w{{"other", 30, 0, "%", "", "", 0, ""}}},
	{"plain share profiles a workload", "Attention kernels consume 64% of the decode time.", nil},
	{"other: level named by its noun", "The scheduler keeps achieving 99% SLO attainment under load.",
		[]w{{"other", 99, 0, "%", "", "", 0, ""}}},
	{"other: efficiency gain", "The FPGA gives a 3.2x efficiency gain over the GPU.",
		[]w{{"other", 3.2, 0, "x", "", "", 0, "GPU"}}},
	{"other: utilisation factor", "Packing improves MFU by up to 1.9x.",
		[]w{{"other", 1.9, 0, "x", "up_to", "", 0, ""}}},
	{"other: score points", "It beats the prior detector by +2.1% mAP.",
		[]w{{"other", 2.1, 0, "pp", "", "", 0, "*"}}},

	{"other: model file size in MB", "The compressed detector has a model size of 3.5 MB.",
		[]w{{"other", 3.5, 0, "MB", "", "", 0, ""}}},
	{"memory in MB stays memory", "Inference needs only 600 MB of memory.",
		[]w{{"memory", 0.6, 0, "GB", "", "", 0, ""}}},

	// Hard negatives: the hardware's ratings.
	{"link rating", "Nodes are connected by a 100 Gbps network.", nil},
	{"power budget", "We target boards under a 10 W budget.", nil},
	{"rated peak bandwidth", "The card has a theoretical peak of 2 TB/s.", nil},
	// Slash lists: one figure per setting.
	{"slash list shares the unit", "Our SoC reaches 120/64/30 GOPS for 2-, 4- and 8-bit weights.",
		[]w{{"throughput", 1.2e11, 0, "ops/s", "", "", 0, ""}, {"throughput", 6.4e10, 0, "ops/s", "", "", 0, ""}, {"throughput", 3e10, 0, "ops/s", "", "", 0, ""}}},
	{"slash list of factors", "It is 3.1x/1.7x faster than FlashAttention for short/long prompts.",
		[]w{{"speedup", 3.1, 0, "x", "", "", 0, "FlashAttention"}, {"speedup", 1.7, 0, "x", "", "", 0, "FlashAttention"}}},
	{"slash not a list", "The service stays up 24/7.", nil},
}

func TestMetricRules(t *testing.T) { runRuleCases(t, metricCases) }
