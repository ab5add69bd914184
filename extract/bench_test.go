package extract

import (
	"os"
	"strings"
	"testing"
	"time"
)

// corpusAbstracts splits the bundled trending-papers page into paragraphs
// long enough to be abstracts; titles and dates are short lines.
func corpusAbstracts(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile("testdata/trending-papers.txt")
	if err != nil {
		tb.Fatalf("reading corpus: %v", err)
	}
	var out []string
	for _, p := range strings.Split(string(b), "\n\n") {
		if p = strings.TrimSpace(p); len(p) > 300 {
			out = append(out, p)
		}
	}
	return out
}

// BenchmarkExtract reports MB/s of abstract text on one goroutine.
func BenchmarkExtract(b *testing.B) {
	abs := corpusAbstracts(b)
	n := 0
	for _, a := range abs {
		n += len(a)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range abs {
			Extract(a)
		}
	}
}

func TestCorpusInvariants(t *testing.T) {
	abs := corpusAbstracts(t)
	if len(abs) < 70 {
		t.Fatalf("only %d abstracts split from the corpus", len(abs))
	}
	for _, a := range abs {
		checkInvariants(t, a, Extract(a))
	}
}

// TestLongUnpunctuatedInput guards against quadratic time: rules scan
// within a sentence, so a megabyte without a period must still be fast.
func TestLongUnpunctuatedInput(t *testing.T) {
	in := strings.Repeat("our kernel is 3x faster than cuDNN on 8 A100 GPUs and ", 10000)
	start := time.Now()
	cs := Extract(in)
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("%d bytes took %v", len(in), d)
	}
	if len(cs) != 10000 {
		t.Errorf("got %d claims, want 10000", len(cs))
	}
	checkInvariants(t, in, cs)
}
