package extract

import "testing"

// Which device and how many a figure was measured on. Sentences are written
// for these tests, each kind with hard negatives.
var hardwareCases = []struct {
	name string
	in   string
	want []w
}{
	{"slash group pairs with a device list", "On H100 and A100 GPUs, the kernel reaches 700/300 TFLOPS.",
		[]w{{"tflops_per_gpu", 700, 0, "TFLOPS", "", "NVIDIA H100", 0, ""}, {"tflops_per_gpu", 300, 0, "TFLOPS", "", "NVIDIA A100", 0, ""}}},
	{"slash group with one device keeps it", "On H100 GPUs, the kernel reaches 700/650 TFLOPS.",
		[]w{{"tflops_per_gpu", 700, 0, "TFLOPS", "", "NVIDIA H100", 0, ""}, {"tflops_per_gpu", 650, 0, "TFLOPS", "", "NVIDIA H100", 0, ""}}},
	{"a device kind is no count", "Our parser sustains 9 GB/s on a GPU.",
		[]w{{"bandwidth", 9, 0, "GB/s", "", "", 0, ""}}},
	{"a single device is one", "Our parser sustains 9 GB/s on a single GPU.",
		[]w{{"bandwidth", 9, 0, "GB/s", "", "", 1, ""}}},
	{"generation name between count and device", "On a single NVIDIA Hopper H100, decoding is 3x faster than vLLM.",
		[]w{{"speedup", 3, 0, "x", "", "NVIDIA H100", 1, "vLLM"}}},
	{"count does not cross while to another result", "The solver reached 1.1 EF/s on 9,000 nodes, while the mixed-precision variant reached 9 EF/s.",
		[]w{{"aggregate_flops", 1100, 0, "PFLOPS", "", "", 9000, ""}, {"aggregate_flops", 9000, 0, "PFLOPS", "", "", 0, ""}}},
	{"nodes of a machine count the machine", "We ran on 4,000 nodes of the Summit supercomputer and got a 9x speedup over V100 GPUs.",
		[]w{{"speedup", 9, 0, "x", "", "OLCF Summit", 4000, "V100"}}},
	{"machine named in another sentence of an HPC abstract", "We port the code to the Frontier supercomputer. Single runs show a 5x speedup on Summit.",
		[]w{{"speedup", 5, 0, "x", "", "OLCF Summit", 0, ""}}},
	{"a hyphenated run name is no machine", "We port the code to the Frontier supercomputer. The Summit-X run sustains 2 EF/s.",
		[]w{{"aggregate_flops", 2000, 0, "PFLOPS", "", "OLCF Frontier", 0, ""}}},
	{"a sentence-initial name is no machine", "Our optimizer targets exascale supercomputers. Frontier models train 3x faster with it.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, ""}}},
}

func TestHardwareRules(t *testing.T) { runRuleCases(t, hardwareCases) }
