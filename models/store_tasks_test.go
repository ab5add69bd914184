package models_test

import (
	"context"
	"slices"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func taskSlugs(t *testing.T, s *models.Store, paperID int64) []string {
	t.Helper()
	ts, err := s.TasksOfPaper(context.Background(), paperID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range ts {
		out = append(out, x.Slug+":"+x.Source)
	}
	return out
}

func paperID(t *testing.T, s *models.Store, title string) int64 {
	t.Helper()
	p, err := s.FindPaper(context.Background(), "", title)
	if err != nil {
		t.Fatalf("find %q: %v", title, err)
	}
	return p.ID
}

// Tasks are written with a paper, filter its leaderboards, CSV and API
// alike, are replaced when the text changes, and a human's survive.
func TestPaperTasksFilterAndSurvival(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		a := samplePaper("Splatting fast", 300, "fps")
		a.Tasks = []string{"gaussian-splatting", "dynamic-scenes"}
		b := samplePaper("NeRF fast", 100, "fps")
		b.Tasks = []string{"nerf"}
		c := samplePaper("Nothing in particular", 50, "fps")
		MustSave(t, s, a, b, c)
		idA, idB, idC := paperID(t, s, a.Title), paperID(t, s, b.Title), paperID(t, s, c.Title)
		if got := taskSlugs(t, s, idA); !slices.Equal(got, []string{"gaussian-splatting:extractor", "dynamic-scenes:extractor"}) {
			t.Fatalf("tasks of A = %v", got)
		}
		if got := taskSlugs(t, s, idC); len(got) != 0 {
			t.Fatalf("a paper with no task got %v", got)
		}

		lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps", Task: "gaussian-splatting"})
		if err != nil {
			t.Fatal(err)
		}
		if lb.Total != 1 || len(lb.Rows) != 1 || lb.Rows[0].PaperID != idA {
			t.Fatalf("fps filtered by gaussian-splatting = %d rows %+v", lb.Total, lb.Rows)
		}
		var exported []int64
		err = s.ExportLeaderboard(ctx, models.LeaderboardFilter{Metric: "fps", Task: "nerf"}, func(r *models.ExportRow) error {
			exported = append(exported, r.PaperID)
			return nil
		})
		if err != nil || !slices.Equal(exported, []int64{idB}) {
			t.Fatalf("export filtered by nerf = %v, %v", exported, err)
		}
		for _, bad := range []string{"no-such-task", "Bad Slug"} {
			_, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps", Task: bad})
			if models.ErrorCode(err) != models.EInvalid {
				t.Fatalf("task %q: err = %v, want invalid", bad, err)
			}
		}

		// A moderator files C by hand; re-extraction then changes A but not C.
		if err := s.SetPaperTasks(ctx, idC, []string{"mpi"}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetPaperTasks(ctx, idC, []string{"not-a-task"}); models.ErrorCode(err) != models.EInvalid {
			t.Fatalf("unknown task accepted: %v", err)
		}
		err = s.ReplaceExtractedTasks(ctx, map[int64][]string{idA: {"nerf"}, idC: {"llm-inference"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := taskSlugs(t, s, idA); !slices.Equal(got, []string{"nerf:extractor"}) {
			t.Fatalf("A after reextract = %v", got)
		}
		if got := taskSlugs(t, s, idC); !slices.Equal(got, []string{"mpi:human"}) {
			t.Fatalf("human task lost or added to: %v", got)
		}

		// A new version of B's abstract replaces its extractor tasks.
		b2 := samplePaper("NeRF fast", 100, "fps")
		b2.Abstract += " Now also faster."
		b2.Tasks = []string{"ray-tracing"}
		MustSave(t, s, b2)
		if got := taskSlugs(t, s, idB); !slices.Equal(got, []string{"ray-tracing:extractor"}) {
			t.Fatalf("B after a new abstract = %v", got)
		}
		// Saving the same text again changes nothing.
		MustSave(t, s, b2)
		if got := taskSlugs(t, s, idB); !slices.Equal(got, []string{"ray-tracing:extractor"}) {
			t.Fatalf("B after an unchanged save = %v", got)
		}

		task, err := s.GetTask(ctx, "nerf")
		if err != nil {
			t.Fatal(err)
		}
		ms, err := s.MetricsOfTask(ctx, task)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 1 || ms[0].Slug != "fps" || ms[0].Claims != 1 || ms[0].Best == nil || ms[0].Best.PaperID != idA {
			t.Fatalf("metrics of nerf = %+v", ms)
		}
		sums, err := s.TaskSummaries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, ts := range sums {
			if ts.Slug == "nerf" && ts.Papers != 1 || ts.Slug == "mpi" && ts.Papers != 1 {
				t.Errorf("task %s: %d papers", ts.Slug, ts.Papers)
			}
		}
	})
}

// Unknown task slugs from the extractor fail the paper's save, whole.
func TestSaveRefusesUnknownTask(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := testdb.MustOpen(t, dsn)
		p := samplePaper("A paper", 1, "fps")
		p.Tasks = []string{"no-such-task"}
		if _, err := s.SavePapers(context.Background(), []models.PaperInput{p}); err == nil {
			t.Fatal("saved a paper with an unknown task")
		}
		if n, err := s.CountPapers(context.Background()); err != nil || n != 0 {
			t.Fatalf("papers after a refused save = %d, %v", n, err)
		}
	})
}
