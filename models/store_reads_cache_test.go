package models_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// Reads made under a request's versions are answered from memory, yet each
// write is seen by the first request that reads the versions after it: the
// cache never serves a value older than the versions its reader holds.
func TestCachedReadsSeeEveryWriteOnTheNextVersionsRead(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := testdb.MustOpen(t, dsn)
		MustSave(t, s, samplePaper("Only fps", 100, "fps"))
		db := s.GormDB()
		request := func() context.Context {
			vs, err := s.Versions(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return models.WithVersions(context.Background(), vs)
		}
		metricName := func(ctx context.Context) string {
			m, err := s.GetMetric(ctx, "fps")
			if err != nil {
				t.Fatal(err)
			}
			return m.Name
		}
		devices := func(ctx context.Context) []string {
			m, _ := s.GetMetric(ctx, "fps")
			hw, err := s.HardwareOfMetric(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, h := range hw {
				out = append(out, h.Slug)
			}
			return out
		}
		taskPapers := func(ctx context.Context) int64 {
			task, err := s.GetTask(ctx, "nerf")
			if err != nil {
				t.Fatal(err)
			}
			return task.Papers
		}

		first := request()
		before := metricName(first)
		if got := devices(first); len(got) != 1 || got[0] != "nvidia-rtx-3090" {
			t.Fatalf("devices = %v", got)
		}
		papers := taskPapers(first)

		if err := db.Exec("UPDATE metrics SET name = 'Frames a second' WHERE slug = 'fps'").Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("UPDATE claims SET hardware_id = NULL").Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("INSERT INTO paper_tasks (paper_id, task_id, source) SELECT p.id, t.id, 'human' FROM papers p, tasks t WHERE t.slug = 'nerf'").Error; err != nil {
			t.Fatal(err)
		}
		// The request that read its versions before the writes may keep
		// what it read; the next one may not.
		if got := metricName(first); got != before {
			t.Errorf("the same request's metric name changed: %q -> %q (the cache did not answer)", before, got)
		}
		next := request()
		if got := metricName(next); got != "Frames a second" {
			t.Errorf("metric name after a rename = %q", got)
		}
		if got := devices(next); len(got) != 0 {
			t.Errorf("devices after the claim left its device = %v", got)
		}
		if got := taskPapers(next); got != papers+1 {
			t.Errorf("task papers = %d, want %d", got, papers+1)
		}
		// Without versions in the context every read goes to the database.
		if err := db.Exec("UPDATE metrics SET name = 'FPS' WHERE slug = 'fps'").Error; err != nil {
			t.Fatal(err)
		}
		if got := metricName(context.Background()); got != "FPS" {
			t.Errorf("uncached read = %q", got)
		}
	})
}
