package models_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// versionSteps reads every scope's counter: "all", "base" and each metric slug.
func versionSteps(t *testing.T, s *models.Store) map[string]int64 {
	t.Helper()
	vs, err := s.Versions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{"all": vs.All.Version, "base": vs.Base.Version}
	for slug, v := range vs.Metrics {
		out[slug] = v.Version
	}
	return out
}

// moved lists the scopes whose counter changed between two reads, with how far.
func moved(before, after map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for k, v := range after {
		if d := v - before[k]; d != 0 {
			out[k] = d
		}
	}
	return out
}

// An ingest of many papers in one transaction moves each scope it touches
// exactly once — "all" and the metrics of its claims — and no other: not the
// base (new papers and devices change no leaderboard but through their
// claims), not the metrics it has no claims of.
func TestIngestMovesEachTouchedVersionOnce(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		MustSave(t, s, samplePaper("Warm-up", 100, "latency"))
		before := versionSteps(t, s)
		papers := benchInputs(1000) // fps, speedup and improvement_pct claims
		_, err := s.Ingest(ctx, models.Source{Name: "test", File: "papers.jsonl"}, func(b *models.Batch) error {
			for lo := 0; lo < len(papers); lo += 100 {
				if err := b.Save(papers[lo : lo+100]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int64{"all": 1, "fps": 1, "speedup": 1, "improvement_pct": 1}
		if got := moved(before, versionSteps(t, s)); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("ingest of 1,000 papers moved %v, want %v", got, want)
		}

		// A failed ingest writes nothing, moves nothing, and leaves no batch
		// behind: the next write still moves its scopes.
		before = versionSteps(t, s)
		fail := errors.New("stop")
		_, err = s.Ingest(ctx, models.Source{Name: "test", File: "bad.jsonl"}, func(b *models.Batch) error {
			if err := b.Save(benchInputs(1001)[1000:]); err != nil {
				return err
			}
			return fail
		})
		if !errors.Is(err, fail) {
			t.Fatalf("err = %v", err)
		}
		if got := moved(before, versionSteps(t, s)); len(got) != 0 {
			t.Fatalf("a rolled-back ingest moved %v", got)
		}
		MustSave(t, s, samplePaper("After the failure", 7, "latency"))
		MustSave(t, s, samplePaper("And again", 8, "latency"))
		if got := moved(before, versionSteps(t, s)); got["latency"] != 2 || got["all"] != 2 || got["fps"] != 0 {
			t.Fatalf("two saves after a failed ingest moved %v, want all and latency by 2 each", got)
		}
	})
}

// Each kind of write moves the scopes whose pages it changes and leaves the
// others alone.
func TestWritesMoveOnlyTheirScopes(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := testdb.MustOpen(t, dsn)
		MustSave(t, s, samplePaper("Only fps", 100, "fps"), samplePaper("Only latency", 5, "latency"))
		db := s.GormDB()
		for _, c := range []struct {
			name   string
			sql    string
			moves  []string // must move
			leaves []string // must not
		}{
			{"claim of one metric", "UPDATE claims SET confidence = confidence WHERE metric_id = (SELECT id FROM metrics WHERE slug = 'fps')",
				[]string{"all", "fps"}, []string{"base", "latency"}},
			{"paper of one metric's claims", "UPDATE papers SET title = title || ' (v2)' WHERE title = 'Only fps'",
				[]string{"all", "fps"}, []string{"base", "latency"}},
			{"paper's tasks", "INSERT INTO paper_tasks (paper_id, task_id, source) SELECT p.id, t.id, 'human' FROM papers p, tasks t WHERE p.title = 'Only latency' AND t.slug = 'nerf'",
				[]string{"all", "latency"}, []string{"base", "fps"}},
			{"new device", "INSERT INTO hardware (name, slug, vendor, family) VALUES ('Chip X', 'chip-x', 'X', '')",
				[]string{"all"}, []string{"base", "fps", "latency"}},
			{"device renamed", "UPDATE hardware SET name = 'RTX 3090' WHERE slug = 'nvidia-rtx-3090'",
				[]string{"all", "base"}, nil},
			{"task count only", "UPDATE tasks SET papers = papers WHERE slug = 'nerf'",
				[]string{"all"}, []string{"base", "fps", "latency"}},
			{"task renamed", "UPDATE tasks SET name = name || '!' WHERE slug = 'nerf'",
				[]string{"all", "base"}, nil},
			{"metric described", "UPDATE metrics SET description = description || '.' WHERE slug = 'fps'",
				[]string{"all", "base"}, nil},
			{"hardware spec", "UPDATE hardware_specs SET notes = notes WHERE id = (SELECT MIN(id) FROM hardware_specs)",
				[]string{"all", "base"}, nil},
			{"claim deleted", "DELETE FROM claims WHERE metric_id = (SELECT id FROM metrics WHERE slug = 'latency')",
				[]string{"all", "latency"}, []string{"base", "fps"}},
		} {
			before := versionSteps(t, s)
			if err := db.Exec(c.sql).Error; err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			got := moved(before, versionSteps(t, s))
			for _, k := range c.moves {
				if got[k] <= 0 {
					t.Errorf("%s: %s did not move (moved: %v)", c.name, k, got)
				}
			}
			for _, k := range c.leaves {
				if got[k] != 0 {
					t.Errorf("%s: %s moved (moved: %v)", c.name, k, got)
				}
			}
		}
		// A metric's page version is its counter plus the base, so it moves with either.
		vs, err := s.Versions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if m := vs.Metric("fps"); m.Version != vs.Base.Version+vs.Metrics["fps"].Version {
			t.Fatalf("Metric(fps) = %d, want base %d + fps %d", m.Version, vs.Base.Version, vs.Metrics["fps"].Version)
		}
		// A new metric gets its own counter.
		if err := db.Exec("INSERT INTO metrics (slug, name, unit, higher_is_better, description, position) VALUES ('new_one', 'New', 'x', true, '', 99)").Error; err != nil {
			t.Fatal(err)
		}
		before := versionSteps(t, s)
		if _, ok := before["new_one"]; !ok {
			t.Fatalf("no counter for a new metric: %v", before)
		}
		MustSave(t, s, samplePaper("New metric paper", 3, "new_one"))
		if got := moved(before, versionSteps(t, s)); got["new_one"] != 1 || got["fps"] != 0 {
			t.Fatalf("a claim of the new metric moved %v", got)
		}
	})
}

// A batch row that was ever committed would stop every later write from
// moving the versions; reading versions then fails instead of serving stale pages.
func TestCommittedVersionBatchIsRefused(t *testing.T) {
	s := testdb.MustOpen(t, testdb.SQLiteURL(t))
	if err := s.GormDB().Exec("INSERT INTO cache_versions (scope, version) VALUES ('batch', 0)").Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.Versions(context.Background()); err == nil || !strings.Contains(err.Error(), "batch") {
		t.Fatalf("Versions with a committed batch row = %v, want an error naming it", err)
	}
}
