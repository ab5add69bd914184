// Package export encodes claims for download: CSV under the documented
// columns and JSON Lines under the same names. The site's downloads and
// `claimboard export` both write through it, so they never disagree. The
// claim's columns are the field table's exported rows (models.ExportedFields).
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/claimboard/claimboard/internal/safecsv"
	"github.com/claimboard/claimboard/models"
)

// CSVHeader names the export's columns, in order; the README documents them.
// Renaming or reordering one breaks users' spreadsheets and scripts.
var CSVHeader = func() []string {
	h := []string{"paper_title", "arxiv_id", "paper_url"}
	for _, f := range exported(models.ExportBeforeClaimURL) {
		h = append(h, f.Name)
	}
	h = append(h, "claim_url")
	for _, f := range exported(models.ExportAfterClaimURL) {
		h = append(h, f.Name)
	}
	h = append(h, peakColumns...)
	h = append(h, provenanceColumns...)
	for _, f := range exported(models.ExportAtEnd) {
		h = append(h, f.Name)
	}
	return h
}()

// provenanceColumns close every row: what a reader needs to check the number
// against its source. They are the paper's and the extractor's, not the
// claim's editable fields, so they are not rows of the field table.
var provenanceColumns = []string{"value_as_written", "code_url", "published", "arxiv_version"}

// peakColumns are the claim against its device's peak, computed on read;
// they come before the provenance columns, which the table's later fields
// follow at the very end.
var peakColumns = []string{"percent_of_peak", "peak_source", "flags"}

// peakCells are a claim's comparison with its device's peak (models.ComparePeak):
// the percentage, what it was compared with, and its flags joined by ";".
func peakCells(r *models.ExportRow) (percent *float64, source, flags string) {
	p := r.Peak
	if p == nil {
		return nil, "", ""
	}
	pct := math.Round(p.Percent*10) / 10
	if p.Above {
		flags = models.FlagAbovePeak
	}
	return &pct, p.Source(), flags
}

// arxivVersion is the paper's newest arXiv version as a cell, "" when unknown.
func arxivVersion(r *models.ExportRow) string {
	if r.ArxivVersion > 0 {
		return strconv.Itoa(r.ArxivVersion)
	}
	return ""
}

// exported lists the field table's export columns at one place: before
// claim_url, right after it, or at the end, where fields added since go.
func exported(at models.ExportPlace) []models.ClaimField {
	var out []models.ClaimField
	for _, f := range models.ExportedFields() {
		if f.Export == at {
			out = append(out, f)
		}
	}
	return out
}

// ClaimCSV writes claims as RFC 4180 CSV in UTF-8 under CSVHeader. Every text
// cell is neutralised against spreadsheet formula injection; numeric cells are
// written plainly and never altered, so a negative value stays a number.
type ClaimCSV struct {
	w      *csv.Writer
	base   string
	rec    csvCells
	fields []models.ClaimField // before claim_url
	last   []models.ClaimField // after claim_url
	end    []models.ClaimField // after the provenance columns
}

// NewClaimCSV returns an encoder writing to w; claim URLs start with baseURL
// (scheme and host, no trailing slash).
func NewClaimCSV(w io.Writer, baseURL string) *ClaimCSV {
	return &ClaimCSV{w: csv.NewWriter(w), base: baseURL, rec: make([]string, len(CSVHeader)), fields: exported(models.ExportBeforeClaimURL),
		last: exported(models.ExportAfterClaimURL), end: exported(models.ExportAtEnd)}
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
	e.rec = e.rec[:0]
	e.rec.Text(r.PaperTitle)
	e.rec.Text(r.ArxivID)
	e.rec.Text(paperURL(r.SourceURL, r.ArxivID))
	for _, f := range e.fields {
		f.Visit(&r.ClaimFields, &e.rec)
	}
	e.rec.Text(e.base + "/claims/" + strconv.FormatInt(r.ID, 10))
	for _, f := range e.last {
		f.Visit(&r.ClaimFields, &e.rec)
	}
	pct, src, flags := peakCells(r)
	e.rec.OptNumber(pct)
	e.rec.Text(src)
	e.rec.Text(flags)
	e.rec.Text(r.RawText)
	e.rec.Text(models.LinkURL(r.CodeURL)) // only http(s) links leave the site
	e.rec.Text(r.Published)
	e.rec = append(e.rec, arxivVersion(r))
	for _, f := range e.end {
		f.Visit(&r.ClaimFields, &e.rec)
	}
	if err := e.w.Write(e.rec); err != nil {
		return fmt.Errorf("csv: claim %d: %w", r.ID, err)
	}
	return nil
}

// csvCells appends one cell per field: text neutralised, numbers plainly.
type csvCells []string

func (c *csvCells) Text(s string)        { *c = append(*c, safecsv.Text(s)) }
func (c *csvCells) Number(v float64)     { *c = append(*c, safecsv.Number(v)) }
func (c *csvCells) OptNumber(v *float64) { *c = append(*c, safecsv.OptNumber(v)) }
func (c *csvCells) Count(v *int)         { *c = append(*c, safecsv.OptInt(v)) }

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
