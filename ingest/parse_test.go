package ingest

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseArxivFeed(t *testing.T) {
	recs, err := ParseArxiv(strings.NewReader(string(mustRead(t, "testdata/arxiv-feed.xml"))), "feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	r := recs[0]
	if r.ArxivID != "2310.10642" || r.ArxivVersion != 3 {
		t.Errorf("id = %q v%d, want 2310.10642 v3", r.ArxivID, r.ArxivVersion)
	}
	if r.Title != "Real-time Photorealistic Dynamic Scene Representation and Rendering with 4D Gaussian Splatting" {
		t.Errorf("title whitespace not collapsed: %q", r.Title)
	}
	if strings.Contains(r.Abstract, "\n") || strings.Contains(r.Abstract, "  ") || !strings.HasPrefix(r.Abstract, "Reconstructing dynamic") {
		t.Errorf("summary whitespace not collapsed: %q", r.Abstract)
	}
	if r.Authors != "Zeyu Yang, Hongye Yang" || r.PrimaryCategory != "cs.CV" || r.URL != "http://arxiv.org/abs/2310.10642v3" {
		t.Errorf("authors %q, category %q, url %q", r.Authors, r.PrimaryCategory, r.URL)
	}
	if r.Published == nil || r.Published.Format("2006-01-02") != "2023-10-16" {
		t.Errorf("published = %v", r.Published)
	}
	if r.Line != 10 || r.Entry != 1 {
		t.Errorf("entry 1 at line %d entry %d, want line 10", r.Line, r.Entry)
	}
	if recs[1].ProjectURL != "https://guanjunwu.github.io/4dgs/" {
		t.Errorf("project page from the comment = %q", recs[1].ProjectURL)
	}
	if recs[2].ArxivID != "hep-th/0601001" || recs[2].Title != "An Old-Style Identifier & Entities" || recs[2].Abstract != "We keep old-style identifiers working; 3 < 4." {
		t.Errorf("old-style entry = %+v", recs[2])
	}
	if p, err := ParseFile(mustRead(t, "testdata/arxiv-empty-result.xml"), "none.xml", FormatAuto); err != nil || len(p.Records) != 0 || len(p.Bad) != 0 || p.Format != FormatArxiv {
		t.Errorf("a feed with no entries = %+v, %v; want no records and no error", p, err)
	}
}

// Every hostile input is refused with a ParseError that names the file and
// the line (and entry) at fault; none panics.
func TestParseHostileInputs(t *testing.T) {
	feed := string(mustRead(t, "testdata/arxiv-feed.xml"))
	bigTitle := strings.Repeat("T", 1<<20)
	cases := []struct {
		name, format, in string
		line, entry      int
		msg              string
		good             int // records still read
	}{
		{"arxiv truncated", FormatArxiv, string(mustRead(t, "testdata/arxiv-truncated.xml")), 33, 2, "truncated", 1},
		{"arxiv api error", FormatArxiv, string(mustRead(t, "testdata/arxiv-api-error.xml")), 8, 1, "incorrect id format", 0},
		{"arxiv invalid utf8", FormatArxiv, strings.Replace(feed, "Zeyu Yang", "Zeyu \xff Yang", 1), 22, 1, "UTF-8", 0},
		{"arxiv not a feed", FormatArxiv, "<?xml version=\"1.0\"?>\n<html><body>503</body></html>", 2, 0, "not an Atom feed", 0},
		{"arxiv 1 MB title", FormatArxiv, strings.Replace(feed, "4D Gaussian Splatting for Real-Time", bigTitle, 1), 33, 2, "more than 1000", 2},
		{"arxiv bad id", FormatArxiv, strings.Replace(feed, "abs/2310.08528v2</id>", "abs/nonsense</id>", 1), 33, 2, "not an arXiv", 2},
		{"arxiv empty", FormatArxiv, "", 1, 0, "empty", 0},
		{"jsonl invalid utf8", FormatJSONL, "{\"title\":\"A\",\"abstract\":\"ok\"}\n{\"title\":\"B\xff\",\"abstract\":\"x\"}\n", 2, 0, "UTF-8", 1},
		{"jsonl NUL", FormatJSONL, "{\"title\":\"A\\u0000\",\"abstract\":\"x\"}\n", 1, 0, "NUL", 0},
		{"jsonl 1 MB title", FormatJSONL, "{\"title\":\"" + bigTitle + "\",\"abstract\":\"x\"}\n{\"title\":\"B\",\"abstract\":\"y\"}\n", 1, 0, "more than 1000", 1},
		{"jsonl two values", FormatJSONL, "{\"title\":\"A\",\"abstract\":\"x\"} {}\n", 1, 0, "more than one", 0},
		{"jsonl bad arxiv id", FormatJSONL, "{\"title\":\"A\",\"abstract\":\"x\",\"arxiv_id\":\"12\"}\n", 1, 0, "arxiv_id", 0},
		{"jsonl empty", FormatJSONL, "\n\n", 1, 0, "empty", 0},
		{"page 1 MB title", FormatPage, "Good\n\nAbstract.\n\n" + bigTitle + "\n\nIts abstract " + strings.Repeat("x", 500) + "\n\nNext\n\nNext abstract.\n", 5, 0, "paragraph of", 2},
		{"page invalid utf8 in CRLF", FormatPage, "T1\r\n\r\nfine\r\n\r\nT2\r\n\r\nbad \xff\xfe here\r\n", 7, 0, "UTF-8", 1},
		{"page empty", FormatPage, "", 1, 0, "empty", 0},
		{"page only chrome", FormatPage, "new\n\nSubscribe\n\nMar 14\n", 1, 0, "no papers", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseFile([]byte(tc.in), "hostile.in", tc.format)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Bad) == 0 {
				t.Fatalf("accepted: %d records", len(p.Records))
			}
			pe := p.Bad[0]
			if pe.File != "hostile.in" || pe.Line != tc.line || pe.Entry != tc.entry || !strings.Contains(pe.Msg, tc.msg) {
				t.Fatalf("error = %v (line %d entry %d), want line %d entry %d mentioning %q", pe, pe.Line, pe.Entry, tc.line, tc.entry, tc.msg)
			}
			if len(p.Records) != tc.good {
				t.Fatalf("%d good records alongside the bad one, want %d", len(p.Records), tc.good)
			}
			// The strict parsers fail with the same error.
			_, err = strict(p, nil)
			var got *ParseError
			if !errors.As(err, &got) || got != pe {
				t.Fatalf("strict error = %v", err)
			}
		})
	}
}

func TestParseVeryLongLinesAndBOM(t *testing.T) {
	abstract := strings.Repeat("word ", 20_000) // a 100 KB line
	in := "\ufeffA Title\r\n\r\n" + strings.TrimSpace(abstract)[:maxAbstractBytes-1] + "\r\n"
	recs, err := ParsePage(strings.NewReader(in), "long.txt")
	if err != nil || len(recs) != 1 || recs[0].Title != "A Title" {
		t.Fatalf("recs = %d, err = %v", len(recs), err)
	}
	j := "\ufeff{\"title\":\"T\",\"abstract\":\"" + strings.Repeat("y", maxAbstractBytes-1) + "\"}\r\n"
	if recs, err := ParseJSONL(strings.NewReader(j), "long.jsonl"); err != nil || len(recs) != 1 {
		t.Fatalf("jsonl: %d, %v", len(recs), err)
	}
}

func TestParseJSONLFields(t *testing.T) {
	recs, err := ParseJSONL(strings.NewReader(string(mustRead(t, "testdata/papers.jsonl"))), "papers.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0].ArxivID != "2105.13120" || recs[0].ArxivVersion != 3 || recs[0].Published.Format("2006-01-02") != "2021-05-26" {
		t.Fatalf("first = %+v", recs[0])
	}
	if recs[1].Line != 3 || recs[1].Entry != 2 || recs[1].Published.Hour() != 18 {
		t.Fatalf("second = %+v", recs[1])
	}
}

func TestDetectFormat(t *testing.T) {
	for in, want := range map[string]string{
		"\ufeff  {\"title\":1}":                               FormatJSONL,
		"\n<?xml version=\"1.0\"?><feed/>":                    FormatArxiv,
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>": FormatArxiv,
		"A title\n\nAn abstract\n":                            FormatPage,
		"":                                                    FormatPage,
	} {
		if got := Detect([]byte(in)); got != want {
			t.Errorf("Detect(%q) = %s, want %s", in, got, want)
		}
	}
	if _, err := ParseFile([]byte("x"), "x", "csv"); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func TestParseArxivID(t *testing.T) {
	for in, want := range map[string]struct {
		id string
		v  int
	}{
		"2401.01234":                             {"2401.01234", 0},
		"arXiv:2401.01234v2":                     {"2401.01234", 2},
		"http://arxiv.org/abs/2401.01234v12":     {"2401.01234", 12},
		"https://arxiv.org/pdf/2401.01234v1.pdf": {"2401.01234", 1},
		"hep-th/0601001v1":                       {"hep-th/0601001", 1},
		"math.GT/0309136":                        {"math.GT/0309136", 0},
	} {
		id, v, ok := ParseArxivID(in)
		if !ok || id != want.id || v != want.v {
			t.Errorf("ParseArxivID(%q) = %q, %d, %v", in, id, v, ok)
		}
	}
	for _, in := range []string{"", "12", "2401.01234v0", "http://arxiv.org/api/errors#x", "2401.01234 v2"} {
		if _, _, ok := ParseArxivID(in); ok {
			t.Errorf("ParseArxivID(%q) accepted", in)
		}
	}
}

func TestFindLinks(t *testing.T) {
	cases := []struct{ text, code, project string }{
		{"Code will be released at https://github.com/jasongzy/EG4D.", "https://github.com/jasongzy/EG4D", ""},
		{"Project page: https://vita-group.github.io/4DGen/", "", "https://vita-group.github.io/4DGen/"},
		{"See our website (https://example.org/proj) and code (github.com/a/b).", "https://github.com/a/b", "https://example.org/proj"},
		{"Models at https://gitlab.com/group/repo, data at https://zenodo.org/records/1.", "https://gitlab.com/group/repo", ""},
		{"We compare with https://github.com and www.example.com.", "", ""},
		{"No links, 3.5x faster.", "", ""},
		{"Code: GitHub.com/Org/Repo.", "https://GitHub.com/Org/Repo", ""},
		{"Demo at WWW.Example.org/demo", "", "https://WWW.Example.org/demo"},
	}
	for _, tc := range cases {
		code, project := FindLinks(tc.text)
		if code != tc.code || project != tc.project {
			t.Errorf("FindLinks(%q) = %q, %q; want %q, %q", tc.text, code, project, tc.code, tc.project)
		}
	}
}
