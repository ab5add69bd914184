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
