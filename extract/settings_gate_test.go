package extract

import (
	"os"
	"strings"
	"testing"
)

// TestReaderMaskIsTheGates checks the one-pass mask against each reader's
// gate on every sentence of the corpora and on sentences written for the
// edges of each word: a bit wrongly clear would drop a setting.
func TestReaderMaskIsTheGates(t *testing.T) {
	texts := corpusAbstracts(t)
	for _, f := range []string{"testdata/dev-corpus.jsonl", "testdata/arxiv-corpus.jsonl"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, "fp", "fp8", "int", "int4.", "bs =", "bs=4", "4k", "512 x", "512\u00d7512", "7 b", "7b",
		"1 million", "w16a16", "w4a", "w8a", "e4m3", "e5m2", "ctx", "prompt", "Length", "HD", "720p", "9", "9 ", "binary",
		"ternary", "bit", "tf32", "bf16", "floats", "batch", "bsz", "input", "token", "context", "sequence", "precision", "3*", "3\\", "2 m", "8t")
	n := 0
	for _, a := range texts {
		for _, sp := range settingSentences(a) {
			s := strings.ToLower(a[sp[0]:sp[1]])
			var want uint8
			for r, rd := range readers {
				if rd.gate(s) {
					want |= 1 << r
				}
			}
			if got := readerMask(s); got != want {
				t.Errorf("readerMask(%q) = %05b, gates say %05b", s, got, want)
			}
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d sentences checked", n)
	}
}

// TestGatesPassAfterOddFold: a Kelvin sign is a k to a case-blind pattern,
// so the gates must not rule a pattern out after it.
func TestGatesPassAfterOddFold(t *testing.T) {
	v := sentView{raw: "a 4\u212a display", low: asciiLower("a 4\u212a display"), odd: oddFold("a 4\u212a display")}
	if !v.odd || !v.has("4k") || !v.after("fp") {
		t.Fatalf("gates closed after a Kelvin sign: %+v", v)
	}
	if oddFold("plain ASCII 4K") {
		t.Fatal("oddFold on ASCII")
	}
}
