package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

type jsonRecord struct {
	Title     string `json:"title"`
	Abstract  string `json:"abstract"`
	URL       string `json:"url"`
	ArxivID   string `json:"arxiv_id"`
	Published string `json:"published"`
	CodeURL   string `json:"code_url"`
}

// ParseJSONL reads one JSON object a line with at least title and abstract.
func ParseJSONL(r io.Reader, name string) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var recs []Record
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" {
			continue
		}
		var jr jsonRecord
		dec := json.NewDecoder(strings.NewReader(text))
		if err := dec.Decode(&jr); err != nil {
			return nil, &ParseError{name, line, fmt.Sprintf("invalid JSON: %v", err)}
		}
		if strings.TrimSpace(jr.Title) == "" {
			return nil, &ParseError{name, line, `missing "title"`}
		}
		if strings.TrimSpace(jr.Abstract) == "" {
			return nil, &ParseError{name, line, `missing "abstract"`}
		}
		rec := Record{
			Title: strings.TrimSpace(jr.Title), Abstract: strings.TrimSpace(jr.Abstract),
			URL: jr.URL, ArxivID: jr.ArxivID, CodeURL: jr.CodeURL, Line: line,
		}
		if jr.Published != "" {
			t, err := parseDate(jr.Published)
			if err != nil {
				return nil, &ParseError{name, line, fmt.Sprintf(`"published": %v`, err)}
			}
			rec.Published = &t
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{name, line + 1, fmt.Sprintf("read: %v", err)}
	}
	return recs, nil
}

func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither RFC 3339 nor YYYY-MM-DD", s)
	}
	return t, nil
}

// Parse reads records from data, telling JSON Lines from the page format by content.
func Parse(data []byte, name string) ([]Record, error) {
	if looksLikeJSONL(data) {
		return ParseJSONL(strings.NewReader(string(data)), name)
	}
	return ParsePage(strings.NewReader(string(data)), name)
}
