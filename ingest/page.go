package ingest

import (
	"bufio"
	"bytes"
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

// maxTitleLen bounds what can be a title: longer paragraphs are abstracts, and
// finding one where a title should be means the page is out of step.
const maxTitleLen = 400

// ParsePage reads the trending-papers page text: paragraphs separated by
// blank lines, alternating title and abstract, with the site's header, footer
// and date lines around them. CRLF line ends and a BOM are tolerated.
func ParsePage(r io.Reader, name string) ([]Record, error) {
	type para struct {
		text string
		line int
	}
	var paras []para
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var cur []string
	start, lineNo := 0, 0
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, para{strings.Join(cur, " "), start})
			cur = nil
		}
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if lineNo == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if !utf8.ValidString(line) {
			return nil, &ParseError{name, lineNo, "not valid UTF-8"}
		}
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if len(cur) == 0 {
			start = lineNo
		}
		cur = append(cur, line)
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{name, lineNo + 1, fmt.Sprintf("read: %v", err)}
	}
	flush()

	var recs []Record
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		if pageChrome[strings.ToLower(p.text)] || dateLine.MatchString(p.text) {
			continue
		}
		if len(p.text) > maxTitleLen {
			return nil, &ParseError{name, p.line, fmt.Sprintf("expected a paper title, found a paragraph of %d characters (is a title missing above it?)", len(p.text))}
		}
		if i+1 >= len(paras) {
			return nil, &ParseError{name, p.line, fmt.Sprintf("title %q has no abstract after it", clip(p.text, 80))}
		}
		abs := paras[i+1]
		if pageChrome[strings.ToLower(abs.text)] || dateLine.MatchString(abs.text) {
			return nil, &ParseError{name, p.line, fmt.Sprintf("title %q has no abstract after it", clip(p.text, 80))}
		}
		recs = append(recs, Record{Title: p.text, Abstract: abs.text, Line: p.line})
		i++
	}
	if len(recs) == 0 {
		return nil, &ParseError{name, 1, "no papers found (expected a title line, a blank line, then the abstract)"}
	}
	return recs, nil
}

// looksLikePage tells the page format from JSON Lines by the first non-blank byte.
func looksLikeJSONL(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
