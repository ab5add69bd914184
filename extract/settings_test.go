package extract

import (
	"strings"
	"testing"
)

// TestSettingsPerClaim checks the comparability keys read around each claim,
// with sentences written for the rules, hard negatives among them.
func TestSettingsPerClaim(t *testing.T) {
	cases := []struct {
		name     string
		abstract string
		want     []Settings // per extracted claim, in order
	}{
		{"each clause its own resolution",
			"Our renderer reaches 30 FPS at 4K and 120 FPS at 8K on one GPU.",
			[]Settings{{Resolution: "4K"}, {Resolution: "8K"}}},
		{"respectively pairs figures and values",
			"Our renderer reaches 30 and 120 FPS at 4K and 1080p, respectively.",
			[]Settings{{Resolution: "4K"}, {Resolution: "1080p"}}},
		{"WxH canonical, with images",
			"It renders at 79.8 FPS for 512 × 512 images.",
			[]Settings{{Resolution: "512x512"}}},
		{"4x speedup is not a resolution",
			"We obtain a 4x speedup over cuBLAS on 4x4 tiles.",
			[]Settings{{}}},
		{"a systolic array is not a resolution",
			"Our 128x128 systolic array delivers 2.5x higher throughput than the baseline.",
			[]Settings{{}}},
		{"4K tokens is not a resolution",
			"X serves requests of 4K tokens with 3x lower latency than vLLM.",
			[]Settings{{}}},
		{"full HD is 1080p",
			"The query overhead is about 2.6 ms on full HD resolution.",
			[]Settings{{Resolution: "1080p"}}},
		{"batch size and the baseline's batch size",
			"Our approach achieves up to 3x throughput improvement at batch size 8 compared to batch size 1.",
			[]Settings{{BatchSize: 8}}},
		{"a batch of papers is not a batch size",
			"We processed a batch of 3 papers and found a 2x speedup over the old pipeline.",
			[]Settings{{}}},
		{"a range of batch sizes is no one batch size",
			"Across batch sizes 1-64 our kernel is 1.8x faster than FlashAttention.",
			[]Settings{{}}},
		{"sequence length with K",
			"ESS delivers 69.4% throughput improvement at 32K context length and up to 123% throughput improvement at 128K.",
			[]Settings{{SeqLen: 32768}, {SeqLen: 131072}}},
		{"token contexts",
			"TeLLMe delivers up to 9 tokens/s throughput over 1,024-token contexts.",
			[]Settings{{SeqLen: 1024}}},
		{"tokens per second is not a sequence length",
			"It generates 30 tokens/s on a laptop.",
			[]Settings{{}}},
		{"model size stated once applies paper-wide",
			"We study inference of a 7B model in INT4. Our kernels run 2.1x faster than llama.cpp on a phone.",
			[]Settings{{Precision: "int4", ModelSize: 7}}},
		{"350M is 0.35 billion",
			"For a 350M parameter model, we observe a 1.5x speedup.",
			[]Settings{{ModelSize: 0.35}}},
		{"names carry their size",
			"On Llama 2-70B, our system reduces memory by 90%.",
			[]Settings{{ModelSize: 70}}},
		{"tokens and operations are not parameters",
			"The model was trained on 2T tokens and needs 4.57B operations, and our method is 3x faster.",
			[]Settings{{}}},
		{"several model sizes in one clause name none",
			"Across Vicuna-7B, Qwen3-8B and GLM-4-9B, our approach achieves a 2x speedup.",
			[]Settings{{}}},
		{"precision of the baseline is not the claim's",
			"HPL-MxP reached an 11.5x speedup over FP64.",
			[]Settings{{Dataset: "HPL-MxP"}}},
		{"single precision is fp32",
			"We present the first over 100 PFLOPS single precision lattice QCD solver.",
			[]Settings{{Precision: "fp32"}}},
		{"mixed precision states a setting we cannot name",
			"We study FP16 training elsewhere. Mixed-precision optimization yields a 5.5x speedup.",
			[]Settings{{}}},
		{"8-bit quantization is int8, an 8-bit MCU is not",
			"With 8-bit quantization the model runs 3x faster. An 8-bit microcontroller reaches 20 FPS.",
			[]Settings{{Precision: "int8"}, {}}},
		{"slash list pairs with a precision list",
			"It reaches 35/67/405 fJ/op (binary, ternary, and 8-bit precision).",
			[]Settings{{}, {}, {Precision: "int8"}}},
		{"named dataset in the sentence",
			"On the SpecBench dataset, our approach achieves a 2.3x speedup.",
			[]Settings{{Dataset: "SpecBench"}}},
		{"two datasets name no one",
			"Evaluations on SIFT1B and DEEP1B traces show 6.72x higher throughput than the baseline.",
			[]Settings{{}}},
		{"a dataset stated in a setup sentence applies paper-wide",
			"We evaluate ZipFlow on the industry-standard benchmark, TPC-H. Overall, ZipFlow achieves a 3.14x speedup.",
			[]Settings{{Dataset: "TPC-H"}}},
		{"a system named like a dataset",
			"This paper introduces C4. C4 has been deployed widely, cutting overhead by roughly 30%.",
			[]Settings{{}}},
		{"an example is not the paper's model",
			"LLMs such as LLaMA-3-70B are costly to serve. COMET achieves a kernel-level speedup of 2.88x.",
			[]Settings{{}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			claims := Extract(tc.abstract)
			if len(claims) != len(tc.want) {
				var got []string
				for _, c := range claims {
					got = append(got, c.Text)
				}
				t.Fatalf("extracted %d claims %q, want %d", len(claims), got, len(tc.want))
			}
			for i, c := range claims {
				if c.Settings != tc.want[i] {
					t.Errorf("claim %d (%q): settings %+v, want %+v", i, c.Text, c.Settings, tc.want[i])
				}
			}
		})
	}
}

// TestSettingsNeverPanic feeds the readers fragments that end mid-pattern.
func TestSettingsNeverPanic(t *testing.T) {
	base := "We reach 30 FPS at 4K and 2x speedup at batch size 8 with a 7B model on TPC-H at 32K context in FP16."
	for i := 0; i <= len(base); i++ {
		readSettings(base[:i], []Claim{{Start: 0, Evidence: base[:i], Text: "30 FPS"}, {Start: i, Text: ""}})
	}
	for _, s := range []string{"", "batch size", "at 4K", "\u2011token", strings.Repeat("1,", 100) + "024-token context"} {
		readSettings(s, []Claim{{Evidence: s}})
	}
}
