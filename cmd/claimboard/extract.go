package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/safecsv"
)

var extractCSVHeader = []string{"title", "metric", "value", "value_high", "unit", "qualifier", "hardware",
	"hardware_count", "baseline", "subject", "condition", "evidence", "evidence_start", "evidence_end", "confidence"}

func runExtract(ctx context.Context, args []string, sio stdio) error {
	fs := newFlagSet("extract", sio.errOut)
	format := fs.String("format", "jsonl", "output format: jsonl (the claim schema) or csv")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if *format != "jsonl" && *format != "csv" {
		return usagef("extract: --format must be jsonl or csv, not %q", *format)
	}
	if fs.NArg() == 0 {
		return usagef("extract: name at least one FILE (or - for standard input)")
	}
	inputs, err := readInputs(fs.Args(), sio.in)
	if err != nil {
		return err
	}
	// Parse every input before printing anything: bad input fails cleanly.
	var recs []ingest.Record
	for _, in := range inputs {
		r, err := ingest.Parse(in.data, in.name)
		if err != nil {
			return err
		}
		recs = append(recs, r...)
	}
	w := bufio.NewWriter(sio.out)
	if *format == "jsonl" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range recs {
			claims := extract.Extract(r.Abstract)
			if claims == nil {
				claims = []extract.Claim{}
			}
			if err := enc.Encode(extract.PaperClaims{Title: r.Title, Claims: claims}); err != nil {
				return fmt.Errorf("extract: write: %w", err)
			}
		}
		return w.Flush()
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(extractCSVHeader); err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	for _, r := range recs {
		for _, c := range extract.Extract(r.Abstract) {
			high, count := "", ""
			if c.ValueHigh != nil {
				high = safecsv.Number(*c.ValueHigh)
			}
			if c.HardwareCount > 0 {
				count = strconv.Itoa(c.HardwareCount)
			}
			row := []string{safecsv.Text(r.Title), c.Metric, safecsv.Number(c.Value), high, safecsv.Text(c.Unit),
				c.Qualifier, safecsv.Text(c.Hardware), count, safecsv.Text(c.Baseline), safecsv.Text(c.Subject),
				safecsv.Text(c.Condition), safecsv.Text(c.Evidence), strconv.Itoa(c.Start), strconv.Itoa(c.End),
				strconv.FormatFloat(c.Confidence, 'f', 2, 64)}
			if err := cw.Write(row); err != nil {
				return fmt.Errorf("extract: write: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	return w.Flush()
}

type fileData struct {
	name string
	data []byte
}

// readInputs reads every named file (- is standard input) before anything is
// printed, so a missing file fails the run up front.
func readInputs(names []string, stdin io.Reader) ([]fileData, error) {
	out := make([]fileData, 0, len(names))
	for _, n := range names {
		var (
			data []byte
			err  error
		)
		if n == "-" {
			data, err = io.ReadAll(stdin)
			n = "<stdin>"
		} else {
			data, err = os.ReadFile(n)
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n, err)
		}
		out = append(out, fileData{n, data})
	}
	return out, nil
}
