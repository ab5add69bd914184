package views

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"an additional 10sim100times speed-up":    "an additional 10–100× speed-up",
		"achieved 13.7times and 3.0times maximum": "achieved 13.7× and 3.0× maximum",
		`up to $10\times$ faster`:                 "up to 10× faster",
		`a $3.5\%$ gain at $\sim$ 2^{10} tokens`:  "a 3.5% gain at ~ 2^10 tokens",
		"three times faster":                      "three times faster",
		"  spaced\n out ":                         "spaced out",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEvidenceContext(t *testing.T) {
	abs := "We propose X. It renders at 27Hz on an RTX 3090, e.g. at res. 1080p as in Fig. 3, and trains in 1 h. Other text."
	start := len("We propose X. It renders at ")
	end := start + len("27Hz")
	got := EvidenceContext(abs, start, end, "27Hz")
	want := "It renders at 27Hz on an RTX 3090, e.g. at res. 1080p as in Fig. 3, and trains in 1 h."
	if got != want {
		t.Fatalf("context = %q, want %q", got, want)
	}
	// Offsets that do not fit fall back to the evidence, cleaned.
	if got := EvidenceContext("short", 10, 20, "13.7times"); got != "13.7×" {
		t.Fatalf("fallback = %q", got)
	}
}

// The claim page's sentence must not end at "e.g.", "res." or "Fig.".
func TestSentenceAround(t *testing.T) {
	abs := "Prior work is slow. We render e.g. scenes at res. 1080p in 27Hz as Fig. 3 shows, 10sim100times faster. Next."
	start := strings.Index(abs, "27Hz")
	b, e, a := SentenceAround(abs, start, start+4)
	if b != "We render e.g. scenes at res. 1080p in " || e != "27Hz" || a != " as Fig. 3 shows, 10–100× faster." {
		t.Fatalf("got %q | %q | %q", b, e, a)
	}
}
