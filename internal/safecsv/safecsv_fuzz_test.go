package safecsv

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzText checks the OWASP rule on any input: the result never starts with a
// character a spreadsheet would run, and the original text is always kept
// whole behind at most one added apostrophe, so nothing is lost.
//
//	go test ./internal/safecsv -run '^$' -fuzz FuzzText -fuzztime 5m
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "\tx", "\rx", "'q", "plain", "\xff=", "=\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
			t.Fatalf("Text(%q) = %q starts with a formula character", s, got)
		}
		if got != s && got != "'"+s {
			t.Fatalf("Text(%q) = %q changed more than a leading apostrophe", s, got)
		}
	})
}

// FuzzNumber checks that every finite value is written without an exponent
// or separators and reads back as exactly the same float.
//
//	go test ./internal/safecsv -run '^$' -fuzz FuzzNumber -fuzztime 5m
func FuzzNumber(f *testing.F) {
	for _, v := range []float64{0, -0.0, 1, -3.5, 1e-300, 5e-324, math.MaxFloat64, 277, 0.1 + 0.2} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return // the store never holds them; the extractor and forms refuse them
		}
		s := Number(v)
		if strings.ContainsAny(s, "eE, ") {
			t.Fatalf("Number(%v) = %q has an exponent or separator", v, s)
		}
		back, err := strconv.ParseFloat(s, 64)
		if err != nil || back != v {
			t.Fatalf("Number(%v) = %q reads back as %v (%v)", v, s, back, err)
		}
	})
}
