package ingest

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The trending-papers page wraps its papers in site chrome; these lines are
// that chrome, not titles.
var pageChrome = map[string]bool{
	"new": true,
	"get trending papers in your email inbox!": true,
	"subscribe":                       true,
	"byak and the research community": true,
	"trending papers":                 true,
}

// dateLine matches the page's date separators: "Mar 14", "Mar 14, 2024", "2024-03-14".
var dateLine = regexp.MustCompile(`^(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(, ?\d{4})?|\d{4}-\d{2}-\d{2})$`)

// maxTitleLen bounds what can be a title on the page: longer paragraphs are
// abstracts, and finding one where a title should be means the page is out of step.
const maxTitleLen = 400

// ParsePage reads the trending-papers page text: paragraphs separated by
// blank lines, alternating title and abstract, with the site's header, footer
// and date lines around them. CRLF line ends, a BOM and lines of any length
// are tolerated. It fails on the first bad record.
func ParsePage(r io.Reader, name string) ([]Record, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return strict(ParseFile(data, name, FormatPage))
}

type para struct {
	text string
	line int
	bad  string // why the paragraph cannot be used, e.g. invalid UTF-8
}

func parsePage(data []byte, name string) (recs []Record, bad []*ParseError) {
	var paras []para
	var cur []string
	var curBad string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, para{strings.Join(cur, " "), start, curBad})
			cur, curBad = nil, ""
		}
	}
	eachLine(data, func(n int, raw []byte) {
		line := string(raw)
		if !utf8.ValidString(line) {
			if len(cur) == 0 {
				start = n
			}
			if curBad == "" {
				curBad = fmt.Sprintf("line %d is not valid UTF-8", n)
			}
			cur = append(cur, strings.ToValidUTF8(line, "\uFFFD"))
			return
		}
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			return
		}
		if len(cur) == 0 {
			start = n
		}
		cur = append(cur, line)
	})
	flush()

	isChrome := func(p para) bool { return pageChrome[strings.ToLower(p.text)] || dateLine.MatchString(p.text) }
	fail := func(p para, format string, args ...any) {
		bad = append(bad, &ParseError{File: name, Line: p.line, Msg: fmt.Sprintf(format, args...)})
	}
	trending := ""
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		if dateLine.MatchString(p.text) {
			trending = p.text
		}
		if isChrome(p) {
			continue
		}
		if len(p.text) > maxTitleLen {
			fail(p, "expected a paper title, found a paragraph of %d characters (is a title missing above it?)", len(p.text))
			// A long title is still followed by its abstract: skip both, so
			// the next record starts in step.
			if i+1 < len(paras) && len(paras[i+1].text) > maxTitleLen {
				i++
			}
			continue
		}
		if i+1 >= len(paras) || isChrome(paras[i+1]) {
			fail(p, "title %q has no abstract after it", clip(p.text, 80))
			continue
		}
		abs := paras[i+1]
		i++
		switch {
		case p.bad != "":
			fail(p, "title: %s", p.bad)
		case abs.bad != "":
			fail(abs, "abstract: %s", abs.bad)
		default:
			if msg := checkText("title", p.text, maxTitleBytes); msg != "" {
				fail(p, "%s", msg)
				continue
			}
			if msg := checkText("abstract", abs.text, maxAbstractBytes); msg != "" {
				fail(abs, "%s", msg)
				continue
			}
			recs = append(recs, Record{Title: p.text, Abstract: abs.text, Trending: trending, Line: p.line, Entry: len(recs) + len(bad) + 1})
		}
	}
	if len(recs) == 0 && len(bad) == 0 {
		bad = append(bad, &ParseError{File: name, Line: 1, Msg: "no papers found (expected a title line, a blank line, then the abstract)"})
	}
	return recs, bad
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}
