package models_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// hostileLinks are the values a red-team pass got stored as live links on
// /papers/:id; none may be stored, shown or given out.
var hostileLinks = []string{
	"javascript:alert(1)",
	"JaVaScRiPt:alert(1)",
	"java\tscript:alert(1)",
	"java\nscript:alert(1)",
	" javascript:alert(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"vbscript:msgbox(1)",
	"//evil.example/x",
	"/papers/1",
	"https:\\\\evil.example",
	"http:///evil.example",
	"https://user:pw@evil.example/",
	"ftp://example.org/paper.pdf",
	"https://" + strings.Repeat("a", models.MaxURLLen) + ".example",
}

var goodLinks = []string{"https://arxiv.org/abs/2401.01234", "http://example.org/p?q=1#x", "HTTPS://github.com/a/b"}

func TestCheckLinkURL(t *testing.T) {
	for _, s := range hostileLinks {
		err := models.CheckLinkURL("code_url", s)
		if err == nil || !strings.HasPrefix(err.Error(), "code_url: ") {
			t.Errorf("CheckLinkURL(%q) = %v, want a refusal naming the field", s, err)
		}
		if models.LinkURL(s) != "" {
			t.Errorf("LinkURL(%q) passed it through", s)
		}
	}
	for _, s := range goodLinks {
		if err := models.CheckLinkURL("url", s); err != nil {
			t.Errorf("CheckLinkURL(%q) = %v, want nil", s, err)
		}
	}
}

func TestSaveRefusesHostileLinksAndOversizeFields(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		for i, link := range hostileLinks {
			for _, field := range []string{"url", "code_url", "project_url"} {
				p := samplePaper("Hostile paper", 277, "fps")
				switch field {
				case "url":
					p.SourceURL = link
				case "code_url":
					p.CodeURL = link
				default:
					p.ProjectURL = link
				}
				if _, err := s.SavePapers(ctx, []models.PaperInput{p}); err == nil || !strings.Contains(err.Error(), field+": ") {
					t.Errorf("link %d in %s: err = %v, want a refusal naming %s", i, field, err, field)
				}
			}
		}
		for _, c := range []struct {
			field string
			set   func(*models.PaperInput)
		}{
			{"authors", func(p *models.PaperInput) { p.Authors = strings.Repeat("A. Author, ", 20_000) }},
			{"category", func(p *models.PaperInput) { p.PrimaryCategory = strings.Repeat("cs.LG", 100) }},
			{"arxiv_id", func(p *models.PaperInput) { p.ArxivID = strings.Repeat("1", 100) }},
		} {
			p := samplePaper("Oversize paper", 277, "fps")
			c.set(&p)
			if _, err := s.SavePapers(ctx, []models.PaperInput{p}); err == nil || !strings.Contains(err.Error(), c.field+": ") {
				t.Errorf("oversize %s: err = %v", c.field, err)
			}
		}
		if n, err := s.CountPapers(ctx); err != nil || n != 0 {
			t.Fatalf("papers stored = %d, %v; want none", n, err)
		}
	})
}

// Migration 00014 clears the dangerous links an older version stored and
// keeps the good ones.
func TestMigration14ClearsHostileLinks(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		links := append(append([]string{}, hostileLinks...), goodLinks...)
		var papers []models.PaperInput
		for i := range links {
			p := samplePaper("Paper "+strings.Repeat("x", i+1), 277, "fps")
			p.SourceURL, p.CodeURL, p.ProjectURL = "https://example.org/a", "https://github.com/a/b", "https://a.github.io/"
			papers = append(papers, p)
		}
		MustSave(t, s, papers...)
		if _, err := s.MigrateDownTo(ctx, 13); err != nil {
			t.Fatalf("down to 13: %v", err)
		}
		db := s.GormDB()
		for i, link := range links {
			title := "Paper " + strings.Repeat("x", i+1)
			if err := db.Exec("UPDATE papers SET source_url = ?, code_url = ?, project_url = ? WHERE title = ?", link, link, link, title).Error; err != nil {
				t.Fatalf("plant %q: %v", link, err)
			}
		}
		if err := db.Exec("INSERT INTO moderators (username, password_hash, created_at) VALUES ('Alice', 'x', CURRENT_TIMESTAMP), ('Bob', 'x', CURRENT_TIMESTAMP), ('bob', 'x', CURRENT_TIMESTAMP)").Error; err != nil {
			t.Fatal(err)
		}
		if _, err := s.MigrateUp(ctx); err != nil {
			t.Fatalf("up: %v", err)
		}
		for i, link := range links {
			var got []string
			if err := db.Raw("SELECT source_url || '|' || code_url || '|' || project_url FROM papers WHERE title = ?",
				"Paper "+strings.Repeat("x", i+1)).Scan(&got).Error; err != nil || len(got) != 1 {
				t.Fatalf("read back %q: %v %v", link, got, err)
			}
			want := "||"
			if i >= len(hostileLinks) {
				want = link + "|" + link + "|" + link
			}
			if got[0] != want {
				t.Errorf("%s: %q after 00014: %q, want %q", s.Dialect(), link, got[0], want)
			}
		}
		var names []string
		if err := db.Raw("SELECT username FROM moderators ORDER BY username").Scan(&names).Error; err != nil {
			t.Fatal(err)
		}
		sort.Strings(names)
		if strings.Join(names, ",") != "Bob,alice,bob" {
			t.Errorf("moderators after 00014 = %v, want Alice lowered and Bob kept (bob is taken)", names)
		}
	})
}
