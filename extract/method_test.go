package extract

import "testing"

// Sentences of our own: a coined name in the title's prefix or after "we
// present" is the method; a title that opens with a topic or a question,
// or an abstract that names no method, gives none.
func TestMethodName(t *testing.T) {
	for _, c := range []struct{ title, abstract, want string }{
		{"FlashSplat: Rendering at 900 FPS", "We render fast.", "FlashSplat"},
		{"Judge Decoding: Faster Speculative Sampling", "", "Judge Decoding"},
		{"Draft & Verify: Lossless Acceleration", "", "Draft & Verify"},
		{"T-MAC: Table Lookup for Low-Bit LLMs", "", "T-MAC"},
		{"Accelerating NeRFs: Optimizing Radiance Fields", "", ""},
		{"Beyond A Single Cluster: A Survey", "", ""},
		{"Low Latency Datacenter Networking: A Short Survey", "", ""},
		{"How Does It Function? Trends in Serverless", "", ""},
		{"Robust Training Infrastructure at Scale", "We present ByteRobust, a system that trains LLMs.", "ByteRobust"},
		{"Fast GEMM for Quantized Models", "In this paper, we propose a novel kernel called LUTGemm that multiplies faster.", "LUTGemm"},
		{"Transport for Datacenters", "Homa is a new transport protocol for datacenter networks.", "Homa"},
		{"Scaling GNNs", "We present GPU kernels that scale graph neural networks.", ""},
		{"Mobile LLM inference", "We propose OPMASK-based scheduling for NPUs.", ""},
		{"A study of penguin migration", "We present a survey of penguins. Extensive experiments follow.", ""},
	} {
		if got := MethodName(c.title, c.abstract); got != c.want {
			t.Errorf("MethodName(%q, %q) = %q, want %q", c.title, c.abstract, got, c.want)
		}
	}
}
