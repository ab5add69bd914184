package ingest

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimboard/claimboard/models"
)

// Formats a file may be in; FormatAuto tells them apart by content.
const (
	FormatAuto  = "auto"
	FormatPage  = "page"
	FormatJSONL = "jsonl"
	FormatArxiv = "arxiv"
)

// Formats lists the values --format takes.
var Formats = []string{FormatAuto, FormatPage, FormatJSONL, FormatArxiv}

// Parsed is what a file held: its good records and, for each record that
// could not be read, a *ParseError, both in file order.
type Parsed struct {
	Format  string
	Records []Record
	Bad     []*ParseError
}

// ParseFile reads data in format (FormatAuto detects it). Bad records are
// returned in Bad, not as the error: the caller decides whether one bad
// record fails the file. The error is for an unknown format only.
func ParseFile(data []byte, name, format string) (Parsed, error) {
	if format == "" || format == FormatAuto {
		format = Detect(data)
	}
	out := Parsed{Format: format}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bom))) == 0 {
		out.Bad = []*ParseError{{File: name, Line: 1, Msg: "empty file: no papers"}}
		return out, nil
	}
	switch format {
	case FormatPage:
		out.Records, out.Bad = parsePage(data, name)
	case FormatJSONL:
		out.Records, out.Bad = parseJSONL(data, name)
	case FormatArxiv:
		out.Records, out.Bad = parseArxiv(data, name)
	default:
		return Parsed{}, fmt.Errorf("ingest: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	return out, nil
}

// Parse reads records from data, detecting the format, and fails on the first
// bad record.
func Parse(data []byte, name string) ([]Record, error) {
	p, err := ParseFile(data, name, FormatAuto)
	return strict(p, err)
}

func strict(p Parsed, err error) ([]Record, error) {
	if err != nil {
		return nil, err
	}
	if len(p.Bad) > 0 {
		return nil, p.Bad[0]
	}
	return p.Records, nil
}

var bom = []byte("\ufeff")

// Detect tells a file's format by its first non-blank byte: '{' is JSON
// Lines, '<' is XML (the arXiv API's Atom feed), anything else the page text.
func Detect(data []byte) string {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	switch {
	case len(t) > 0 && t[0] == '{':
		return FormatJSONL
	case len(t) > 0 && t[0] == '<':
		return FormatArxiv
	}
	return FormatPage
}

func readAll(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Line: 1, Msg: fmt.Sprintf("read: %v", err)}
	}
	return data, nil
}

// eachLine calls fn with every line of data (numbered from 1, without its
// line end or a leading BOM). Lines may be of any length.
func eachLine(data []byte, fn func(n int, line []byte)) {
	data = bytes.TrimPrefix(data, bom)
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		fn(n, bytes.TrimSuffix(line, []byte("\r")))
	}
}

// checkText reports what makes a title or abstract unstorable, or "".
func checkText(field, s string, limit int) string {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Sprintf("missing %q", field)
	case !utf8.ValidString(s):
		return fmt.Sprintf("%q is not valid UTF-8", field)
	case strings.IndexByte(s, 0) >= 0:
		return fmt.Sprintf("%q contains a NUL character", field)
	case len(s) > limit:
		return fmt.Sprintf("%q is %d bytes, more than %d", field, len(s), limit)
	}
	return ""
}

// arxivIDRe matches new-style (2401.01234) and old-style (hep-th/0601001,
// math.GT/0309136) arXiv identifiers with an optional version.
var arxivIDRe = regexp.MustCompile(`^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v(\d+))?$`)

// ParseArxivID splits "arXiv:2401.01234v2", "2401.01234v2" or an abs/pdf URL
// into the identifier and its version (0 when none is given).
func ParseArxivID(s string) (id string, version int, ok bool) {
	s = strings.TrimSpace(s)
	for _, p := range []string{"http://", "https://", "export.arxiv.org/", "www.arxiv.org/", "arxiv.org/", "abs/", "pdf/"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSuffix(s, ".pdf")
	if len(s) > 6 && strings.EqualFold(s[:6], "arxiv:") {
		s = s[6:]
	}
	m := arxivIDRe.FindStringSubmatch(s)
	if m == nil {
		return "", 0, false
	}
	if m[2] != "" {
		v, err := strconv.Atoi(m[2])
		if err != nil || v <= 0 {
			return "", 0, false
		}
		version = v
	}
	return m[1], version, true
}

func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither RFC 3339 nor YYYY-MM-DD", clip(s, 40))
	}
	return t, nil
}

// Limits on a record, the store's own.
const (
	maxTitleBytes    = models.MaxTitleLen
	maxAbstractBytes = models.MaxAbstractLen
)
