package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks the contract the app relies on for any input: no
// panic, evidence is input[Start:End] and contains Text, values finite,
// hardware known to LookupHardware.
func FuzzExtract(f *testing.F) {
	for _, tc := range ruleCases {
		f.Add(tc.in)
	}
	for _, s := range []string{
		"", " ", "x", "~", "$\\times$", "sim", "10^", "10^999 tokens", "1e308x", "9,999,999,999,999,999,999x",
		"2.36sim 8.02times", "up to 1.5X-55X", "between 2 and", "0.94 for up to 384 GCDs", "\\", "\\%", "4~ 8 GPUs",
		"(max 47%", "respectively 3x and", "a factor of", "two orders of", "Compared with", "\xff\xfe 3x faster",
		"3.5 × 10^9 tokens/s", "μs ×× ∼∼ 5∼6x", "8x A100 8x", "1,2,3,4x", "..3x", "3..x", "-5x faster", "+",
	} {
		f.Add(s)
	}
	// Over-long sentences are split; make sure the split is exercised.
	f.Add(strings.Repeat("é3x faster ", 300))
	f.Add(strings.Repeat("x", 3000) + " 3x faster")
	f.Fuzz(func(t *testing.T, in string) {
		cs := Extract(in)
		checkInvariants(t, in, cs)
		if utf8.ValidString(in) {
			for _, c := range cs {
				if !utf8.ValidString(c.Text) && c.Text != "" {
					// Text may only split a rune if the input did; valid input gives valid text.
					t.Fatalf("text %q is not valid UTF-8", c.Text)
				}
			}
		}
	})
}
