package extract

import "testing"

// A subject that only restates the metric takes the abstract's task; a
// subject that names what was measured keeps it; with no task, or two, the
// filler stays.
func TestFillerSubjectTakesTheAbstractsTask(t *testing.T) {
	llm := "We build a scheduler for LLM serving that manages the KV cache across requests. "
	for _, tc := range []struct{ in, want string }{
		{llm + "It achieves a 3x speedup over vLLM.", "LLM inference and serving"},
		{llm + "It gives 2x higher decode throughput than vLLM.", "decode throughput"},
		{"We build a scheduler that manages jobs. It achieves a 3x speedup over Slurm.", "speedup"},
	} {
		got := Extract(tc.in)
		if len(got) != 1 {
			t.Fatalf("%q: got %d claims %s", tc.in, len(got), dump(got))
		}
		if got[0].Subject != tc.want {
			t.Errorf("%q: subject %q, want %q", tc.in, got[0].Subject, tc.want)
		}
	}
}

func TestFillerSubject(t *testing.T) {
	for _, p := range []string{"speedup", "Speedups", "faster", "performance improvement", ""} {
		if !fillerSubject(p) {
			t.Errorf("fillerSubject(%q) = false", p)
		}
	}
	for _, p := range []string{"decode throughput", "training time", "performance", "MPI_Pack latency"} {
		if fillerSubject(p) {
			t.Errorf("fillerSubject(%q) = true", p)
		}
	}
}

// Subjects read past prepositions of circumstance, through "by a factor of"
// and "a reduction of N in X", past model names, and with metric initials
// spelled out. Sentences are written for this test.
func TestSubjectPhrases(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Pruning speeds up ray marching by 3.1x across scenes of the benchmark.", "ray marching"},
		{"The tuner increases the decode throughput by 20% without any accuracy loss.", "decode throughput"},
		{"The kernel accelerates sparse attention by 1.4x under causal masks.", "sparse attention"},
		{"The compiler reduces the energy consumption by a factor of 5.2.", "energy consumption"},
		{"It brings a reduction of up to 60% in GPU memory.", "GPU memory"},
		{"It gives a 3x speedup for graph transformers.", "graph transformers"},
		{"The cache cuts TTFT by 4x.", "time to first token (TTFT)"},
		{"The cache cuts the tail latency by 4x.", "tail latency"},
	} {
		cs := Extract(tc.in)
		if len(cs) != 1 {
			t.Errorf("%q: got %d claims %s", tc.in, len(cs), dump(cs))
			continue
		}
		if cs[0].Subject != tc.want {
			t.Errorf("%q: subject %q, want %q", tc.in, cs[0].Subject, tc.want)
		}
	}
	if modelName("graph transformers") || modelName("Transformers") || !modelName("CogVideoX") {
		t.Error("modelName")
	}
}

// A relative figure in parentheses after an absolute one names the same
// quantity; one that follows nothing absolute keeps its own subject.
func TestParenthesisedFigureTakesTheAnchorsSubject(t *testing.T) {
	cs := Extract("The detector reaches an mAP of 41.2% on the test split (3.1% and 2.4% higher than ModelA and ModelB, respectively).")
	if len(cs) != 3 {
		t.Fatalf("got %d claims %s", len(cs), dump(cs))
	}
	for _, c := range cs[1:] {
		if c.Subject != cs[0].Subject || c.Subject != "mAP" {
			t.Errorf("%s: subject %q, want mAP", c.Text, c.Subject)
		}
	}
	cs = Extract("Our kernels speed up sparse attention (41.5% faster) on long inputs.")
	if len(cs) != 1 || cs[0].Subject != "sparse attention" {
		t.Errorf("got %s", dump(cs))
	}
}

// Adverbs and participles are never a subject, and a subject naming only the
// study ("evaluation") is a filler.
func TestSubjectIsNeverAnAdverb(t *testing.T) {
	for _, tc := range []struct{ in, bad string }{
		{"Our tail latencies are almost 10x lower than the best published ones.", "almost"},
		{"The scheduler keeps the queue time to less than 20% of that required by FIFO.", "less"},
		{"Our tuner ends up performing 15% better than the default.", "performing"},
	} {
		for _, c := range Extract(tc.in) {
			if c.Subject == tc.bad {
				t.Errorf("%q: subject %q", tc.in, c.Subject)
			}
		}
	}
	if !fillerSubject("evaluation") || !fillerSubject("experiments") {
		t.Error("a subject naming the study is a filler")
	}
}
