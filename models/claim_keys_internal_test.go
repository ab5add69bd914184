package models

import "testing"

// TestResolutionIsStoredCanonically: WxH in any usual spelling becomes
// "1920x1080", named resolutions their listed case; anything else is refused.
func TestResolutionIsStoredCanonically(t *testing.T) {
	for in, want := range map[string]string{
		"1920x1080": "1920x1080", "1920 × 1080": "1920x1080", "3840X2160": "3840x2160", "1920 x 1080": "1920x1080",
		"4k": "4K", "1080P": "1080p", "2K": "2K", "480p": "480p", "8K": "8K",
	} {
		if got, msg := normalizeResolution(in); got != want || msg != "" {
			t.Errorf("%q -> %q, %q; want %q", in, got, msg, want)
		}
	}
	for _, in := range []string{"1920", "1920x", "x1080", "01920x1080", "1920x1080x3", "0x0", "1920x1080p", "16K", "HD", "1920,1080", "9999999x1"} {
		if _, msg := normalizeResolution(in); msg == "" {
			t.Errorf("%q accepted", in)
		}
	}
}

// TestModelSizeReadsAndShowsSuffixes: parameter counts are read in billions
// from "7B", "350M", "1.5T" or a plain number, and shown back so that the
// form, the diff and the history read the same value.
func TestModelSizeReadsAndShowsSuffixes(t *testing.T) {
	for in, want := range map[string]float64{"7B": 7, "7b": 7, "7 B": 7, "7": 7, "350M": 0.35, "1.5T": 1500, "125K": 0.000125, "0.35": 0.35, "1,000M": 1} {
		if got, msg := parseModelSize(in); got != want || msg != "" {
			t.Errorf("%q -> %v, %q; want %v", in, got, msg, want)
		}
	}
	for _, in := range []string{"", "B", "7Q", "-7B", "0", "NaNB", "1e308T", "seven"} {
		if _, msg := parseModelSize(in); msg == "" {
			t.Errorf("%q accepted", in)
		}
	}
	for v, want := range map[float64]string{7: "7B", 0.35: "350M", 1500: "1.5T", 175: "175B", 0.000125: "125K", 1.3: "1.3B", 0.1: "100M"} {
		if got := showModelSize(v); got != want {
			t.Errorf("show %v = %q, want %q", v, got, want)
		}
	}
	for _, v := range []float64{7, 0.35, 1500, 0.123456789, 1e-9, 2.7e5, 0.0701, 13.5} {
		if back, msg := parseModelSize(showModelSize(v)); back != v || msg != "" {
			t.Errorf("%v shown as %q reads back as %v (%q)", v, showModelSize(v), back, msg)
		}
	}
}
