package ingest_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"testing"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/migrations"
	"github.com/claimboard/claimboard/models"
)

// The tasks table is seeded by migration 00019; it must be the extractor's
// vocabulary exactly, in the same order, or assigned tasks would not save.
func TestSeededTasksAreTheVocabulary(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		stored, err := s.Tasks(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		want := extract.Tasks()
		if len(stored) != len(want) {
			t.Fatalf("%d tasks seeded, vocabulary has %d", len(stored), len(want))
		}
		for i, w := range want {
			got := stored[i]
			if got.Slug != w.Slug || got.Name != w.Name || got.Area != w.Area {
				t.Errorf("task %d: seeded %+v, vocabulary %+v", i, got, w)
			}
		}
	})
}

func slugsOf(t *testing.T, s *models.Store, title string) []string {
	t.Helper()
	ctx := context.Background()
	p, err := s.FindPaper(ctx, "", title)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := s.TasksOfPaper(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range ts {
		out = append(out, x.Slug)
	}
	return out
}

// Ingest assigns tasks from title and abstract; reextract recomputes them
// but leaves a paper a moderator filed as it is.
func TestTasksAtIngestAndReextract(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		file := []byte(`{"title": "Serving Large Language Models with Paged KV Cache", "abstract": "LLM serving reaches 2.1x the throughput of vLLM on an A100 GPU."}
{"title": "Fast Neural Radiance Fields", "abstract": "Our NeRF renders at 200 FPS on an RTX 3090."}
{"title": "A Field Study of Bird Song", "abstract": "We recorded 300 birds at dawn."}
`)
		if _, err := ingest.File(ctx, s, "t.jsonl", file); err != nil {
			t.Fatal(err)
		}
		if got := slugsOf(t, s, "Serving Large Language Models with Paged KV Cache"); !slices.Equal(got, []string{"llm-inference"}) {
			t.Fatalf("LLM serving paper: %v", got)
		}
		if got := slugsOf(t, s, "Fast Neural Radiance Fields"); !slices.Equal(got, []string{"nerf"}) {
			t.Fatalf("NeRF paper: %v", got)
		}
		if got := slugsOf(t, s, "A Field Study of Bird Song"); len(got) != 0 {
			t.Fatalf("a paper on no task got %v", got)
		}
		nerf, err := s.FindPaper(ctx, "", "Fast Neural Radiance Fields")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetPaperTasks(ctx, nerf.ID, []string{"ray-tracing"}); err != nil {
			t.Fatal(err)
		}
		// Lose the LLM paper's task, as an older database would have.
		llm, err := s.FindPaper(ctx, "", "Serving Large Language Models with Paged KV Cache")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ReplaceExtractedTasks(ctx, map[int64][]string{llm.ID: nil}); err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.Reextract(ctx, s, ingest.ReextractOptions{}); err != nil {
			t.Fatal(err)
		}
		if got := slugsOf(t, s, "Serving Large Language Models with Paged KV Cache"); !slices.Equal(got, []string{"llm-inference"}) {
			t.Fatalf("reextract did not restore the LLM paper's task: %v", got)
		}
		if got := slugsOf(t, s, "Fast Neural Radiance Fields"); !slices.Equal(got, []string{"ray-tracing"}) {
			t.Fatalf("reextract changed a human's tasks: %v", got)
		}
	})
}

// Every spec row names a device the extractor knows, by the slug claims are
// stored under: a row with a slug nobody writes would never be shown.
func TestHardwareSpecsNameKnownDevices(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(migrations.HardwareSpecsCSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, h := range extract.Gazetteer() {
		known[h.Slug] = true
	}
	if len(recs) < 2 || recs[0][0] != "hardware_slug" {
		t.Fatalf("unexpected CSV header %v", recs[0])
	}
	for i, r := range recs[1:] {
		if !known[r[0]] {
			t.Errorf("row %d (%s): %q is not a device of the gazetteer", i+2, r[1], r[0])
		}
	}
}
