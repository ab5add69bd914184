// Package export encodes claims for download: CSV under the documented
// columns and JSON Lines under the same names. The site's downloads and
// `claimboard export` both write through it, so they never disagree.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/claimboard/claimboard/internal/safecsv"
	"github.com/claimboard/claimboard/models"
)

// CSVHeader names the export's columns, in order; the README documents them.
// Renaming or reordering one breaks users' spreadsheets and scripts.
var CSVHeader = []string{
	"paper_title", "arxiv_id", "paper_url", "metric", "value", "value_high", "unit", "qualifier",
	"hardware", "hardware_count", "baseline", "subject", "condition", "evidence", "status",
	"confidence", "claim_url",
}

// ClaimCSV writes claims as RFC 4180 CSV in UTF-8 under CSVHeader. Every text
// cell is neutralised against spreadsheet formula injection; numeric cells are
// written plainly and never altered, so a negative value stays a number.
type ClaimCSV struct {
	w    *csv.Writer
	base string
	rec  []string
}

// NewClaimCSV returns an encoder writing to w; claim URLs start with baseURL
// (scheme and host, no trailing slash).
func NewClaimCSV(w io.Writer, baseURL string) *ClaimCSV {
	return &ClaimCSV{w: csv.NewWriter(w), base: baseURL, rec: make([]string, len(CSVHeader))}
}

// WriteHeader writes the header row.
func (e *ClaimCSV) WriteHeader() error {
	if err := e.w.Write(CSVHeader); err != nil {
		return fmt.Errorf("csv: header: %w", err)
	}
	return nil
}

// Write writes one claim.
func (e *ClaimCSV) Write(r *models.ExportRow) error {
	rec := e.rec
	rec[0] = safecsv.Text(r.PaperTitle)
	rec[1] = safecsv.Text(r.ArxivID)
	rec[2] = safecsv.Text(paperURL(r.SourceURL, r.ArxivID))
	rec[3] = safecsv.Text(r.MetricSlug)
	rec[4] = safecsv.Number(r.Value)
	rec[5] = safecsv.OptNumber(r.ValueHigh)
	rec[6] = safecsv.Text(r.Unit)
	rec[7] = safecsv.Text(r.Qualifier)
	rec[8] = safecsv.Text(r.HardwareName)
	rec[9] = safecsv.OptInt(r.HardwareCount)
	rec[10] = safecsv.Text(r.Baseline)
	rec[11] = safecsv.Text(r.Subject)
	rec[12] = safecsv.Text(r.Condition)
	rec[13] = safecsv.Text(r.Evidence)
	rec[14] = safecsv.Text(r.Status)
	rec[15] = safecsv.Number(r.Confidence)
	rec[16] = safecsv.Text(e.base + "/claims/" + strconv.FormatInt(r.ID, 10))
	if err := e.w.Write(rec); err != nil {
		return fmt.Errorf("csv: claim %d: %w", r.ID, err)
	}
	return nil
}

// Flush writes out buffered rows and reports any earlier write error.
func (e *ClaimCSV) Flush() error {
	e.w.Flush()
	if err := e.w.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// paperURL is where the paper itself lives: its source page as ingested (if
// it is an http(s) link), else its arXiv abstract page, else nothing.
func paperURL(source, arxivID string) string {
	switch {
	case source != "" && models.LinkURL(source) != "":
		return source
	case arxivID != "":
		return "https://arxiv.org/abs/" + arxivID
	}
	return ""
}
