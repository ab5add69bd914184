package ingest

import (
	"context"
	"fmt"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/models"
)

// Extract runs the extractor over a record and returns it ready to store.
func Extract(r Record) models.PaperInput {
	p := models.PaperInput{
		Title: r.Title, Abstract: r.Abstract, ArxivID: r.ArxivID,
		SourceURL: r.URL, CodeURL: r.CodeURL, Authors: r.Authors, PublishedOn: r.Published,
	}
	for _, c := range extract.Extract(r.Abstract) {
		in := models.ClaimInput{
			Metric: c.Metric, Value: c.Value, ValueHigh: c.ValueHigh, Unit: c.Unit,
			RawText: c.Text, Qualifier: c.Qualifier, HardwareCount: c.HardwareCount,
			Baseline: c.Baseline, Subject: c.Subject, Condition: c.Condition,
			Evidence: c.Evidence, EvidenceStart: c.Start, EvidenceEnd: c.End,
			Confidence: c.Confidence, ExtractorVersion: extract.Version,
		}
		if c.Hardware != "" {
			h, ok := extract.LookupHardware(c.Hardware)
			if !ok {
				h = extract.Hardware{Name: c.Hardware, Slug: slugify(c.Hardware)}
			}
			in.Hardware = &models.Hardware{Name: h.Name, Slug: h.Slug, Vendor: h.Vendor, Family: h.Family}
		}
		p.Claims = append(p.Claims, in)
	}
	return p
}

// File parses one file's content, extracts its claims and saves it in one
// transaction: a file with a bad record writes nothing.
func File(ctx context.Context, store *models.Store, name string, data []byte) (models.SaveStats, error) {
	recs, err := Parse(data, name)
	if err != nil {
		return models.SaveStats{}, err
	}
	papers := make([]models.PaperInput, len(recs))
	for i, r := range recs {
		papers[i] = Extract(r)
	}
	st, err := store.SavePapers(ctx, papers)
	if err != nil {
		return models.SaveStats{}, fmt.Errorf("ingest: %s: %w", name, err)
	}
	return st, nil
}

// slugify makes a URL slug of a device name the gazetteer does not know.
func slugify(s string) string {
	out := make([]byte, 0, len(s))
	dash := false
	for _, b := range []byte(s) {
		switch {
		case b >= 'a' && b <= 'z', b >= '0' && b <= '9':
			out = append(out, b)
			dash = false
		case b >= 'A' && b <= 'Z':
			out = append(out, b+'a'-'A')
			dash = false
		default:
			if !dash && len(out) > 0 {
				out = append(out, '-')
				dash = true
			}
		}
	}
	for len(out) > 0 && out[len(out)-1] == '-' {
		out = out[:len(out)-1]
	}
	return string(out)
}
