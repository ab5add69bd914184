package models_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// Following NextAfter cursors through a leaderboard gives exactly the rows,
// in order, that page=N by offset gives, for every sort key in both
// directions, with ties on the sort value and undated papers, on both
// databases; a cursor made for another sort is a 400 naming "after".
func TestKeysetPagesAreTheOffsetPages(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		var papers []models.PaperInput
		for i := range 23 {
			p := samplePaper(fmt.Sprintf("Paper %02d", i%7), float64(100+i%4), "fps")
			p.Title += fmt.Sprintf(" v%d", i)
			if i%5 != 0 {
				d := time.Date(2020+i%3, 1, 1, 0, 0, 0, 0, time.UTC)
				p.PublishedOn = &d
			}
			p.Claims[0].Baseline = fmt.Sprintf("b%d", i%3)
			p.Claims[0].Confidence = float64(i%2) / 2
			if i%3 == 0 {
				p.Claims[0].Hardware = nil
			}
			papers = append(papers, p)
		}
		MustSave(t, s, papers...)
		for _, sort := range models.SortKeys {
			for _, order := range []string{"asc", "desc"} {
				f := models.LeaderboardFilter{Metric: "fps", Sort: sort, Order: order, PerPage: 4}
				var byOffset, bySeek []int64
				for page := 1; ; page++ {
					f.Page = page
					lb, err := s.Leaderboard(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					for _, r := range lb.Rows {
						byOffset = append(byOffset, r.ID)
					}
					if !lb.HasNext {
						break
					}
				}
				f.Page, f.After = 1, ""
				for {
					lb, err := s.Leaderboard(ctx, f)
					if err != nil {
						t.Fatalf("sort=%s order=%s after=%s: %v", sort, order, f.After, err)
					}
					for _, r := range lb.Rows {
						bySeek = append(bySeek, r.ID)
					}
					if lb.NextAfter == "" || len(bySeek) > 100 {
						break
					}
					f.Page, f.After = f.Page+1, lb.NextAfter
				}
				if len(byOffset) != 23 || !slices.Equal(bySeek, byOffset) {
					t.Errorf("sort=%s order=%s:\nseek   %v\noffset %v", sort, order, bySeek, byOffset)
				}
			}
		}
		lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps", PerPage: 4})
		if err != nil || lb.NextAfter == "" {
			t.Fatalf("first page: %v", err)
		}
		for _, f := range []models.LeaderboardFilter{
			{Metric: "fps", Sort: "paper", After: lb.NextAfter},
			{Metric: "fps", Order: "asc", After: lb.NextAfter},
			{Metric: "fps", After: "not-a-cursor"},
			{Metric: "fps", After: "eyJzIjoidmFsdWUiLCJkIjp0cnVlLCJ0IjoieCIsImkiOjF9"}, // value sort, text value
		} {
			_, err := s.Leaderboard(ctx, f)
			var e *models.Error
			if !errors.As(err, &e) || e.Code != models.EInvalid || e.Field != "after" {
				t.Errorf("%+v: err %v, want invalid after", f, err)
			}
		}
	})
}
