package export_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/export"
	"github.com/claimboard/claimboard/models"
)

// FuzzClaimCSV writes one claim with hostile text and numbers through the
// CSV row encoder and reads the file back: it must stay one header and one
// record of len(CSVHeader) cells, no text cell may start a formula, every
// text survives behind at most one apostrophe, and numbers read back exactly.
//
//	go test ./internal/export -run '^$' -fuzz FuzzClaimCSV -fuzztime 5m
func FuzzClaimCSV(f *testing.F) {
	f.Add("Fast \"Gaussian\", rendering", "=HYPERLINK(\"http://x\")", "line\nbreak\r\nand \"quotes\"", "+cmd|' /C calc'!A0", 277.0, -3.5, 0.9)
	f.Add("", "", "", "", 0.0, 0.0, 0.0)
	f.Add("\xff\xfe", "@SUM(A1)", "\t\x00", "-", 1e308, 5e-324, 1.0)
	f.Fuzz(func(t *testing.T, title, baseline, evidence, hw string, value, high, conf float64) {
		for _, v := range []float64{value, high, conf} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return // the database never holds them
			}
		}
		n := 8
		row := &models.ExportRow{ID: 7, PaperTitle: title, ArxivID: "2401.01234", ClaimFields: models.ClaimFields{MetricSlug: "fps", Value: value,
			ValueHigh: &high, Unit: "FPS", Qualifier: "up_to", HardwareName: hw, HardwareCount: &n,
			Baseline: baseline, Subject: title, Condition: baseline, Evidence: evidence, Status: "extracted", Confidence: conf}}
		var buf bytes.Buffer
		enc := export.NewClaimCSV(&buf, "http://127.0.0.1")
		if err := enc.WriteHeader(); err != nil {
			t.Fatal(err)
		}
		if err := enc.Write(row); err != nil {
			t.Fatal(err)
		}
		if err := enc.Flush(); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&buf)
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("the file does not parse: %v\n%q", err, buf.String())
		}
		if len(recs) != 2 || len(recs[1]) != len(export.CSVHeader) {
			t.Fatalf("got %d records (%v), want header + 1 of %d cells", len(recs), recs, len(export.CSVHeader))
		}
		rec := recs[1]
		cell := func(name string) string {
			for i, h := range export.CSVHeader {
				if h == name {
					return rec[i]
				}
			}
			t.Fatalf("no column %q", name)
			return ""
		}
		for _, c := range []struct{ col, want string }{
			{"paper_title", title}, {"baseline", baseline}, {"evidence", evidence}, {"hardware", hw}, {"subject", title},
		} {
			got := cell(c.col)
			if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
				t.Fatalf("%s cell %q starts a formula", c.col, got)
			}
			// encoding/csv reads a quoted \r\n back as \n.
			want := strings.ReplaceAll(c.want, "\r\n", "\n")
			if got != want && got != "'"+want {
				t.Fatalf("%s cell = %q, want %q behind at most one apostrophe", c.col, got, want)
			}
		}
		for _, c := range []struct {
			col  string
			want float64
		}{{"value", value}, {"value_high", high}, {"confidence", conf}} {
			got, err := strconv.ParseFloat(cell(c.col), 64)
			if err != nil || got != c.want {
				t.Fatalf("%s cell %q reads back as %v (%v), want %v", c.col, cell(c.col), got, err, c.want)
			}
		}
	})
}
