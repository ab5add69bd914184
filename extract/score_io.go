package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Paper is one line of a corpus file: {"title": ..., "abstract": ...}.
type Paper struct {
	Title    string `json:"title"`
	Abstract string `json:"abstract"`
}

// ReadCorpus reads a JSON Lines corpus. name is used in errors so the user
// learns which file and line is broken.
func ReadCorpus(r io.Reader, name string) ([]Paper, error) {
	var out []Paper
	err := readJSONL(r, name, func(line []byte) error {
		var p Paper
		if err := json.Unmarshal(line, &p); err != nil {
			return err
		}
		if p.Title == "" {
			return fmt.Errorf("missing title")
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// ReadPaperClaims reads a gold or prediction file in the claim schema.
func ReadPaperClaims(r io.Reader, name string) ([]PaperClaims, error) {
	var out []PaperClaims
	err := readJSONL(r, name, func(line []byte) error {
		var p PaperClaims
		if err := json.Unmarshal(line, &p); err != nil {
			return err
		}
		if p.Title == "" {
			return fmt.Errorf("missing title")
		}
		for i, c := range p.Claims {
			if c.Metric == "" {
				return fmt.Errorf("claim %d: missing metric", i+1)
			}
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

func readJSONL(r io.Reader, name string, each func([]byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := each(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}

// ExtractCorpus runs Extract over every paper, keeping corpus order.
func ExtractCorpus(papers []Paper) []PaperClaims {
	out := make([]PaperClaims, len(papers))
	for i, p := range papers {
		cs := Extract(p.Abstract)
		if cs == nil {
			cs = []Claim{}
		}
		out[i] = PaperClaims{Title: p.Title, Claims: cs}
	}
	return out
}

// NormTitle is the join key of SCHEMA.md: lower case, runs of
// non-alphanumerics collapsed to one space.
func NormTitle(t string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(t) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}
