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
		[]w{{"latency", 1, 0, "s", "up_to", "", 0, ""}}},
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
	// Whole sentences in the style of systems abstracts.
	{"flash style", "FlashAttention trains Transformers faster than existing baselines: 15% end-to-end wall-clock speedup on BERT-large (seq. length 512) compared to the MLPerf 1.1 training speed record, 3x speedup on GPT-2 (seq. length 1K), and 2.4x speedup on long-range arena (seq. length 1K-4K).",
		[]w{{"improvement_pct", 15, 0, "%", "", "", 0, "MLPerf 1.1 training speed record"}, {"speedup", 3, 0, "x", "", "", 0, ""}, {"speedup", 2.4, 0, "x", "", "", 0, ""}}},
	{"object adjective is not prior work", "Our server improves the throughput of popular LLMs by 2-4× with the same latency compared to the state-of-the-art systems, such as Orca.",
		[]w{{"speedup", 2, 4, "x", "", "", 0, "state-of-the-art systems"}}},
	{"mixed factors", "Our evaluations show that the design reduces training cost by 5x and achieves up to 4.5x faster and 9x cheaper inference compared to dense models.",
		[]w{{"reduction_factor", 5, 0, "x", "", "", 0, "dense models"}, {"speedup", 4.5, 0, "x", "up_to", "", 0, "dense models"}, {"reduction_factor", 9, 0, "x", "up_to", "", 0, "dense models"}}},
	{"singular parameter", "The optimizer can train large models of over 100B parameter with super-linear speedup on 400 GPUs, achieving throughput of 15 Petaflops.",
		[]w{{"model_size", 100e9, 0, "params", "at_least", "", 400, ""}, {"aggregate_flops", 15, 0, "PFLOPS", "", "", 400, ""}}},
	{"million parameter hyphens", "Our pipeline trains a 557-million-parameter model and attains a top-1 accuracy of 84.4% on ImageNet-2012.",
		[]w{{"model_size", 557e6, 0, "params", "", "", 0, ""}, {"accuracy", 84.4, 0, "%", "", "", 0, ""}}},
	{"baseline relative clause", "We sustain 15.1 PetaFLOPs with 76% scaling efficiency when compared to a strong single GPU baseline that sustains 39 TeraFLOPs, which is 30% of peak FLOPs.",
		[]w{{"aggregate_flops", 15.1, 0, "PFLOPS", "", "", 0, "single GPU baseline"}, {"scaling_efficiency", 76, 0, "%", "", "", 0, "*"}}},
	{"from to", "Our technique reduces the memory footprint from 80 GB to 24 GB.", []w{{"memory", 24, 0, "GB", "", "", 0, "80 GB"}}},
	{"accuracy loss is a cost", "Our quantization runs 2x faster with only 0.1% accuracy loss.", []w{{"speedup", 2, 0, "x", "", "", 0, ""}}},
	{"average and up to", "We obtain speedups of 1.5x on average and up to 3x.",
		[]w{{"speedup", 1.5, 0, "x", "average", "", 0, ""}, {"speedup", 3, 0, "x", "up_to", "", 0, ""}}},
	{"own cue beats list", "Our system achieves 2.7x lower latency and 1.9x higher throughput than vLLM.",
		[]w{{"reduction_factor", 2.7, 0, "x", "", "", 0, "vLLM"}, {"speedup", 1.9, 0, "x", "", "", 0, "vLLM"}}},
	{"1T and 1,024", "We are the first to train a 1T parameter model on a cluster of 1,024 A100 GPUs.",
		[]w{{"model_size", 1e12, 0, "params", "", "NVIDIA A100", 1024, ""}}},
	{"mfu", "Our kernels achieve 163 TFLOPs/GPU and an MFU of 55%.",
		[]w{{"tflops_per_gpu", 163, 0, "TFLOPS", "", "", 0, ""}, {"peak_fraction", 55, 0, "%", "", "", 0, ""}}},
	{"token adjective", "We support a 100K-token context and up to 10× longer sequences.",
		[]w{{"sequence_length", 100000, 0, "tokens", "", "", 0, ""}, {"capacity_factor", 10, 0, "x", "up_to", "", 0, ""}}},
	{"duration vs latency", "We save 2.1 TB of memory and finish training within 5 minutes.",
		[]w{{"other", 2100, 0, "GB", "", "", 0, ""}, {"duration", 300, 0, "s", "up_to", "", 0, ""}}},
	{"two thans", "Experiments show that our method is 12.5% faster than Megatron and 30% faster than DeepSpeed.",
		[]w{{"improvement_pct", 12.5, 0, "%", "", "", 0, "Megatron"}, {"improvement_pct", 30, 0, "%", "", "", 0, "DeepSpeed"}}},
	{"fold improvement", "This represents a 3.2-fold improvement over the previous record.",
		[]w{{"speedup", 3.2, 0, "x", "", "", 0, "previous record"}}},
	{"images per second", "The system achieves a throughput of 2,500 images/s on 8 GPUs.",
		[]w{{"throughput", 2500, 0, "images/s", "", "", 8, ""}}},
	{"hyphen count", "With 4-bit quantization, our engine serves a 70B model at 12 tokens/s on a single RTX 4090.",
		[]w{{"token_throughput", 12, 0, "tokens/s", "", "NVIDIA RTX 4090", 1, ""}}},
	{"recent prior", "Recent LLMs support context windows of 128K tokens.", nil},
	{"hardware spec", "NVIDIA A100 GPUs offer up to 312 TFLOPS of compute.", nil},
	{"flops count", "Training GPT-3 175B required 3.14e23 FLOPs.", nil},
	{"model has params", "Large models like GPT-3 have 175 billion parameters.", nil},
	{"from range factor", "Our compiler yields speedups ranging from 1.2x to 3.4x over TVM.",
		[]w{{"speedup", 1.2, 3.4, "x", "", "", 0, "TVM"}}},
	{"twice", "Our decoder is twice as fast as the reference implementation.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},
	{"saves percent of", "Pruning saves 40% of the activation memory.",
		[]w{{"improvement_pct", 40, 0, "%", "", "", 0, ""}}},
	{"end-to-end latency", "We achieve an end-to-end latency of 2.1 s per request.",
		[]w{{"latency", 2.1, 0, "s", "", "", 0, ""}}},
	{"tpu pod slice", "Training on TPU v3-512 pods is 2.2x faster.",
		[]w{{"speedup", 2.2, 0, "x", "", "Google TPU v3", 0, ""}}},
	{"plural device", "A server with 8 A100s runs our model 3x faster.",
		[]w{{"speedup", 3, 0, "x", "", "NVIDIA A100", 8, ""}}},
	{"greater than tilde", "The viewer keeps real-time rates (>30 FPS) on a laptop.",
		[]w{{"fps", 30, 0, "FPS", "at_least", "", 0, ""}}},
	{"overhead is a cost", "Tracing incurs less than 1% overhead.", nil},
	{"captured footage", "We captured 8K video at 60 fps with a rig of 16 cameras.", nil},
	{"odd tokens", "We study 2:4 sparsity, 24/7 services, 5G links, x86 CPUs and COVID-19 data.", nil},
	{"under qualifier", "Our method renders at 100+ FPS at 1080p resolution and trains in under 30 minutes on a single GPU.",
		[]w{{"fps", 100, 0, "FPS", "at_least", "", 1, ""}, {"duration", 1800, 0, "s", "up_to", "", 1, ""}}},
	{"digit-initial baseline name", "Compared to 3DGS, we reduce storage by 10x while improving PSNR by 0.5 dB.",
		[]w{{"reduction_factor", 10, 0, "x", "", "", 0, "3DGS"}, {"other", 0.5, 0, "dB", "", "", 0, "3DGS"}}},
	{"exaflops on summit", "The code scales to 27,648 GPUs on Summit, achieving 1.1 EFLOPS in mixed precision.",
		[]w{{"aggregate_flops", 1100, 0, "PFLOPS", "", "OLCF Summit", 27648, ""}}},
	{"points gain", "On the ScanNet dataset, our method improves mIoU by 3.1 points over the previous best.",
		[]w{{"other", 3.1, 0, "pp", "", "", 0, "previous best"}}},
	{"points count", "Our renderer handles 2 points per pixel.", nil},
	{"memory size is not a count", "We finetune a 65B parameter model on a single 48GB GPU.",
		[]w{{"model_size", 65e9, 0, "params", "", "", 1, ""}}},
	{"device after baseline is shared", "Our method achieves 2x-3x higher throughput than FasterTransformer on A100 GPUs.",
		[]w{{"speedup", 2, 3, "x", "", "NVIDIA A100", 0, "FasterTransformer"}}},
	{"bandwidth and peak", "Our kernel reaches 140 GB/s, or 85% of the theoretical memory bandwidth.",
		[]w{{"bandwidth", 140, 0, "GB/s", "", "", 0, ""}, {"peak_fraction", 85, 0, "%", "", "", 0, ""}}},
	{"provides is not a spec without hardware", "The system provides a 25% to 40% reduction in job completion time.",
		[]w{{"improvement_pct", 25, 40, "%", "", "", 0, ""}}},
	{"number word range", "It runs 5 to 10 times faster than the original implementation.",
		[]w{{"speedup", 5, 10, "x", "", "", 0, "original implementation"}}},
	{"orders digits", "Our method is 3 orders of magnitude faster than traditional solvers.",
		[]w{{"speedup", 1000, 0, "x", "approx", "", 0, "traditional solvers"}}},
	{"shared unit in list", "We reach more than 1 and 2 TFLOPS on one node with 1 and 2 GPUs respectively.",
		[]w{{"tflops_per_gpu", 1, 0, "TFLOPS", "at_least", "", 1, ""}, {"tflops_per_gpu", 2, 0, "TFLOPS", "at_least", "", 2, ""}}},
	{"context adjective", "Our runtime enables 128K-context inference for a 70B model on a single laptop.",
		[]w{{"sequence_length", 128000, 0, "tokens", "", "", 0, ""}}},
	{"double scraped times", "Our codec needs 10-20×\\times less memory than the baseline.",
		[]w{{"reduction_factor", 10, 20, "x", "", "", 0, "baseline"}}},
	{"tab-eaten times", "Our renderer accelerates rendering by $6.71\times$ across scenes.", // the "\t" of "\times" read as a tab
		[]w{{"speedup", 6.71, 0, "x", "", "", 0, ""}}},
	{"imes residue", "Our renderer accelerates rendering by 6.71 imes across scenes.",
		[]w{{"speedup", 6.71, 0, "x", "", "", 0, ""}}},
	{"lost times sign", "We obtain a 3.29 training acceleration compared with the previous best method.",
		[]w{{"speedup", 3.29, 0, "x", "", "", 0, "previous best method"}}},
	{"lost times range", "The framework generalises, delivering 2-6 training acceleration across tasks.",
		[]w{{"speedup", 2, 6, "x", "", "", 0, ""}}},
	{"more than an order", "We reduce memory by more than an order of magnitude.",
		[]w{{"reduction_factor", 10, 0, "x", "at_least", "", 0, ""}}},
	{"bare number before plural noun", "We combine 4 acceleration techniques.", nil},
	{"generation time is latency", "Our pipeline achieves high-fidelity 3D content generation in only 10 seconds.",
		[]w{{"latency", 10, 0, "s", "", "", 0, ""}}},
	{"pruning time is duration", "Our method prunes the largest models in under 4.5 hours.",
		[]w{{"duration", 16200, 0, "s", "up_to", "", 0, ""}}},
	{"nodes of a supercomputer", "We demonstrate weak scaling to 9,408 nodes of Frontier with 85% parallel efficiency.",
		[]w{{"scaling_efficiency", 85, 0, "%", "", "OLCF Frontier", 9408, ""}}},
	{"compression ratio", "Our codec reaches a compression ratio of 20 on average.",
		[]w{{"reduction_factor", 20, 0, "x", "average", "", 0, ""}}},
	{"ratio colon", "The scheme achieves 15:1 compression of the KV cache.",
		[]w{{"reduction_factor", 15, 0, "x", "", "", 0, ""}}},
	{"more adjective", "Our accelerator is 2.4x more energy-efficient than the GPU baseline.",
		[]w{{"other", 2.4, 0, "x", "", "", 0, "GPU baseline"}}},
	{"more adjective speed", "Our accelerator is 2.4x more responsive than the GPU baseline.",
		[]w{{"speedup", 2.4, 0, "x", "", "", 0, "GPU baseline"}}},
	{"display rate", "The headset uses a 90 Hz display.", nil},
	{"requests per second", "Our server handles 12,000 requests per second.",
		[]w{{"throughput", 12000, 0, "requests/s", "", "", 0, ""}}},
	{"tokens per gpu", "We reach 3,100 tokens/s/GPU during training.",
		[]w{{"token_throughput", 3100, 0, "tokens/s", "", "", 0, ""}}},
	{"seconds per iteration", "Our step time is 1.2 s/iter on 64 GPUs.",
		[]w{{"latency", 1.2, 0, "s", "", "", 64, ""}}},
	{"iterations per second", "The sampler runs at 4.5 it/s on a single RTX 3060.",
		[]w{{"throughput", 4.5, 0, "iterations/s", "", "NVIDIA RTX 3060", 1, ""}}},
	{"tenfold", "We observe a tenfold reduction in memory traffic.",
		[]w{{"reduction_factor", 10, 0, "x", "", "", 0, ""}}},
	{"manifold is not a factor", "Points lie on a manifold of dimension 3.", nil},
	{"baseline figure then agent", "Reconstruction takes 20 minutes on a single A100, compared to 12 hours for NeRF.",
		[]w{{"duration", 1200, 0, "s", "", "NVIDIA A100", 1, "NeRF"}}},
	{"training setup time", "The model is trained on 8 NVIDIA A100 (80GB) GPUs for 2 days.", nil},
	{"fvd score", "We achieve an FVD of 120, outperforming the previous best of 180.",
		[]w{{"accuracy", 120, 0, "score", "", "", 0, "previous best"}}},
	{"change in time", "Our approach speeds up inference by 3.4x, from 10.2 s to 3.0 s per image.",
		[]w{{"speedup", 3.4, 0, "x", "", "", 0, ""}, {"latency", 3, 0, "s", "", "", 0, "10.2 s"}}},
	{"hardware per statement", "On an A100, our kernel is 2x faster; on an H100, it is 3x faster.",
		[]w{{"speedup", 2, 0, "x", "", "NVIDIA A100", 1, ""}, {"speedup", 3, 0, "x", "", "NVIDIA H100", 1, ""}}},
	{"anaphoric baseline", "Our allocator is 3x faster than jemalloc. This translates into a 1.4x speedup for the whole application.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, "jemalloc"}, {"speedup", 1.4, 0, "x", "", "", 0, "jemalloc"}}},
	{"no anaphora, no baseline", "Our allocator is 3x faster than jemalloc. The whole application runs 1.4x faster.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, "jemalloc"}, {"speedup", 1.4, 0, "x", "", "", 0, ""}}},
	{"a million tokens", "Our engine processes a million tokens per second on 8 GPUs.",
		[]w{{"token_throughput", 1e6, 0, "tokens/s", "", "", 8, ""}}},
	{"plural scale is not a number", "Models now have billions of parameters and see trillions of tokens.", nil},
	{"efficiency after fraction", "Our system achieves 0.95 parallel efficiency at 4,096 GPUs.",
		[]w{{"scaling_efficiency", 95, 0, "%", "", "", 4096, ""}}},
	{"model size in MB", "The compressed model is 4.3 MB, 50x smaller than the original 215 MB model.",
		[]w{{"other", 4.3, 0, "MB", "", "", 0, ""}, {"reduction_factor", 50, 0, "x", "", "", 0, "original"}}},
	{"tpu chips and minutes", "Using our optimizer, we train BERT in 76 minutes on 1024 TPUv3 chips.",
		[]w{{"duration", 4560, 0, "s", "", "Google TPU v3", 1024, ""}}},
	{"mfu change", "Our runtime improves MFU from 35% to 52% on 512 H100 GPUs.",
		[]w{{"peak_fraction", 52, 0, "%", "", "NVIDIA H100", 512, "35%"}}},
	{"dataset hours", "The dataset contains over 100K videos totaling 500 hours.", nil},
	{"prior work named after", "It takes about 3 hours to optimize each scene with prior methods.", nil},
	{"prior work after comparison keeps", "Our method converges 6x faster than prior methods.",
		[]w{{"speedup", 6, 0, "x", "", "", 0, "prior methods"}}},
	{"orders fewer", "Our approach uses 2 orders of magnitude fewer parameters than NeRF.",
		[]w{{"reduction_factor", 100, 0, "x", "approx", "", 0, "NeRF"}}},
	{"single image latency", "Given a single image, our method produces a 3D mesh in 2 seconds.",
		[]w{{"latency", 2, 0, "s", "", "", 0, ""}}},
	{"sizes list", "We release 3 model sizes: 1B, 3B and 8B.", nil},
	{"respective devices", "We reach 120 and 240 FPS on RTX 3090 and RTX 4090 GPUs, respectively.",
		[]w{{"fps", 120, 0, "FPS", "", "NVIDIA RTX 3090", 0, ""}, {"fps", 240, 0, "FPS", "", "NVIDIA RTX 4090", 0, ""}}},
	{"if any is not hypothetical", "With little, if any, accuracy change, our kernel is 2x faster.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},
	{"percent of linear", "Training scales to 2,048 GPUs at 92% of linear scaling.",
		[]w{{"scaling_efficiency", 92, 0, "%", "", "", 2048, ""}}},
	{"from after to", "Our scheduler reduces latency to 35 ms from 120 ms.",
		[]w{{"latency", 0.035, 0, "s", "", "", 0, ""}}},
	{"unlike previous", "Unlike previous methods, the renderer reaches 90 FPS on a laptop.",
		[]w{{"fps", 90, 0, "FPS", "", "", 0, ""}}},
	{"latex sci notation", "Our pipeline processes 3$\\times$10$^{9}$ tokens per second.",
		[]w{{"token_throughput", 3e9, 0, "tokens/s", "", "", 0, ""}}},
	{"latex double dash range", "It is 2.5$\\times$--3$\\times$ faster than the reference.",
		[]w{{"speedup", 2.5, 3, "x", "", "", 0, "reference"}}},
	{"texttimes", "It is 1.5{\\texttimes} faster.", []w{{"speedup", 1.5, 0, "x", "", "", 0, ""}}},
	{"cost drops", "With our cache, tail latency drops by 30%.",
		[]w{{"improvement_pct", 30, 0, "%", "", "", 0, ""}}},
	{"elliptical list shares baseline", "Our kernel achieves up to 1.8x speedup over cuDNN on ResNet-50 and 1.3x on BERT-Large.",
		[]w{{"speedup", 1.8, 0, "x", "up_to", "", 0, "cuDNN"}, {"speedup", 1.3, 0, "x", "up_to", "", 0, "cuDNN"}}},
	{"psnr drop", "The model size shrinks from 1.2 GB to 45 MB with a 0.2 dB PSNR drop.",
		[]w{{"other", 45, 0, "MB", "", "", 0, "1.2 GB"}}},
	{"prior clause in own sentence", "While existing systems reach only 30% utilization, ours reaches 70%.",
		[]w{{"peak_fraction", 70, 0, "%", "", "", 0, ""}}},
	{"improving existing systems", "We improve existing systems' throughput by 2x.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},
	{"gpu as adjective", "On a GPU cluster, our scheduler cuts job completion time by 25%.",
		[]w{{"improvement_pct", 25, 0, "%", "", "", 0, ""}}},
	{"fused counts", "On a single-GPU setup our decoder reaches 45 tokens/s, and 310 tokens/s on an 8-GPU server.",
		[]w{{"token_throughput", 45, 0, "tokens/s", "", "", 1, ""}, {"token_throughput", 310, 0, "tokens/s", "", "", 8, ""}}},
	{"unknown device slot", "It renders at 210 FPS on an RTX 4090 and 35 FPS on a Snapdragon phone, matching the PSNR of the teacher within 0.3 dB.",
		[]w{{"fps", 210, 0, "FPS", "", "NVIDIA RTX 4090", 1, ""}, {"fps", 35, 0, "FPS", "", "", 0, ""}}},
	{"comparative analysis against", "Comparative analysis against GPT-3.5, using a new benchmark, shows that our model reaches up to 0.8 accuracy.",
		[]w{{"accuracy", 0.8, 0, "score", "up_to", "", 0, "GPT-3.5"}}},
	{"robust against is not a baseline", "Robust against noise, our tracker runs at 40 FPS.",
		[]w{{"fps", 40, 0, "FPS", "", "", 0, ""}}},
	{"unicode superscript exponent", "Our engine processes 3.5×10⁹ tokens per second.",
		[]w{{"token_throughput", 3.5e9, 0, "tokens/s", "", "", 0, ""}}},
	// Statements whose subject is the system rather than "we" (prior-work cue
	// words only count in the figure's own statement).
	{"named system requires only", "TinyServe requires only 9 GB of GPU memory.",
		[]w{{"memory", 9, 0, "GB", "", "", 0, ""}}},
	{"requires fewer", "The proposed codec requires an order of magnitude fewer bytes than zstd.",
		[]w{{"reduction_factor", 10, 0, "x", "approx", "", 0, "zstd"}}},
	{"requires in second conjunct", "BoltTrain converges 2.1x faster and requires 40% fewer steps.",
		[]w{{"speedup", 2.1, 0, "x", "", "", 0, ""}, {"improvement_pct", 40, 0, "%", "", "", 0, ""}}},
	{"however with speedup", "However, QuickFFT still achieves a 1.7x speedup over FFTW.",
		[]w{{"speedup", 1.7, 0, "x", "", "", 0, "FFTW"}}},
	{"however with faster", "However, with our cache, decoding is 25% faster.",
		[]w{{"improvement_pct", 25, 0, "%", "", "", 0, ""}}},
	{"however limitation", "However, the training of such models takes 8 hours.", nil},
	{"contrast while", "Current engines typically reach only 35% GPU utilization, while PipeStorm reaches 80%.",
		[]w{{"peak_fraction", 80, 0, "%", "", "", 0, "*"}}},
	{"must then result", "A trading engine must process 50,000 orders per second; ours achieves 3x higher throughput than Flink.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, "Flink"}}},
	{"target then result", "The target of 5 ms latency is met: the engine answers in 3.2 ms.",
		[]w{{"latency", 0.0032, 0, "s", "", "", 0, ""}}},
	{"introduced name", "We present Kestrel, a serving engine. Kestrel typically needs 30% less memory than vLLM.",
		[]w{{"improvement_pct", 30, 0, "%", "", "", 0, "vLLM"}}},
	{"requires devices is status quo", "Training such a model requires 512 A100 GPUs for a month.", nil},
	{"generic acronym is not a system", "LLMs typically require 80 GB of memory.", nil},
	// Number and unit forms.
	{"speedup of bare number", "The parallel solver achieves a speedup of 23.4 over the serial code.",
		[]w{{"speedup", 23.4, 0, "x", "", "", 0, "serial code"}}},
	{"frames per sec slash", "The viewer renders at 75 frames/sec.", []w{{"fps", 75, 0, "FPS", "", "", 0, ""}}},
	{"bare B model", "Our system trains a 340B model on 2,048 GPUs.",
		[]w{{"model_size", 340e9, 0, "params", "", "", 2048, ""}}},
	{"bare B model on one gpu", "With 3-bit weights, our runtime fits a 70B model on a single 24GB GPU.",
		[]w{{"model_size", 70e9, 0, "params", "", "", 1, ""}}},
	{"named model size is a name", "Based on Falcon 40B model weights, we obtain a 1.8x speedup.",
		[]w{{"speedup", 1.8, 0, "x", "", "", 0, ""}}},
	{"bare model size is a setting", "Our engine needs only 20 GB of GPU memory to serve a 34B model.",
		[]w{{"memory", 20, 0, "GB", "", "", 0, ""}}},
	{"laptop spec", "It runs a 7B model on a laptop with 8 GB RAM at 15 tokens/s.",
		[]w{{"token_throughput", 15, 0, "tokens/s", "", "", 0, ""}}},
	{"fused count node", "Training takes 40 minutes on a 16-GPU node.",
		[]w{{"duration", 2400, 0, "s", "", "", 16, ""}}},
	// Percentages that are not gains.
	{"within tolerance", "Our scheme improves throughput by 2x while keeping accuracy within 0.5% of the full-precision model.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},
	{"within peak", "The kernels run within 8% of peak memory bandwidth.",
		[]w{{"peak_fraction", 92, 0, "%", "at_least", "", 0, ""}}},
	{"percent overhead", "The monitor incurs a 3% overhead.", nil},
	{"percent cheaper", "Our service is 35 percent cheaper than the on-demand baseline.",
		[]w{{"improvement_pct", 35, 0, "%", "", "", 0, "on-demand baseline"}}},
	{"from to level", "Prefetching raises the cache hit rate from 52% to 81%.",
		[]w{{"other", 81, 0, "%", "", "", 0, "52%"}}},
	{"energy efficiency", "The design delivers 3.1 times higher energy efficiency than the CPU.",
		[]w{{"other", 3.1, 0, "x", "", "", 0, "CPU"}}},
	{"unlike baseline", "Unlike earlier engines, RapidKV delivers 2.5x higher throughput on 8 L40S GPUs.",
		[]w{{"speedup", 2.5, 0, "x", "", "NVIDIA L40S", 8, "earlier engines"}}},
	// Times, qualifiers and costs.
	{"sub-second is latency", "Our pipeline finishes preprocessing in 0.5 seconds.",
		[]w{{"latency", 0.5, 0, "s", "", "", 0, ""}}},
	{"per query is latency", "The engine completes each query in 1.5 seconds.",
		[]w{{"latency", 1.5, 0, "s", "", "", 0, ""}}},
	{"less than one second", "It answers every question in less than 1 second.",
		[]w{{"latency", 1, 0, "s", "up_to", "", 0, ""}}},
	{"at most", "The controller responds in at most 80 ms.",
		[]w{{"latency", 0.08, 0, "s", "up_to", "", 0, ""}}},
	{"qualifier words are not cues", "Our planner achieves more than 2x, nearly 3x and ~4x higher throughput than A, B and C.",
		[]w{{"speedup", 2, 0, "x", "at_least", "", 0, "*"}, {"speedup", 3, 0, "x", "approx", "", 0, "*"}, {"speedup", 4, 0, "x", "approx", "", 0, "*"}}},
	{"overhead subject", "The overhead of our tracing is below 2%.", nil},
	{"overhead reduced", "Our runtime reduces the overhead by 30%.",
		[]w{{"improvement_pct", 30, 0, "%", "", "", 0, ""}}},
	// Devices after "than": the baseline's only inside its phrase.
	{"count after baseline conjunct", "Our solver is 2x faster than PETSc and scales to 512 GPUs.",
		[]w{{"speedup", 2, 0, "x", "", "", 512, "PETSc"}}},
	{"count inside baseline phrase", "Our solver is 6x faster than running on a single GPU.",
		[]w{{"speedup", 6, 0, "x", "", "", 0, "*"}}},
	{"named system after baseline", "The solver is 37% faster than PETSc and uses 2.3 times less memory on 64 nodes of Summit.",
		[]w{{"improvement_pct", 37, 0, "%", "", "OLCF Summit", 64, "PETSc"}, {"reduction_factor", 2.3, 0, "x", "", "OLCF Summit", 64, "*"}}},
	// "over": a baseline or a span.
	{"over previous work", "Our kernel gives a 1.4x speedup over previous work.",
		[]w{{"speedup", 1.4, 0, "x", "", "", 0, "previous work"}}},
	{"over a single gpu", "We obtain a 7.5x speedup over a single GPU.",
		[]w{{"speedup", 7.5, 0, "x", "", "", 0, "single GPU"}}},
	{"over the state of the art", "Our parser is 2x faster over the state of the art.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, "state"}}},
	{"over a range of", "Our cache cuts latency by 3x over a broad range of workloads.",
		[]w{{"reduction_factor", 3, 0, "x", "", "", 0, ""}}},
	{"over the course of", "Our optimizer converges 1.5x faster over the course of training.",
		[]w{{"speedup", 1.5, 0, "x", "", "", 0, ""}}},
	{"over all", "Our compiler is 1.3x faster over all benchmarks.",
		[]w{{"speedup", 1.3, 0, "x", "", "", 0, ""}}},
	// History of the field.
	{"since year", "Since 2018, training throughput has grown 20x.", nil},
	{"in recent years", "In recent years, accelerators became 10x faster.", nil},
	{"during the past", "During the past decade, peak FLOPS rose by 100x.", nil},
	{"in the last stage", "In the last stage, FooPipe runs 3x faster.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, ""}}},
	// Model sizes as settings; start points behind qualifiers.
	{"requirements of finetuning", "Our method reduces the memory requirements of finetuning a 33B parameter model from more than 500GB of GPU memory to less than 30GB.",
		[]w{{"memory", 30, 0, "GB", "up_to", "", 0, ""}}},
	{"bare size not object of training verb", "We show that a 7B model distilled with our method matches a 30B model.", nil},
	{"days to hours", "End-to-end training time is reduced from 10 days to 20 hours.",
		[]w{{"duration", 72000, 0, "s", "", "", 0, "10 days"}}},
	// Contrasts and expectations.
	{"contrasted bare factor", "Prior systems typically achieve 1.5x speedups; our design achieves 2.8x.",
		[]w{{"speedup", 2.8, 0, "x", "", "", 0, ""}}},
	{"expected speedup", "We expect a 2x speedup on next-generation hardware.", nil},
	{"whereas own", "The existing implementation takes 40 minutes, whereas ours takes 3 minutes.",
		[]w{{"duration", 180, 0, "s", "", "", 0, ""}}},
	{"but coined subject", "Existing systems like Megatron-LM achieve only 40% MFU, but MegaScale reaches 55.2% MFU on 12,288 GPUs.",
		[]w{{"peak_fraction", 55.2, 0, "%", "", "", 12288, ""}}},
	{"versioned model name is not the system", "However, LLaMA-65B takes 3 hours per epoch.", nil},
	// Baseline phrases.
	{"named model served by", "Compared with OPT 66B served by DeepSpeed-Inference, our engine cuts latency by 1.7x.",
		[]w{{"reduction_factor", 1.7, 0, "x", "", "", 0, "OPT 66B served by DeepSpeed-Inference"}}},
	{"fused count in baseline", "Compared to the 4-GPU baseline, our method is 3.5x faster.",
		[]w{{"speedup", 3.5, 0, "x", "", "", 0, "4-GPU baseline"}}},
	{"unlike after", "Our system sustains 3x higher throughput, unlike DeepSpeed.",
		[]w{{"speedup", 3, 0, "x", "", "", 0, "DeepSpeed"}}},
	{"score gain", "Our model outperforms the baseline by 1.2 BLEU.",
		[]w{{"other", 1.2, 0, "BLEU", "", "", 0, "baseline"}}},
	{"share of requests", "With our scheduler, 90% of the requests finish within 2 seconds.",
		[]w{{"latency", 2, 0, "s", "up_to", "", 0, ""}}},
	{"other coined name after introduction", "We present PagedKV. Today, vLLM typically takes 3 hours to load a model.", nil},
	// Adapted from a reviewer's set of realistic sentences.
	{"review unlike coined", "Unlike prior systems, HydraServe delivers 4x higher throughput on 16 L40S GPUs.",
		[]w{{"speedup", 4, 0, "x", "", "NVIDIA L40S", 16, "prior systems"}}},
	{"review respectively devices", "FooKV achieves 3.5x and 2.8x speedups on A100 and H100 GPUs, respectively.",
		[]w{{"speedup", 3.5, 0, "x", "", "NVIDIA A100", 0, ""}, {"speedup", 2.8, 0, "x", "", "NVIDIA H100", 0, ""}}},
	{"review from to one claim", "The allocator reduces peak memory from 80 GB to 24 GB.",
		[]w{{"memory", 24, 0, "GB", "", "", 0, "80 GB"}}},
	{"review gpu count range", "Foo achieves 98.2% scaling efficiency when moving from 8 to 512 GPUs.",
		[]w{{"scaling_efficiency", 98.2, 0, "%", "", "", 0, ""}}},
	{"size in a setting", "We study attention sparsity in a 175B model.", nil},
	{"size like a name", "Serving models like a 175B model is costly.", nil},
	{"named size before model", "We fine-tune the Llama-2 7B model in 3 hours.",
		[]w{{"duration", 10800, 0, "s", "", "", 0, ""}}},
	{"contrasted prior figure", "Megatron-LM achieves 52% MFU on 3072 GPUs, while our system reaches 60%.",
		[]w{{"peak_fraction", 60, 0, "%", "", "", 3072, ""}}},
	{"contrast of different kinds keeps both", "Our system reaches 60% MFU, while memory use drops by 30%.",
		[]w{{"peak_fraction", 60, 0, "%", "", "", 0, ""}, {"improvement_pct", 30, 0, "%", "", "", 0, ""}}},
	{"example of the problem", "Large language models require hundreds of GBs of memory, e.g., GPT-3 needs 350 GB.", nil},
	{"requires after bare size", "Serving a 175B model requires 5 A100 GPUs.", nil},
	{"participial while keeps the modality", "The service must sustain 1M queries per second while keeping latency under 10 ms.", nil},
	{"participial while own", "We achieve 93.1% top-1 accuracy while using 40% fewer FLOPs.",
		[]w{{"accuracy", 93.1, 0, "%", "", "", 0, ""}, {"improvement_pct", 40, 0, "%", "", "", 0, ""}}},
	// Hard negatives: none of these is a claim of the paper.
	{"percent slower", "The checked build is 5% slower than the release build.", nil},
	{"more cost", "The naive variant needs 2x more memory and has 1.5x higher latency.", nil},
	{"hardware fact", "GPUs are 10x faster than CPUs for dense matrix multiplication.", nil},
	{"hardware fact named", "NVIDIA H100 GPUs deliver 3x higher throughput than A100 GPUs.", nil},
	{"trend have increased", "Model sizes have increased by 1000x in five years.", nil},
	{"device not subject", "On A100 GPUs, FlashAttention is 3x faster than the PyTorch baseline.",
		[]w{{"speedup", 3, 0, "x", "", "NVIDIA A100", 0, "PyTorch baseline"}}},
	{"frame count and rate", "The generator produces 16 frames at 8 fps.", nil},
	{"accuracy drop", "Top-1 accuracy drops by only 0.3% after quantization.", nil},
	{"upsampling factor", "We apply 4x upsampling and a 2x2 grid.", nil},
	{"bare score", "Our model reaches a CLIP score of 31.2 and an FID of 9.8.",
		[]w{{"accuracy", 31.2, 0, "score", "", "", 0, ""}, {"accuracy", 9.8, 0, "score", "", "", 0, ""}}},
	{"hyperparameters", "We use a batch size of 32, a learning rate of 0.001 and 50 denoising steps at 1024 × 1024.", nil},
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

// TestRespectivelySubjects maps listed nouns onto listed figures, before
// or after the figures, with parenthesised companions sharing them.
func TestRespectivelySubjects(t *testing.T) {
	got := Extract("Our method reduces the communication volume and overhead by up to 22.89x and 27.21x (on average 8.69x and 11.60x), respectively.")
	want := []string{"communication volume", "overhead", "communication volume", "overhead"}
	if len(got) != len(want) {
		t.Fatalf("got %s", dump(got))
	}
	for i, c := range got {
		if c.Subject != want[i] {
			t.Errorf("claim %d subject %q, want %q", i, c.Subject, want[i])
		}
	}
}

func TestRules(t *testing.T) { runRuleCases(t, ruleCases) }

func runRuleCases(t *testing.T, cases []struct {
	name string
	in   string
	want []w
}) {
	t.Helper()
	for _, tc := range cases {
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
		if _, ok := LookupMetric(c.Metric); !ok {
			t.Fatalf("claim %d: metric %q not in vocabulary", i, c.Metric)
		}
		if c.Hardware != "" {
			if _, ok := LookupHardware(c.Hardware); !ok {
				t.Fatalf("claim %d: hardware %q unknown to LookupHardware", i, c.Hardware)
			}
		}
	}
}
