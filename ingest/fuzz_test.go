package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkParsed holds every parser to its contract on any input: no panic,
// every bad record a ParseError naming the file and a line inside it, every
// good record storable.
func checkParsed(t *testing.T, data []byte, format string) {
	p, err := ParseFile(data, "fuzz.in", format)
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, pe := range p.Bad {
		if pe.File != "fuzz.in" || pe.Line < 1 || pe.Line > lines || pe.Msg == "" {
			t.Fatalf("bad ParseError %+v for a file of %d lines", pe, lines)
		}
	}
	for _, r := range p.Records {
		if strings.TrimSpace(r.Title) == "" || strings.TrimSpace(r.Abstract) == "" ||
			!utf8.ValidString(r.Title) || !utf8.ValidString(r.Abstract) ||
			len(r.Title) > maxTitleBytes || len(r.Abstract) > maxAbstractBytes ||
			strings.IndexByte(r.Title+r.Abstract, 0) >= 0 || r.Line < 1 || r.Line > lines {
			t.Fatalf("unstorable record %+v", r)
		}
	}
	if len(p.Records) == 0 && len(p.Bad) == 0 && format != FormatArxiv {
		t.Fatal("no records and no error")
	}
	_, err = strict(p, nil)
	var pe *ParseError
	if err != nil && !errors.As(err, &pe) {
		t.Fatalf("strict error %T is not a ParseError", err)
	}
}

func FuzzParsePage(f *testing.F) {
	f.Add([]byte("new\n\nMar 14\n\nA Title\n\nThe abstract: 277 FPS on an RTX 3090.\n"))
	f.Add([]byte("\ufeffT\r\n\r\n\xff\r\n"))
	f.Add(Bundled()[:2000])
	f.Fuzz(func(t *testing.T, data []byte) { checkParsed(t, data, FormatPage) })
}

func FuzzParseJSONL(f *testing.F) {
	f.Add([]byte(`{"title":"T","abstract":"A 2x speedup.","arxiv_id":"2401.01234v2","published":"2024-03-01"}` + "\n"))
	f.Add([]byte("{\"title\":\"T\"}\n{not json\n"))
	f.Add([]byte("{\"title\":\"\\u0000\",\"abstract\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParsed(t, data, FormatJSONL) })
}

func FuzzParseArxiv(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.01234v1</id><title>T</title><summary>S</summary></entry></feed>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>`))
	f.Add([]byte(`<?xml version="1.0" encoding="latin1"?><feed/>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkParsed(t, data, FormatArxiv) })
}
