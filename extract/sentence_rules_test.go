package extract

import "testing"

// Kinds of sentence that real abstracts use and the first rules missed.
// Sentences are written for these tests, each kind with hard negatives.
var sentenceCases = []struct {
	name string
	in   string
	want []w
}{
	// Markdown and glue.
	{"markdown emphasis", "Our solver is **7x** faster than PETSc.",
		[]w{{"speedup", 7, 0, "x", "", "", 0, "PETSc"}}},
	{"asterisk as times", "The engine delivers up to 2.6* higher throughput than Spark.",
		[]w{{"speedup", 2.6, 0, "x", "up_to", "", 0, "Spark"}}},
	{"asterisk emphasis on words", "A *simple* cache gives 1.4x speedup.",
		[]w{{"speedup", 1.4, 0, "x", "", "", 0, ""}}},

	// Shared lists and continuations.
	{"shared sign in respectively list", "It shortens the mean and tail iteration time by up to 1.5x and 3, respectively.",
		[]w{{"reduction_factor", 1.5, 0, "x", "up_to", "", 0, ""}, {"reduction_factor", 3, 0, "x", "up_to", "", 0, ""}}},
	{"elliptical sequence lengths", "Our method trains with a 256K sequence length on the workstation, 2M on the server and over 8M on the cluster.",
		[]w{{"sequence_length", 256000, 0, "tokens", "", "", 0, ""}, {"sequence_length", 2e6, 0, "tokens", "", "", 0, ""}, {"sequence_length", 8e6, 0, "tokens", "at_least", "", 0, ""}}},
	{"context length of up to", "We serve a context length of up to 2 million on eight GPUs.",
		[]w{{"sequence_length", 2e6, 0, "tokens", "up_to", "", 8, ""}}},
	{"seq. length as a claim", "We train a 13B model at seq. length 64K.",
		[]w{{"model_size", 13e9, 0, "params", "", "", 0, ""}, {"sequence_length", 64000, 0, "tokens", "", "", 0, ""}}},
	{"seq. length in parentheses is a setting", "It gives a 2x speedup on GPT-2 (seq. length 4K).",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},

	// Word numbers.
	{"halves", "The new allocator halves the tail latency of the service.",
		[]w{{"reduction_factor", 2, 0, "x", "", "", 0, ""}}},
	{"by half", "Quantisation cuts the weight memory by half.",
		[]w{{"reduction_factor", 2, 0, "x", "", "", 0, ""}}},
	{"a third of the memory", "Training then needs only a third of the memory.",
		[]w{{"reduction_factor", 3, 0, "x", "", "", 0, ""}}},
	{"doubles", "Batching doubles the decode throughput.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},
	{"order of magnitude", "Our renderer is an order of magnitude faster than path tracing.",
		[]w{{"speedup", 10, 0, "x", "approx", "", 0, "path tracing"}}},
	{"half of is no factor", "Half of the jobs finish early.", nil},
	{"a third of the papers is no factor", "A third of the papers report no code.", nil},

	// Scores and relative percentages.
	{"score of N", "The detector reaches an mAP of 41.2 on the test split.",
		[]w{{"accuracy", 41.2, 0, "score", "", "", 0, ""}}},
	{"score with parenthesis of N", "It attains an FVD (Frechet Video Distance) of 180.5.",
		[]w{{"accuracy", 180.5, 0, "score", "", "", 0, ""}}},
	{"percent before score", "Our tracker sets a record of 61.3% NDS.",
		[]w{{"accuracy", 61.3, 0, "%", "", "", 0, ""}}},
	{"percent before comparative", "The pipeline keeps up to 18% higher GPU utilization than the baseline.",
		[]w{{"improvement_pct", 18, 0, "%", "up_to", "", 0, "baseline"}}},
	{"gain in score stays a gain", "Tuning gains 3% accuracy over the default.",
		[]w{{"improvement_pct", 3, 0, "%", "", "", 0, "default"}}},

	// Time: an offline job per item is a duration; "within" is an upper bound.
	{"per-item reconstruction is duration", "Each scene reconstruction finishes within 40 seconds.",
		[]w{{"duration", 40, 0, "s", "up_to", "", 0, ""}}},
	{"per-query answer is latency", "The agent answers each query within 2 seconds.",
		[]w{{"latency", 2, 0, "s", "up_to", "", 0, ""}}},

	// Model sizes the paper trains or serves, beside other figures.
	{"two trained sizes", "We train a 6.7B model and a 13B model with 1.9x higher throughput than Megatron.",
		[]w{{"model_size", 6.7e9, 0, "params", "", "", 0, "*"}, {"model_size", 13e9, 0, "params", "", "", 0, "*"}, {"speedup", 1.9, 0, "x", "", "", 0, "Megatron"}}},
	{"scaling to a size", "Our trainer scales to 70B models on one node.",
		[]w{{"model_size", 70e9, 0, "params", "", "", 0, ""}}},
	{"size as purpose stays a setting", "It needs only 20 GB to serve a 13B model.",
		[]w{{"memory", 20, 0, "GB", "", "", 0, ""}}},
	{"size before at-figure stays a setting", "Our runtime serves a 30B model at 15 tokens/s.",
		[]w{{"token_throughput", 15, 0, "tokens/s", "", "", 0, ""}}},
	// The paper's own device is not a fact of the field.
	{"own accelerator", "The accelerator has a peak energy efficiency of 12/40 fJ/op for binary and 8-bit weights.",
		[]w{{"energy", 1.2e-14, 0, "J", "up_to", "", 0, ""}, {"energy", 4e-14, 0, "J", "up_to", "", 0, ""}}},
	{"hardware in general stays background", "GPUs are 10x faster than CPUs for dense algebra.", nil},

	// One comparison shared by a list of figures.
	{"list takes the trailing baseline", "It reaches up to 1.8x higher throughput, 35% lower latency and 20% higher utilization compared to SGLang.",
		[]w{{"speedup", 1.8, 0, "x", "up_to", "", 0, "SGLang"}, {"improvement_pct", 35, 0, "%", "", "", 0, "SGLang"}, {"improvement_pct", 20, 0, "%", "", "", 0, "SGLang"}}},
	{"baselines pair with the figures", "The detector is 12x and 7x smaller than MobileNet and EfficientDet.",
		[]w{{"reduction_factor", 12, 0, "x", "", "", 0, "MobileNet"}, {"reduction_factor", 7, 0, "x", "", "", 0, "EfficientDet"}}},
	{"a new verb keeps its own baseline", "It cuts memory by 40%, and reduces latency by 25% compared to Orca.",
		[]w{{"improvement_pct", 40, 0, "%", "", "", 0, ""}, {"improvement_pct", 25, 0, "%", "", "", 0, "Orca"}}},
	{"absolute figure keeps no baseline", "The index needs only 3.1 GB of memory, 9x smaller than the raw 28 GB table.",
		[]w{{"memory", 3.1, 0, "GB", "", "", 0, ""}, {"reduction_factor", 9, 0, "x", "", "", 0, "raw"}}},
	{"device as baseline", "It is 2.4x faster than NVIDIA A100 on sparse kernels.",
		[]w{{"speedup", 2.4, 0, "x", "", "", 0, "NVIDIA A100"}}},

	// "from X to Y": Y is the claim, X the baseline's figure.
	{"from to fps", "Our method raises the frame rate from 24 FPS to 61 FPS.",
		[]w{{"fps", 61, 0, "FPS", "", "", 0, "24 FPS"}}},
	{"from to lower is better", "Caching cuts the p99 latency from 120 ms to 35 ms.",
		[]w{{"latency", 0.035, 0, "s", "", "", 0, "120 ms"}}},
	{"from to perplexity", "Calibration improves the perplexity from 6.1 to 5.4.",
		[]w{{"accuracy", 5.4, 0, "score", "", "", 0, "6.1"}}},
	{"baseline figure after compared to", "Our tagger scores 74.2 F1, compared to the previous best of 71.5.",
		[]w{{"accuracy", 74.2, 0, "score", "", "", 0, "*"}}},
	{"baseline percent after vs", "The model reaches 88.1% accuracy vs. 84.0% for the state of the art.",
		[]w{{"accuracy", 88.1, 0, "%", "", "", 0, "*"}}},

	// Qualifiers written around the quantity rather than the number.
	{"average modifies the quantity", "It cuts the average job completion time by 1.8x.",
		[]w{{"reduction_factor", 1.8, 0, "x", "average", "", 0, ""}}},
	{"on average after the noun", "The planner gives 3.3x energy savings on average.",
		[]w{{"reduction_factor", 3.3, 0, "x", "average", "", 0, ""}}},
	{"peak after the figure", "The run reached 410 PFLOPS peak performance.",
		[]w{{"aggregate_flops", 410, 0, "PFLOPS", "up_to", "", 0, ""}}},
	{"as little as", "Decoding takes as little as 40 ms per token.",
		[]w{{"latency", 0.04, 0, "s", "up_to", "", 0, ""}}},
	{"less-than sign", "We keep the loss at $<0.2$ perplexity degradation.",
		[]w{{"other", 0.2, 0, "perplexity", "up_to", "", 0, ""}}},
	{"within on average", "Queries finish within 30 ms on average.",
		[]w{{"latency", 0.03, 0, "s", "average", "", 0, ""}}},
	{"average of is not a modifier", "The average of 5 runs gives a 2x speedup.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},

	// Node and FPGA counts are device counts.
	{"node count", "Training runs 1.6x faster at 6 nodes.",
		[]w{{"speedup", 1.6, 0, "x", "", "", 6, ""}}},
	{"fused node count", "It reaches 2x higher goodput on a 64-node testbed.",
		[]w{{"speedup", 2, 0, "x", "", "", 64, ""}}},

	{"spelled duration", "Pretraining completes in two hours on one node.",
		[]w{{"duration", 7200, 0, "s", "", "", 0, ""}}},
	{"a week of runtime", "The campaign finished in just over one week of runtime.",
		[]w{{"duration", 604800, 0, "s", "at_least", "", 0, ""}}},
	{"offline build under a second is duration", "It constructs the BVH of a 2M-triangle scene in about 90 ms.",
		[]w{{"duration", 0.09, 0, "s", "approx", "", 0, ""}}},

	// Baselines after "comparing A to B" and "compared to running on B".
	{"comparing own side to baseline", "The port shows about 12 times overall speedup comparing A100 GPUs to dual-socket EPYC CPUs.",
		[]w{{"speedup", 12, 0, "x", "approx", "NVIDIA A100", 0, "dual-socket EPYC CPUs"}}},
	{"compared to running on", "It reaches a speed-up of 11x compared to running on the CPU alone.",
		[]w{{"speedup", 11, 0, "x", "", "", 0, "CPU alone"}}},
	{"a multiple of the baseline's figure", "It also delivers 2.3x the decode throughput of vLLM when serving 13B models.",
		[]w{{"speedup", 2.3, 0, "x", "", "", 0, "vLLM"}}},
	{"the cost of is no multiple", "It runs 3x faster at the cost of a small accuracy loss.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, ""}}},
	{"comparing without a counterpart is no baseline", "Comparing both layouts, the new solver is 3x faster.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, ""}}},

	// Figures that pair with the nouns of "improvements in A and B".
	{"gains list pairs in order", "We obtain 2.1x and 1.7x improvements in throughput and energy consumption over vLLM.",
		[]w{{"speedup", 2.1, 0, "x", "", "", 0, "vLLM"}, {"reduction_factor", 1.7, 0, "x", "", "", 0, "vLLM"}}},
	{"gains list of one noun pairs nothing", "We obtain 2.1x and 1.7x improvements in throughput on two clusters.",
		[]w{{"speedup", 2.1, 0, "x", "", "", 0, ""}, {"speedup", 1.7, 0, "x", "", "", 0, ""}}},

	// Devices: spellings, fused counts, and a device carried through the abstract.
	{"hyphen-joined device name", "On an RTX-4090, our renderer reaches 240 FPS.",
		[]w{{"fps", 240, 0, "FPS", "", "NVIDIA RTX 4090", 1, ""}}},
	{"hyphen-joined variant", "Decoding runs at 52 tokens/s on an M3-Max laptop.",
		[]w{{"token_throughput", 52, 0, "tokens/s", "", "Apple M3 Max", 1, ""}}},
	{"fpga part number is no figure", "Our accelerator on the Alveo U250 achieves a 3.2x speedup over a CPU.",
		[]w{{"speedup", 3.2, 0, "x", "", "Xilinx Alveo U250", 0, "CPU"}}},
	{"edge board", "Inference takes 41 ms per frame on a Raspberry Pi 4.",
		[]w{{"latency", 0.041, 0, "s", "", "Raspberry Pi 4", 1, ""}}},
	{"count fused to device", "Training sustains 410 TFLOPS per GPU on a 16xB200 cluster.",
		[]w{{"tflops_per_gpu", 410, 0, "TFLOPS", "", "NVIDIA B200", 16, ""}}},
	{"factor before fewer devices is no count", "It matches the baseline with 4x fewer GPUs.",
		[]w{{"reduction_factor", 4, 0, "x", "", "", 0, "*"}}},
	{"dual- as a count", "A dual-FPGA design cuts latency by 38%.",
		[]w{{"improvement_pct", 38, 0, "%", "", "", 2, ""}}},
	{"gpgpus are counted", "We keep 91% weak scaling efficiency up to 12,000 GPGPUs.",
		[]w{{"scaling_efficiency", 91, 0, "%", "", "", 12000, ""}}},
	{"scaling efficiency at the largest scale", "We sustain 88% weak scaling efficiency from a single GPU to 2,048 GPUs.",
		[]w{{"scaling_efficiency", 88, 0, "%", "", "", 2048, ""}}},
	{"other figures keep the nearest count", "On 8 GPUs it is 3x faster than on 64 GPUs with Horovod.",
		[]w{{"speedup", 3, 0, "x", "", "", 8, "*"}}},
	{"second figure names its own count", "It serves a context length of up to 2M tokens on a single H100 and up to 16M on a 4-GPU server.",
		[]w{{"sequence_length", 2e6, 0, "tokens", "up_to", "NVIDIA H100", 1, ""}, {"sequence_length", 16e6, 0, "tokens", "up_to", "", 4, ""}}},
	{"shared device with a count keeps the device", "On H100 GPUs, the kernel runs 2.5x faster on 8 GPUs.",
		[]w{{"speedup", 2.5, 0, "x", "", "NVIDIA H100", 8, ""}}},
	{"single device carries to later rate claims", "We build on a single L40S GPU. The pipeline answers a query in 80 ms and is 3x faster than vLLM.",
		[]w{{"latency", 0.08, 0, "s", "", "NVIDIA L40S", 0, "*"}, {"speedup", 3, 0, "x", "", "NVIDIA L40S", 0, "vLLM"}}},
	{"device does not carry to sizes or scores", "We deploy on a Jetson Orin Nano. The model is 6x smaller and reaches 71.2% accuracy.",
		[]w{{"reduction_factor", 6, 0, "x", "", "", 0, ""}, {"accuracy", 71.2, 0, "%", "", "", 0, ""}}},
	{"two devices carry nothing", "We test on an A100 and on an RTX 3090. The engine is 2x faster than vLLM.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, "vLLM"}}},

	// Exa-scale units.
	{"exaflops per second", "The run sustains 1.2 EF/s on the full machine.",
		[]w{{"aggregate_flops", 1200, 0, "PFLOPS", "", "", 0, ""}}},
}

func TestSentenceRules(t *testing.T) { runRuleCases(t, sentenceCases) }
