package models_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// A batch past its memo bound forgets the papers it wrote and finds them
// again in its own transaction: a repeat late in a long file is still the
// same paper, by title and by arXiv id, and nothing is written twice.
func TestBatchPastMemoBoundStillMatchesItsOwnPapers(t *testing.T) {
	defer models.SetMemoLimit(10)()
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		paper := func(i int, abstract string) models.PaperInput {
			p := models.PaperInput{Title: fmt.Sprintf("Paper number %d", i), Abstract: abstract}
			if i%2 == 0 {
				p.ArxivID = fmt.Sprintf("2401.%05d", i)
			}
			return p
		}
		st, err := s.Ingest(ctx, models.Source{Name: "jsonl", File: "long.jsonl"}, func(b *models.Batch) error {
			for lo := 0; lo < 40; lo += 5 {
				var chunk []models.PaperInput
				for i := lo; i < lo+5; i++ {
					chunk = append(chunk, paper(i, "first text"))
				}
				if err := b.Save(chunk); err != nil {
					return err
				}
			}
			// Long forgotten: 2 (by arXiv id, retitled), 3 (by title) unchanged, 5 changed.
			again := []models.PaperInput{paper(3, "first text"), paper(5, "second text")}
			renamed := paper(2, "first text")
			renamed.Title = "Paper number 2, retitled"
			again = append(again, renamed)
			return b.Save(again)
		})
		if err != nil {
			t.Fatal(err)
		}
		if st.Added != 40 || st.Unchanged != 1 || st.Updated != 2 {
			t.Fatalf("stats = %+v, want 40 added, 1 unchanged, 2 updated", st)
		}
		if n, err := s.CountPapers(ctx); err != nil || n != 40 {
			t.Fatalf("papers = %d, %v; want 40", n, err)
		}
		p, err := s.FindPaper(ctx, "2401.00002", "")
		if err != nil || p.Title != "Paper number 2, retitled" {
			t.Fatalf("paper 2 = %+v, %v; want it retitled", p, err)
		}
	})
}
