package extract

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"13.7times", "13.7times"},
		{"5.2$\\times$ faster", "5.2x faster"},
		{"1.9× faster", "1.9x faster"},
		{"10-20×\\times less", "10-20x less"},
		{"2.36sim 8.02times", "2.36~ 8.02times"},
		{"in sim500-billion", "in ~500-billion"},
		{"simulate 3 runs", "simulate 3 runs"},
		{"e.g.~on devices", "e.g. on devices"},
		{"~30% less", "~30% less"},
		{"16\\% improvement", "16% improvement"},
		{"10^{9} tokens", "10^9 tokens"},
		{"2.1×–3.4×", "2.1x-3.4x"},
		{"6.71\times", "6.71\tx"}, // the "\t" of "\times" read as a tab
		{"times imes", "times imes"},
		{"3.1&times; faster, &sim;5 ms", "3.1x faster, ~5 ms"},
		{"R&D &amp; more", "R&D & more"},
		{"3.5×10⁹ tokens, 10¹² params", "3.5x10^9 tokens, 10^12 params"},
		{"in 90 mil- liseconds on Perl- mutter", "in 90 milliseconds on Perlmutter"},
		{"CPU- and GPU-based, pre- or post-, single- to multi-node", "CPU- and GPU-based, pre- or post-, single- to multi-node"},
		{"GPU- Accelerated, 3 - 4 ms, x- 5", "GPU- Accelerated, 3 - 4 ms, x- 5"},
	} {
		n := normalize(tc.in)
		if n.s != tc.want {
			t.Errorf("normalize(%q) = %q, want %q", tc.in, n.s, tc.want)
		}
		// Every span of the output maps to a span of the input that covers it.
		for a := 0; a < len(n.s); a++ {
			for b := a + 1; b <= len(n.s); b++ {
				s, e := n.orig(a, b)
				if s < 0 || e > len(tc.in) || s > e {
					t.Fatalf("%q: orig(%d,%d) = [%d,%d)", tc.in, a, b, s, e)
				}
			}
		}
	}
}

func TestOffsetsPointAtOriginal(t *testing.T) {
	in := "Our kernel is 5.2$\\times$ faster than cuDNN, and 2.36sim 8.02times faster overall."
	for _, c := range Extract(in) {
		if in[c.Start:c.End] != c.Evidence || !strings.Contains(c.Evidence, c.Text) {
			t.Fatalf("bad offsets %+v", c)
		}
	}
	cs := Extract(in)
	if len(cs) != 2 || cs[0].Text != "5.2$\\times$" || cs[1].Text != "2.36sim 8.02times" {
		t.Errorf("texts: %s", dump(cs))
	}
}

func TestSentenceSpans(t *testing.T) {
	text := "We render 4k res. at 30FPS, e.g. on phones. Fig. 2 shows it vs. baselines. Latency is 35 ms. Next one! Last?"
	var got []string
	for _, sp := range sentenceSpans(text) {
		got = append(got, text[sp[0]:sp[1]])
	}
	want := []string{"We render 4k res. at 30FPS, e.g. on phones.", "Fig. 2 shows it vs. baselines.", "Latency is 35 ms.", "Next one!", "Last?"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}
