package models

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/claimboard/claimboard/extract"
)

// Check tells whether Save would accept a paper, without writing: a caller
// skipping bad records sorts them out with it before saving the rest.
func (b *Batch) Check(p *PaperInput) error { return checkPaper(p, b.metrics) }

func checkPaper(p *PaperInput, metrics map[string]int64) error {
	title := strings.TrimSpace(p.Title)
	switch {
	case title == "":
		return FieldErrorf("title", "is empty")
	case len(title) > MaxTitleLen:
		return FieldErrorf("title", "is %d bytes, more than %d", len(title), MaxTitleLen)
	case strings.TrimSpace(p.Abstract) == "":
		return FieldErrorf("abstract", "is empty")
	case len(p.Abstract) > MaxAbstractLen:
		return FieldErrorf("abstract", "is %d bytes, more than %d", len(p.Abstract), MaxAbstractLen)
	case extract.NormTitle(title) == "":
		return FieldErrorf("title", "has no letters or digits")
	}
	if err := checkPaperMeta(p); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{
		{"title", p.Title}, {"abstract", p.Abstract}, {"arxiv_id", p.ArxivID}, {"url", p.SourceURL},
		{"code_url", p.CodeURL}, {"project_url", p.ProjectURL}, {"authors", p.Authors}, {"category", p.PrimaryCategory},
	} {
		// PostgreSQL text takes neither NUL nor invalid UTF-8; say so here
		// rather than fail the file's transaction on an opaque driver error.
		if !utf8.ValidString(f.v) || strings.IndexByte(f.v, 0) >= 0 {
			return FieldErrorf(f.name, "is not valid UTF-8 text")
		}
	}
	for i, c := range p.Claims {
		if _, ok := metrics[c.Metric]; !ok {
			return FieldErrorf("metric", "claim %d: unknown metric %q", i+1, c.Metric)
		}
		if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
			return FieldErrorf("value", "claim %d: %v is not a number", i+1, c.Value)
		}
		switch c.Qualifier {
		case "", "up_to", "at_least", "approx", "average":
		default:
			return FieldErrorf("qualifier", "claim %d: unknown qualifier %q", i+1, c.Qualifier)
		}
		if c.EvidenceStart < 0 || c.EvidenceEnd < c.EvidenceStart || c.HardwareCount < 0 {
			return FieldErrorf("evidence", "claim %d: bad offsets %d..%d", i+1, c.EvidenceStart, c.EvidenceEnd)
		}
		if c.Hardware != nil && (c.Hardware.Slug == "" || c.Hardware.Name == "") {
			return FieldErrorf("hardware", "claim %d: device %q has no slug", i+1, c.Hardware.Name)
		}
	}
	return nil
}

// checkPaperMeta bounds a paper's metadata and checks its links, which end
// up in href attributes, the API and CSV: only absolute http(s) URLs.
func checkPaperMeta(p *PaperInput) error {
	switch {
	case len(p.Authors) > MaxAuthorsLen:
		return FieldErrorf("authors", "is %d bytes, more than %d", len(p.Authors), MaxAuthorsLen)
	case len(p.PrimaryCategory) > MaxCategoryLen:
		return FieldErrorf("category", "is %d bytes, more than %d", len(p.PrimaryCategory), MaxCategoryLen)
	case len(p.ArxivID) > MaxArxivIDLen:
		return FieldErrorf("arxiv_id", "is %d bytes, more than %d", len(p.ArxivID), MaxArxivIDLen)
	}
	for _, f := range []struct{ name, v string }{{"url", p.SourceURL}, {"code_url", p.CodeURL}, {"project_url", p.ProjectURL}} {
		if f.v != "" {
			if err := CheckLinkURL(f.name, f.v); err != nil {
				return err
			}
		}
	}
	return nil
}
