package views

import "testing"

// The shortcut in CleanText must never change what a reader sees: for any
// text it passes through untouched, the full cleaning returns it unchanged.
func FuzzCleanTextShortcut(f *testing.F) {
	for _, s := range []string{
		"277 FPS on an RTX 3090", "13.7times faster", "10sim100", "10 sim 100", "$10\\times$",
		"two  spaces", " leading", "trailing ", "tab\there", "2^{10}", "a\u00a0b", "\u00a0edge", "x\u2009",
		"12s of runs", "3 times", "", "π ≈ 3.14", "line\nbreak",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainText(s) {
			if got := cleanTextSlow(s); got != s {
				t.Fatalf("plainText(%q) but cleaning gives %q", s, got)
			}
		}
		if got, want := CleanText(s), cleanTextSlow(s); got != want {
			t.Fatalf("CleanText(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestCleanTextShortcutTakesPlainText(t *testing.T) {
	for _, s := range []string{"277 FPS on an RTX 3090", "a 4.2× speedup over vLLM", "π ≈ 3.14"} {
		if !plainText(s) {
			t.Errorf("plainText(%q) = false: plain text goes the slow way", s)
		}
	}
}
