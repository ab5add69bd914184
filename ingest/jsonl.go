package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

type jsonRecord struct {
	Title     *string `json:"title"`
	Abstract  *string `json:"abstract"`
	URL       string  `json:"url"`
	ArxivID   string  `json:"arxiv_id"`
	Published string  `json:"published"`
	CodeURL   string  `json:"code_url"`
}

// ParseJSONL reads one JSON object a line with at least title and abstract,
// and fails on the first bad line.
func ParseJSONL(r io.Reader, name string) ([]Record, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	return strict(ParseFile(data, name, FormatJSONL))
}

func parseJSONL(data []byte, name string) (recs []Record, bad []*ParseError) {
	entry := 0
	eachLine(data, func(line int, text []byte) {
		text = bytes.TrimSpace(text)
		if len(text) == 0 {
			return
		}
		entry++
		rec, msg := jsonlRecord(text)
		if msg != "" {
			bad = append(bad, &ParseError{File: name, Line: line, Msg: msg})
			return
		}
		rec.Line, rec.Entry = line, entry
		recs = append(recs, rec)
	})
	if len(recs) == 0 && len(bad) == 0 {
		bad = append(bad, &ParseError{File: name, Line: 1, Msg: "no papers found"})
	}
	return recs, bad
}

// jsonlRecord reads one line, or says what is wrong with it.
func jsonlRecord(text []byte) (Record, string) {
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD.
	if !utf8.Valid(text) {
		return Record{}, "not valid UTF-8"
	}
	var jr jsonRecord
	dec := json.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(&jr); err != nil {
		return Record{}, fmt.Sprintf("invalid JSON: %v", err)
	}
	if dec.More() {
		return Record{}, "invalid JSON: more than one value on the line"
	}
	if jr.Title == nil {
		return Record{}, `missing "title"`
	}
	if jr.Abstract == nil {
		return Record{}, `missing "abstract"`
	}
	title, abstract := strings.TrimSpace(*jr.Title), strings.TrimSpace(*jr.Abstract)
	if msg := checkText("title", title, maxTitleBytes); msg != "" {
		return Record{}, msg
	}
	if msg := checkText("abstract", abstract, maxAbstractBytes); msg != "" {
		return Record{}, msg
	}
	for _, f := range []struct{ k, v string }{{"url", jr.URL}, {"arxiv_id", jr.ArxivID}, {"code_url", jr.CodeURL}} {
		if strings.IndexByte(f.v, 0) >= 0 || len(f.v) > 2000 {
			return Record{}, fmt.Sprintf("%q is not a plausible value", f.k)
		}
	}
	rec := Record{Title: title, Abstract: abstract, URL: strings.TrimSpace(jr.URL), CodeURL: strings.TrimSpace(jr.CodeURL)}
	if jr.ArxivID != "" {
		id, v, ok := ParseArxivID(jr.ArxivID)
		if !ok {
			return Record{}, fmt.Sprintf(`"arxiv_id": %q is not an arXiv identifier`, clip(jr.ArxivID, 60))
		}
		rec.ArxivID, rec.ArxivVersion = id, v
	}
	if jr.Published != "" {
		t, err := parseDate(jr.Published)
		if err != nil {
			return Record{}, fmt.Sprintf(`"published": %v`, err)
		}
		rec.Published = &t
	}
	return rec, ""
}
