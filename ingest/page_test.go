package ingest

import (
	"errors"
	"strings"
	"testing"
)

func TestParseBundledCorpus(t *testing.T) {
	recs, err := ParsePage(strings.NewReader(string(Bundled())), BundledName)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 76 {
		t.Fatalf("bundled corpus has %d papers, want 76", len(recs))
	}
	if recs[0].Title != "Sequence Parallelism: Long Sequence Training from System Perspective" {
		t.Fatalf("first title = %q", recs[0].Title)
	}
	for _, r := range recs {
		if len(r.Abstract) < 200 || len(r.Title) > maxTitleLen {
			t.Fatalf("record at line %d looks misaligned: %q", r.Line, r.Title)
		}
	}
}

func TestParsePageToleratesCRLFAndBOM(t *testing.T) {
	in := "\ufeffnew\r\n\r\nMar 14\r\n\r\nA Title\r\n\r\nThe abstract, long enough.\r\n\r\n\r\nSecond Title\r\n\r\nSecond abstract.\r\n"
	recs, err := ParsePage(strings.NewReader(in), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Title != "A Title" || recs[1].Abstract != "Second abstract." || recs[1].Line != 10 {
		t.Fatalf("records = %+v", recs)
	}
}

func TestParsePageErrorsNameFileAndLine(t *testing.T) {
	cases := map[string]struct {
		in   string
		line int
	}{
		"title without abstract": {"T1\n\nAbstract one.\n\nDangling title\n", 5},
		"empty":                  {"\n\n", 1},
		"abstract first":         {strings.Repeat("word ", 200) + "\n", 1},
		"bad utf8":               {"T1\n\n\xff\xfe\n", 3},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParsePage(strings.NewReader(tc.in), "feed.txt")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if pe.File != "feed.txt" || pe.Line != tc.line {
				t.Fatalf("error at %s:%d (%v), want line %d", pe.File, pe.Line, err, tc.line)
			}
		})
	}
}

func TestParseDetectsJSONL(t *testing.T) {
	recs, err := Parse([]byte(`{"title":"T","abstract":"A 2x speedup.","published":"2024-03-01"}`+"\n"), "a.jsonl")
	if err != nil || len(recs) != 1 || recs[0].Published == nil || recs[0].Published.Year() != 2024 {
		t.Fatalf("recs = %+v, err = %v", recs, err)
	}
	_, err = Parse([]byte("{\"title\":\"T\",\"abstract\":\"A\"}\n{\"title\": \"no abstract\"}\n"), "b.jsonl")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.Contains(pe.Msg, "abstract") {
		t.Fatalf("err = %v, want b.jsonl:2 missing abstract", err)
	}
}

func TestParsePageKeepsTheTrendingDateHeading(t *testing.T) {
	in := "Mar 14\n\nA Title\n\nThe abstract.\n\nMar 13, 2024\n\nSecond Title\n\nSecond abstract.\n"
	recs, err := ParsePage(strings.NewReader(in), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Trending != "Mar 14" || recs[1].Trending != "Mar 13, 2024" {
		t.Fatalf("records = %+v", recs)
	}
	// The date is when a paper trended, never its submission date.
	if recs[0].Published != nil || recs[1].Published != nil {
		t.Fatalf("a trending heading became a publication date: %+v", recs)
	}
	bundled, err := ParsePage(strings.NewReader(string(Bundled())), BundledName)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range bundled {
		if r.Trending != "Mar 14" {
			t.Fatalf("%q: trending %q, want the page's one heading \"Mar 14\"", r.Title, r.Trending)
		}
	}
}
