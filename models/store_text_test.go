package models_test

import (
	"context"
	"slices"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// leaderboardValues lists the values of fps claims matching q.
func leaderboardValues(t *testing.T, s *models.Store, q string) []float64 {
	t.Helper()
	lb, err := s.Leaderboard(context.Background(), models.LeaderboardFilter{Metric: "fps", Query: q, Sort: "value"})
	if err != nil {
		t.Fatal(err)
	}
	var vals []float64
	for _, r := range lb.Rows {
		vals = append(vals, r.Value)
	}
	return vals
}

// The word indexes (migration 00023) follow every write that changes a
// searched text: a claim's subject, baseline and evidence, its device's
// name, its paper's title and abstract, and a deletion, on both databases.
func TestFullTextIndexFollowsWrites(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		p := samplePaper("Platypus Renderer", 277, "fps")
		p.Claims[0].Subject, p.Claims[0].Baseline = "indoor scenes", "Instant-NGP"
		MustSave(t, s, p, samplePaper("Unrelated Work", 583, "fps"))
		db := s.GormDB()
		for q, want := range map[string][]float64{
			"platypus":       {277},
			"PLATY":          {277}, // a word's beginning
			"indoor":         {277},
			"instant ngp":    {277},
			"ngp instant":    {277}, // words in any order
			"nvidia 3090":    {583, 277},
			"rtx 3090 quoll": nil, // every word must be there
			"render":         {277},
			"pl":             nil, // two letters match whole words only
		} {
			if got := leaderboardValues(t, s, q); !slices.Equal(got, want) {
				t.Errorf("q=%q = %v, want %v", q, got, want)
			}
		}
		steps := []struct {
			sql        string
			gone, seen string
		}{
			{"UPDATE claims SET subject = 'outdoor drones' WHERE value = 277", "indoor", "drones"},
			{"UPDATE claims SET evidence = 'we reach 277 frames with wombats' WHERE value = 277", "gpu", "wombats"},
			{"UPDATE hardware SET name = 'Quokka Card 9' WHERE slug = 'nvidia-rtx-3090'", "", "quokka"},
			{"UPDATE papers SET title = 'Numbat Renderer' WHERE title = 'Platypus Renderer'", "platypus", "numbat"},
		}
		for _, st := range steps {
			if err := db.Exec(st.sql).Error; err != nil {
				t.Fatalf("%s: %v", st.sql, err)
			}
			if st.gone != "" && slices.Contains(leaderboardValues(t, s, st.gone), 277) {
				t.Errorf("after %s: q=%s still matches", st.sql, st.gone)
			}
			if got := leaderboardValues(t, s, st.seen); len(got) == 0 {
				t.Errorf("after %s: q=%s matches nothing", st.sql, st.seen)
			}
		}
		// A paper found by a word of its abstract only, then by a new abstract.
		res, err := s.Search(ctx, models.SearchQuery{Text: "rtx"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Papers) != 2 || !res.Papers[0].InAbstract || res.PapersTotal != 2 {
			t.Fatalf("q=rtx papers = %+v", res.Papers)
		}
		if err := db.Exec("UPDATE papers SET abstract = 'About echidnas.' WHERE title = 'Unrelated Work'").Error; err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"echidnas": 1, "rtx": 1} {
			if res, err = s.Search(ctx, models.SearchQuery{Text: q}); err != nil || len(res.Papers) != want {
				t.Fatalf("q=%s after the abstract changed: %d papers, %v", q, len(res.Papers), err)
			}
		}
		if err := db.Exec("DELETE FROM papers WHERE title = 'Numbat Renderer'").Error; err != nil {
			t.Fatal(err)
		}
		if res, err = s.Search(ctx, models.SearchQuery{Text: "numbat"}); err != nil || len(res.Papers)+len(res.Claims) != 0 {
			t.Fatalf("q=numbat after the delete: %+v, %v", res, err)
		}
	})
}

// Search is ranked: a word in a title outranks the same word in an
// abstract or in evidence, for papers and claims, on both databases.
func TestSearchIsRanked(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		inAbstract := samplePaper("First Paper", 100, "fps")
		inAbstract.Abstract = "We render bilbys at up to 277 FPS on an RTX 3090 GPU."
		inAbstract.Claims[0].Evidence = inAbstract.Abstract[3:30]
		inAbstract.Claims[0].EvidenceStart, inAbstract.Claims[0].EvidenceEnd = 3, 30
		MustSave(t, s, inAbstract, samplePaper("Second Paper", 200, "fps"), samplePaper("Bilby: A Renderer", 300, "fps"))
		res, err := s.Search(ctx, models.SearchQuery{Text: "bilby"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Papers) != 2 || res.Papers[0].Title != "Bilby: A Renderer" || res.Papers[0].InAbstract || !res.Papers[1].InAbstract {
			t.Fatalf("papers for bilby = %+v", res.Papers)
		}
		if len(res.Claims) != 2 || res.Claims[0].Value != 300 || res.Claims[1].Value != 100 {
			t.Fatalf("claims for bilby = %+v", res.Claims)
		}
	})
}

// /search's claims are the leaderboard's text matches: the same builder,
// so the same rows, on both databases (the page, CSV and API share the
// leaderboard's; handlers' TestCSVAndAPIAreThePageAllPagesJoined checks those).
func TestSearchClaimsAreTheLeaderboardsTextMatches(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		s.SetTextAliases(func(q string) []string {
			if q == "rtx3090" {
				return []string{"nvidia-rtx-3090"}
			}
			return nil
		})
		a := samplePaper("Kiwi Splats", 277, "fps")
		b := samplePaper("Kiwi Fields", 583, "fps")
		b.Claims[0].Hardware = &models.Hardware{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"}
		b.Claims[0].Evidence = "up to 277 FPS"
		MustSave(t, s, a, b, samplePaper("Other", 30, "fps"))
		for _, q := range []string{"kiwi", "rtx3090", "a100", "kiwi 277", "fps", "nothing-here", "!!"} {
			res, err := s.Search(ctx, models.SearchQuery{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			var fromSearch []float64
			for _, r := range res.Claims {
				fromSearch = append(fromSearch, r.Value)
			}
			slices.Sort(fromSearch)
			fromBoard := leaderboardValues(t, s, q)
			slices.Sort(fromBoard)
			if !slices.Equal(fromSearch, fromBoard) {
				t.Errorf("q=%q: /search %v, leaderboard %v", q, fromSearch, fromBoard)
			}
		}
		if got := leaderboardValues(t, s, "rtx3090"); len(got) != 2 {
			t.Errorf("q=rtx3090 (an alias no text holds) = %v, want the two RTX 3090 claims", got)
		}
	})
}

// Migration 00023 indexes what a database at 00020 already holds.
func TestFullTextMigrationIndexesExistingRows(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		if _, err := s.MigrateDownTo(ctx, 20); err != nil {
			t.Fatal(err)
		}
		// Written with 00020's schema: plain SQL, no search columns.
		db := s.GormDB()
		for _, stmt := range []string{
			`INSERT INTO hardware (slug, name, vendor) VALUES ('nvidia-a100', 'NVIDIA A100', 'NVIDIA')`,
			`INSERT INTO papers (content_key, title, abstract, abstract_hash) VALUES ('k1', 'Wallaby Renderer', 'About kangaroos.', 'h')`,
			`INSERT INTO claims (paper_id, metric_id, value, unit, hardware_id, evidence, evidence_start, evidence_end, subject)
				SELECT p.id, m.id, 42, 'FPS', h.id, 'reaches 42 FPS', 0, 14, 'marsupials'
				FROM papers p, metrics m, hardware h WHERE m.slug = 'fps'`,
		} {
			if err := db.Exec(stmt).Error; err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		if _, err := s.MigrateUp(ctx); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"wallaby", "marsupials", "a100", "reaches"} {
			if got := leaderboardValues(t, s, q); !slices.Equal(got, []float64{42}) {
				t.Errorf("q=%s after migrating = %v", q, got)
			}
		}
		res, err := s.Search(ctx, models.SearchQuery{Text: "kangaroos"})
		if err != nil || len(res.Papers) != 1 {
			t.Fatalf("abstract search after migrating: %+v, %v", res, err)
		}
	})
}

// A paper is found by its method name (papers.method, stored with the title in
// the word index) even when neither title nor abstract spells it, and a
// moderator's new method is found at once.
func TestSearchFindsThePapersMethod(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		p := samplePaper("A Renderer for Small Marsupials", 120, "fps")
		p.Method = "Quokkanet"
		MustSave(t, s, p, samplePaper("Other", 30, "fps"))
		res, err := s.Search(ctx, models.SearchQuery{Text: "quokkanet"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Papers) != 1 || res.Papers[0].Title != p.Title {
			t.Fatalf("papers for the method = %+v", res.Papers)
		}
		id := res.Papers[0].ID
		mod, err := s.AddModerator(ctx, "alice", "a long test password")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.EditPaper(ctx, id, mod.ID, models.PaperEdit{Method: "Wombatron"}); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"wombatron": 1, "quokkanet": 0} {
			res, err := s.Search(ctx, models.SearchQuery{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Papers) != want {
				t.Fatalf("papers for %q after the edit = %+v, want %d", q, res.Papers, want)
			}
		}
	})
}
