package ingest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/claimboard/claimboard/models"
)

// The public facts about the bundled corpus's papers, looked up by hand on
// their arXiv records, one JSON object a line, each value with the page it
// was read from. The trending page itself says none of this.
//
//go:embed corpus/metadata.jsonl
var bundledMetadata []byte

// MetadataName is how the bundled metadata file is named in messages.
const MetadataName = "bundled:metadata.jsonl"

// PaperMeta is what is known of one paper beyond its title and abstract.
type PaperMeta struct {
	Title           string
	ArxivID         string // without version
	ArxivVersion    int    // the latest version the source showed, 0 if not known
	AbsURL          string // https://arxiv.org/abs/<id>
	PDFURL          string // https://arxiv.org/pdf/<id>
	Authors         string // comma-separated, in the paper's order
	Submitted       *time.Time
	CodeURL         string
	PrimaryCategory string
	// Sources names, for each field given, the page its value was read from.
	Sources map[string]string
	Line    int
}

type metaLine struct {
	Title           string            `json:"title"`
	ArxivID         string            `json:"arxiv_id"`
	ArxivVersion    int               `json:"arxiv_version"`
	AbsURL          string            `json:"abs_url"`
	PDFURL          string            `json:"pdf_url"`
	Authors         string            `json:"authors"`
	Submitted       string            `json:"submitted"`
	CodeURL         string            `json:"code_url"`
	PrimaryCategory string            `json:"primary_category"`
	Sources         map[string]string `json:"sources"`
	Note            string            `json:"note"`
}

// ParseMetadata reads a metadata file: one JSON object a line, blank lines
// and lines starting with # skipped. Every value must name its source in
// "sources", URLs must be http or https, and abs_url and pdf_url must be the
// arXiv pages of arxiv_id. The error names the file and line.
func ParseMetadata(data []byte, name string) ([]PaperMeta, error) {
	var out []PaperMeta
	seen := map[string]int{}
	var failed error
	eachLine(data, func(n int, raw []byte) {
		if failed != nil {
			return
		}
		line := bytes.TrimSpace(raw)
		if len(line) == 0 || line[0] == '#' {
			return
		}
		m, err := parseMetaLine(line)
		if err != nil {
			failed = &ParseError{File: name, Line: n, Msg: err.Error()}
			return
		}
		key := models.NormalizeTitle(m.Title)
		if prev, ok := seen[key]; ok {
			failed = &ParseError{File: name, Line: n, Msg: fmt.Sprintf("title %q is already on line %d", clip(m.Title, 60), prev)}
			return
		}
		seen[key] = n
		m.Line = n
		out = append(out, m)
	})
	return out, failed
}

func parseMetaLine(line []byte) (PaperMeta, error) {
	var ml metaLine
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ml); err != nil {
		return PaperMeta{}, fmt.Errorf("not a metadata object: %v", err)
	}
	m := PaperMeta{
		Title: strings.TrimSpace(ml.Title), ArxivVersion: ml.ArxivVersion, AbsURL: ml.AbsURL, PDFURL: ml.PDFURL,
		Authors: strings.TrimSpace(ml.Authors), CodeURL: ml.CodeURL, PrimaryCategory: ml.PrimaryCategory, Sources: ml.Sources,
	}
	if models.NormalizeTitle(m.Title) == "" {
		return m, fmt.Errorf(`missing "title"`)
	}
	if ml.ArxivID != "" {
		id, v, ok := ParseArxivID(ml.ArxivID)
		if !ok || v != 0 || id != ml.ArxivID {
			return m, fmt.Errorf(`"arxiv_id" %q is not an arXiv identifier without version`, ml.ArxivID)
		}
		m.ArxivID = id
	}
	if m.ArxivVersion < 0 || (m.ArxivVersion > 0 && m.ArxivID == "") {
		return m, fmt.Errorf(`"arxiv_version" %d needs an "arxiv_id" and must be positive`, m.ArxivVersion)
	}
	for _, u := range []struct{ field, v, want string }{
		{"abs_url", m.AbsURL, "https://arxiv.org/abs/"},
		{"pdf_url", m.PDFURL, "https://arxiv.org/pdf/"},
	} {
		if u.v == "" {
			continue
		}
		if m.ArxivID == "" || u.v != u.want+m.ArxivID {
			return m, fmt.Errorf("%q must be %s<arxiv_id>, got %q", u.field, u.want, u.v)
		}
	}
	if m.CodeURL != "" && !WebURL(m.CodeURL) {
		return m, fmt.Errorf(`"code_url" %q is not an http or https URL`, m.CodeURL)
	}
	if ml.Submitted != "" {
		t, err := time.Parse(time.DateOnly, ml.Submitted)
		if err != nil {
			return m, fmt.Errorf(`"submitted" %q is not YYYY-MM-DD`, ml.Submitted)
		}
		m.Submitted = &t
	}
	given := map[string]bool{
		"arxiv_id": m.ArxivID != "", "arxiv_version": m.ArxivVersion > 0, "authors": m.Authors != "",
		"submitted": m.Submitted != nil, "code_url": m.CodeURL != "", "primary_category": m.PrimaryCategory != "",
	}
	for field, src := range m.Sources {
		if _, known := given[field]; !known {
			return m, fmt.Errorf("sources: unknown field %q", field)
		}
		if !WebURL(src) {
			return m, fmt.Errorf("sources: %q: %q is not an http or https URL", field, src)
		}
	}
	for _, field := range []string{"arxiv_id", "arxiv_version", "authors", "submitted", "code_url", "primary_category"} {
		if given[field] && m.Sources[field] == "" {
			// A fact without the page it came from cannot be checked: refuse it.
			return m, fmt.Errorf("sources: %q is given without the page it was read from", field)
		}
	}
	return m, nil
}

// WebURL tells whether s is an absolute http or https URL with a host: the
// only links claimboard takes from data (models.CheckLinkURL, the store's
// own rule).
func WebURL(s string) bool { return models.CheckLinkURL("url", s) == nil }

// BundledMetadata returns the bundled corpus's metadata. The file is checked
// by the tests; a bad one is a build mistake, so it panics.
var BundledMetadata = sync.OnceValue(func() []PaperMeta {
	m, err := ParseMetadata(bundledMetadata, MetadataName)
	if err != nil {
		panic(err)
	}
	return m
})

// bundledByTitle indexes BundledMetadata by normalised title.
var bundledByTitle = sync.OnceValue(func() map[string]*PaperMeta {
	all := BundledMetadata()
	idx := make(map[string]*PaperMeta, len(all))
	for i := range all {
		idx[models.NormalizeTitle(all[i].Title)] = &all[i]
	}
	return idx
})

// withMetadata fills what each record does not say from the bundled
// metadata of the paper with the same title. A record that names another
// arXiv id is another paper and is left alone; what a record says always
// wins, so a fresher source is never overruled by the bundled file.
func withMetadata(items []item) {
	idx := bundledByTitle()
	for i := range items {
		r := &items[i].rec
		if items[i].bad != nil {
			continue
		}
		m := idx[models.NormalizeTitle(r.Title)]
		if m == nil || (r.ArxivID != "" && r.ArxivID != m.ArxivID) {
			continue
		}
		fillRecord(r, m)
	}
}

func fillRecord(r *Record, m *PaperMeta) {
	if r.ArxivID == "" {
		r.ArxivID = m.ArxivID
	}
	if r.ArxivVersion == 0 {
		r.ArxivVersion = m.ArxivVersion
	}
	if r.Authors == "" {
		r.Authors = m.Authors
	}
	if r.Published == nil && m.Submitted != nil {
		d := *m.Submitted
		r.Published = &d
	}
	if r.CodeURL == "" {
		r.CodeURL = m.CodeURL
	}
	if r.PrimaryCategory == "" {
		r.PrimaryCategory = m.PrimaryCategory
	}
}

// metaInputs is the bundled metadata as papers to fill in a database.
func metaInputs() []models.PaperInput {
	all := BundledMetadata()
	out := make([]models.PaperInput, 0, len(all))
	for i := range all {
		var r Record
		fillRecord(&r, &all[i])
		out = append(out, models.PaperInput{
			Title: all[i].Title, ArxivID: r.ArxivID, ArxivVersion: r.ArxivVersion, Authors: r.Authors,
			PublishedOn: r.Published, CodeURL: r.CodeURL, PrimaryCategory: r.PrimaryCategory,
		})
	}
	return out
}
