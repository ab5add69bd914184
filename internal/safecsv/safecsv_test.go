package safecsv

import (
	"math"
	"strconv"
	"testing"
)

func TestTextNeutralisesFormulaStarts(t *testing.T) {
	cases := map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+cmd|' /C calc'!A0":         "'+cmd|' /C calc'!A0",
		"-2+3":                       "'-2+3",
		"@SUM(A1:A2)":                "'@SUM(A1:A2)",
		"\tleading tab":              "'\tleading tab",
		"\rleading CR":               "'\rleading CR",
		"":                           "",
		"plain text":                 "plain text",
		"a=b":                        "a=b",
		"'already quoted":            "'already quoted",
		"NVIDIA A100":                "NVIDIA A100",
	}
	for in, want := range cases {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumberIsPlainAndExact(t *testing.T) {
	cases := map[float64]string{
		277:         "277",
		0.5:         "0.5",
		-3.25:       "-3.25",
		13.7:        "13.7",
		1e6:         "1000000",
		40e12:       "40000000000000",
		0.000012:    "0.000012",
		123456789.5: "123456789.5",
	}
	for in, want := range cases {
		got := Number(in)
		if got != want {
			t.Errorf("Number(%v) = %q, want %q", in, got, want)
		}
		back, err := strconv.ParseFloat(got, 64)
		if err != nil || back != in {
			t.Errorf("Number(%v) = %q reads back as %v, %v", in, got, back, err)
		}
	}
	// Negative values are numbers, not formulas: they are never prefixed.
	if got := Number(-1); got != "-1" {
		t.Errorf("Number(-1) = %q", got)
	}
	if got := Number(math.MaxFloat64); len(got) < 300 {
		t.Errorf("Number(MaxFloat64) = %q, want plain digits", got)
	}
}

func TestOptionalCellsAreEmptyWhenAbsent(t *testing.T) {
	v, n := 2.5, 8
	if OptNumber(nil) != "" || OptNumber(&v) != "2.5" || OptInt(nil) != "" || OptInt(&n) != "8" {
		t.Fatal("optional cells")
	}
}
