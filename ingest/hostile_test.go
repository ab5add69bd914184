package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
)

// arxivEntry is a one-entry arXiv API feed whose alternate link, authors,
// category and comment the caller sets.
func arxivEntry(link, authors, category, comment string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/2310.10642v3</id>
    <published>2023-10-16T17:57:43Z</published>
    <title>A hostile entry</title>
    <summary>Our model renders at up to 114 FPS on an RTX 4090 GPU.</summary>
    <author><name>` + authors + `</name></author>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">` + comment + `</arxiv:comment>
    <link href="` + link + `" rel="alternate" type="text/html"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="` + category + `"/>
  </entry>
</feed>
`)
}

// Links a browser would run or send elsewhere, and fields of any size, were
// stored from JSON Lines and arXiv feeds; each is refused now with the file,
// line and entry named, and nothing of the file is written.
func TestIngestRefusesDangerousLinksAndOversizeFields(t *testing.T) {
	good := `{"title":"A fine paper","abstract":"We reach 277 FPS on an RTX 3090 GPU.","url":"https://arxiv.org/abs/2401.01234"}` + "\n"
	jsonl := func(field, value string) []byte {
		return []byte(good + `{"title":"Hostile","abstract":"We reach 100 FPS.","` + field + `":"` + value + `"}` + "\n")
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"js.jsonl", jsonl("url", "javascript:alert(1)"), `js.jsonl:2: entry 2: url: "javascript:alert(1)" is not an absolute http or https URL`},
		{"case.jsonl", jsonl("code_url", "JaVaScRiPt:alert(1)"), "case.jsonl:2: entry 2: code_url:"},
		{"tab.jsonl", jsonl("url", `java\tscript:alert(1)`), "tab.jsonl:2: entry 2: url:"},
		{"newline.jsonl", jsonl("code_url", `java\nscript:alert(1)`), "newline.jsonl:2: entry 2: code_url:"},
		{"data.jsonl", jsonl("url", "data:text/html,<script>alert(1)</script>"), "data.jsonl:2: entry 2: url:"},
		{"vbs.jsonl", jsonl("url", "vbscript:msgbox(1)"), "vbs.jsonl:2: entry 2: url:"},
		{"schemeless.jsonl", jsonl("code_url", "//evil.example/x"), "schemeless.jsonl:2: entry 2: code_url:"},
		{"js.xml", arxivEntry("javascript:alert(1)", "A. Author", "cs.CV", ""), "js.xml:3: entry 1: url:"},
		{"tab.xml", arxivEntry("java&#9;script:alert(1)", "A. Author", "cs.CV", ""), "tab.xml:3: entry 1: url:"},
		{"long-link.xml", arxivEntry("https://arxiv.org/"+strings.Repeat("a", 1<<20), "A. Author", "cs.CV", ""), "long-link.xml:3: entry 1: url: is 1048594 bytes, more than 2000"},
		{"authors.xml", arxivEntry("https://arxiv.org/abs/2310.10642", strings.Repeat("A", 200_000), "cs.CV", ""), "authors.xml:3: entry 1: authors: is 200000 bytes"},
		{"category.xml", arxivEntry("https://arxiv.org/abs/2310.10642", "A. Author", strings.Repeat("c", 1000), ""), "category.xml:3: entry 1: category: is 1000 bytes"},
		{"comment.xml", arxivEntry("https://arxiv.org/abs/2310.10642", "A. Author", "cs.CV", strings.Repeat("c ", 60_000)), "comment.xml:3: entry 1: <arxiv:comment> is 120000 bytes"},
		{"published.jsonl", []byte(good + `{"title":"T","abstract":"A","published":"` + strings.Repeat("9", 1<<20) + `"}` + "\n"), `published.jsonl:2: "published": "999`},
	}
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		before := dump(t, dsn)
		for _, tc := range cases {
			_, err := ingest.Ingest(ctx, s, tc.name, tc.data, ingest.Options{})
			var pe *ingest.ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tc.want) || len(err.Error()) > 400 {
				t.Errorf("%s: err = %.300v, want a short ParseError starting %q", tc.name, err, tc.want)
			}
			if after := dump(t, dsn); after != before {
				t.Errorf("%s: a refused file changed the database", tc.name)
			}
		}
		// With --skip-bad the good record goes in and the hostile one is listed.
		res, err := ingest.Ingest(ctx, s, "skip.jsonl", jsonl("url", "javascript:alert(1)"), ingest.Options{SkipBad: true})
		if err != nil || res.Added != 1 || len(res.Bad) != 1 || res.Bad[0].Line != 2 {
			t.Fatalf("skip-bad: %+v, %v", res, err)
		}
	})
}

// A link in an abstract that the store would refuse is not taken as the
// paper's code link: it must not make the paper unstorable.
func TestFindLinksSkipsUnstorableLinks(t *testing.T) {
	code, _ := ingest.FindLinks("Code: https://github.com/a/b%zz and https://github.com/" + strings.Repeat("x", 3000) + " and github.com/good/repo.")
	if code != "https://github.com/good/repo" {
		t.Fatalf("code = %q", code)
	}
}
