package models_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func methodOf(t *testing.T, s *models.Store, id int64) (string, string) {
	t.Helper()
	p, err := s.GetPaper(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Method, p.MethodSource
}

// A paper's method is stored with it, follows a new abstract and a
// re-extraction, shows on its leaderboard rows, and a human's stays.
func TestPaperMethodStoredAndKept(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		a := samplePaper("Splatting fast", 300, "fps")
		a.Method = "SplatX"
		b := samplePaper("No name here", 100, "fps")
		MustSave(t, s, a, b)
		idA, idB := paperID(t, s, a.Title), paperID(t, s, b.Title)
		if m, src := methodOf(t, s, idA); m != "SplatX" || src != models.MethodByExtractor {
			t.Fatalf("method of A = %q by %q", m, src)
		}
		if m, _ := methodOf(t, s, idB); m != "" {
			t.Fatalf("a paper naming no method got %q", m)
		}
		lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps"})
		if err != nil {
			t.Fatal(err)
		}
		if lb.Rows[0].PaperMethod != "SplatX" || lb.Rows[1].PaperMethod != "" {
			t.Fatalf("rows' methods = %q, %q", lb.Rows[0].PaperMethod, lb.Rows[1].PaperMethod)
		}

		// A new abstract brings the method of its text; the same text again changes nothing.
		a2 := a
		a2.Abstract += " Now faster."
		a2.Method = "SplatY"
		MustSave(t, s, a2)
		if m, _ := methodOf(t, s, idA); m != "SplatY" {
			t.Fatalf("method after a new abstract = %q", m)
		}
		if err := s.ReplaceExtractedMethods(ctx, map[int64]string{idA: "SplatZ", idB: "Named"}); err != nil {
			t.Fatal(err)
		}
		if m, _ := methodOf(t, s, idB); m != "Named" {
			t.Fatalf("method after reextract = %q", m)
		}

		// A human's method survives re-extraction and a new abstract.
		if err := s.GormDB().Exec("UPDATE papers SET method = 'Hand', method_source = 'human' WHERE id = ?", idA).Error; err != nil {
			t.Fatal(err)
		}
		if err := s.ReplaceExtractedMethods(ctx, map[int64]string{idA: "Machine"}); err != nil {
			t.Fatal(err)
		}
		a3 := a2
		a3.Abstract += " Again."
		a3.Method = "Machine"
		MustSave(t, s, a3)
		if m, src := methodOf(t, s, idA); m != "Hand" || src != models.MethodByHuman {
			t.Fatalf("human method after reextract and new text = %q by %q", m, src)
		}
	})
}
