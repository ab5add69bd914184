package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Namespaces of the arXiv API's feed (https://info.arxiv.org/help/api/user-manual.html).
const (
	atomNS  = "http://www.w3.org/2005/Atom"
	arxivNS = "http://arxiv.org/schemas/atom"
)

type atomEntry struct {
	ID        string `xml:"http://www.w3.org/2005/Atom id"`
	Published string `xml:"http://www.w3.org/2005/Atom published"`
	Title     string `xml:"http://www.w3.org/2005/Atom title"`
	Summary   string `xml:"http://www.w3.org/2005/Atom summary"`
	Authors   []struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Links []struct {
		Href  string `xml:"href,attr"`
		Rel   string `xml:"rel,attr"`
		Title string `xml:"title,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Primary struct {
		Term string `xml:"term,attr"`
	} `xml:"http://arxiv.org/schemas/atom primary_category"`
	Comment string `xml:"http://arxiv.org/schemas/atom comment"`
}

// ParseArxiv reads the arXiv API's Atom feed: a <feed> of <entry> elements,
// and fails on the first bad entry.
func ParseArxiv(r io.Reader, name string) ([]Record, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return strict(ParseFile(data, name, FormatArxiv))
}

func parseArxiv(data []byte, name string) (recs []Record, bad []*ParseError) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	// The API sends UTF-8; a declaration naming another charset is refused
	// rather than guessed at.
	dec.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "utf-8") || strings.EqualFold(charset, "utf8") {
			return r, nil
		}
		return nil, fmt.Errorf("charset %q is not supported (want UTF-8)", charset)
	}
	fail := func(line, entry int, format string, args ...any) {
		bad = append(bad, &ParseError{File: name, Line: line, Entry: entry, Msg: fmt.Sprintf(format, args...)})
	}
	depth, entry := 0, 0
	sawFeed := false
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth > 0 {
				fail(line, 0, "truncated XML: the feed is not closed")
			}
			break
		}
		if err != nil {
			fail(line, 0, "invalid XML: %v", xmlMsg(err))
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				if t.Name.Local != "feed" || t.Name.Space != atomNS {
					fail(line, 0, "not an Atom feed: the document is <%s>, want <feed xmlns=%q>", t.Name.Local, atomNS)
					return recs, bad
				}
				sawFeed = true
				continue
			}
			if depth != 2 || t.Name.Local != "entry" || t.Name.Space != atomNS {
				continue
			}
			entry++
			var e atomEntry
			if err := dec.DecodeElement(&e, &t); err != nil {
				end, _ := dec.InputPos()
				var se *xml.SyntaxError
				switch {
				case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || (errors.As(err, &se) && se.Msg == "unexpected EOF"):
					fail(line, entry, "truncated XML: the entry is not closed (file ends at line %d)", end)
				case se != nil:
					fail(se.Line, entry, "invalid XML: %s", se.Msg)
				default:
					fail(line, entry, "invalid XML: %v", err)
				}
				// After a syntax error the decoder cannot find the next entry.
				return recs, bad
			}
			depth--
			rec, msg := arxivRecord(&e)
			if msg != "" {
				fail(line, entry, "%s", msg)
				continue
			}
			rec.Line, rec.Entry = line, entry
			recs = append(recs, rec)
		case xml.EndElement:
			depth--
		}
	}
	if !sawFeed && len(bad) == 0 {
		fail(1, 0, "not an Atom feed: no <feed> element")
	}
	return recs, bad
}

// xmlMsg keeps the decoder's message without its own "XML syntax error on line N" prefix.
func xmlMsg(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

// arxivRecord turns an entry into a record, or says what is wrong with it.
func arxivRecord(e *atomEntry) (Record, string) {
	id := strings.TrimSpace(e.ID)
	if strings.Contains(id, "arxiv.org/api/errors") {
		// The API reports a bad query as a feed with one error entry.
		return Record{}, "the arXiv API returned an error: " + clip(collapse(e.Summary), 200)
	}
	if id == "" {
		return Record{}, "missing <id>"
	}
	arxivID, version, ok := ParseArxivID(id)
	if !ok {
		return Record{}, fmt.Sprintf("<id> %q is not an arXiv abstract URL", clip(id, 80))
	}
	title, summary := collapse(e.Title), collapse(e.Summary)
	if msg := checkText("title", title, maxTitleBytes); msg != "" {
		return Record{}, msg
	}
	if msg := checkText("summary", summary, maxAbstractBytes); msg != "" {
		return Record{}, msg
	}
	rec := Record{
		Title: title, Abstract: summary, ArxivID: arxivID, ArxivVersion: version,
		PrimaryCategory: strings.TrimSpace(e.Primary.Term),
	}
	var names []string
	for _, a := range e.Authors {
		if n := collapse(a.Name); n != "" {
			names = append(names, n)
		}
	}
	rec.Authors = strings.Join(names, ", ")
	for _, l := range e.Links {
		if (l.Rel == "alternate" || l.Rel == "") && l.Title == "" && rec.URL == "" {
			rec.URL = strings.TrimSpace(l.Href)
		}
	}
	if rec.URL == "" {
		rec.URL = id
	}
	// The comment field is where authors most often put their project page.
	// It is only searched for links, but bounded like an abstract all the same.
	if len(e.Comment) > maxAbstractBytes {
		return Record{}, fmt.Sprintf("<arxiv:comment> is %d bytes, more than %d", len(e.Comment), maxAbstractBytes)
	}
	rec.CodeURL, rec.ProjectURL = FindLinks(collapse(e.Comment))
	if p := strings.TrimSpace(e.Published); p != "" {
		t, err := time.Parse(time.RFC3339, p)
		if err != nil {
			return Record{}, fmt.Sprintf("<published> %q is not an RFC 3339 time", clip(p, 40))
		}
		t = t.UTC()
		rec.Published = &t
	}
	return rec, ""
}

// collapse joins the words of s with single spaces: the API wraps titles and
// summaries over several indented lines.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
