package extract

import (
	"strings"
	"testing"
)

// TestGazetteerRoundTrip: every canonical name resolves, and every alias,
// written after a count and before "GPUs" in a sentence, is found again.
func TestGazetteerRoundTrip(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range gazetteer {
		if seen[e.Name] {
			t.Errorf("duplicate canonical name %q", e.Name)
		}
		seen[e.Name] = true
		h, ok := LookupHardware(e.Name)
		if !ok || h != e.Hardware {
			t.Errorf("LookupHardware(%q) = %+v, %v", e.Name, h, ok)
		}
		if h2, ok := LookupHardware(strings.ToUpper(e.Name)); !ok || h2 != e.Hardware {
			t.Errorf("LookupHardware is case-sensitive for %q", e.Name)
		}
		if e.Slug == "" || strings.ContainsAny(e.Slug, " _/") {
			t.Errorf("bad slug %q for %q", e.Slug, e.Name)
		}
		for _, a := range e.aliases {
			words := strings.Join(a, " ")
			if e.ambiguous && e.Family == "Supercomputer" {
				// Supercomputer names count only when capitalised, as written in papers.
				parts := strings.Fields(words)
				for i, p := range parts {
					parts[i] = strings.ToUpper(p[:1]) + p[1:]
				}
				words = strings.Join(parts, " ")
			}
			text := "We ran on 8 " + e.Vendor + " " + words + " GPUs for the supercomputer."
			s, _ := newSentence(text, asciiLower(text), 0, len(text), nil, nil)
			found := false
			for _, m := range s.hw {
				if m.entry == e {
					found = true
				}
			}
			if !found {
				t.Errorf("alias %q of %q not found in %q", words, e.Name, text)
			}
		}
	}
	if _, ok := LookupHardware("NVIDIA V101"); ok {
		t.Error("unknown device resolved")
	}
}

func TestHardwareAliases(t *testing.T) {
	for in, want := range map[string]string{
		"on a Tesla V100 GPU":             "NVIDIA V100",
		"on NVIDIA's A100-80GB-SXM4":      "NVIDIA A100",
		"on a GeForce RTX 2080Ti":         "NVIDIA RTX 2080 Ti",
		"on RTX3090 cards":                "NVIDIA RTX 3090",
		"on AMD Instinct MI250X GCDs":     "AMD MI250X",
		"on TPUv4 chips":                  "Google TPU v4",
		"on a DGX-2 node":                 "NVIDIA DGX-2",
		"on an Apple M2 Max":              "Apple M2 Max",
		"on the Summit supercomputer":     "OLCF Summit",
		"on Intel Gaudi 2 accelerators":   "Intel Gaudi2",
		"on a Jetson AGX Orin":            "NVIDIA Jetson AGX Orin",
		"on Fugaku with 512 A64FX nodes.": "RIKEN Fugaku",
	} {
		s, _ := newSentence(in, asciiLower(in), 0, len(in), nil, nil)
		if len(s.hw) == 0 || s.hw[0].entry == nil || s.hw[0].entry.Name != want {
			t.Errorf("%q: got %+v, want %s", in, s.hw, want)
		}
	}
	for _, in := range []string{
		"at the summit of the mountain", "the frontier of research", "an M1 score", "an L4 loss", "the A10 road",
	} {
		s, _ := newSentence(in, asciiLower(in), 0, len(in), nil, nil)
		for _, m := range s.hw {
			if m.entry != nil {
				t.Errorf("%q: spurious device %s", in, m.entry.Name)
			}
		}
	}
}
