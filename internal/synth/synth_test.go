package synth_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/claimboard/claimboard/internal/synth"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

var hw = []models.Hardware{{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"}, {Name: "AMD MI250X", Slug: "amd-mi250x", Vendor: "AMD"}}

func TestSameSeedSameData(t *testing.T) {
	a := synth.New(synth.Options{Papers: 50, ClaimsPerPaper: 1.7, Seed: 7}, hw)
	b := synth.New(synth.Options{Papers: 50, ClaimsPerPaper: 1.7, Seed: 7}, hw)
	c := synth.New(synth.Options{Papers: 50, ClaimsPerPaper: 1.7, Seed: 8}, hw)
	claims := 0
	differs := false
	for {
		pa, okA := a.Next()
		pb, okB := b.Next()
		pc, _ := c.Next()
		if okA != okB {
			t.Fatal("generators with one seed stopped at different lengths")
		}
		if !okA {
			break
		}
		if !reflect.DeepEqual(pa, pb) {
			t.Fatalf("same seed, different paper:\n%+v\n%+v", pa, pb)
		}
		differs = differs || pa.Abstract != pc.Abstract
		for _, cl := range pa.Claims {
			if pa.Abstract[cl.EvidenceStart:cl.EvidenceEnd] != cl.Evidence {
				t.Fatalf("evidence offsets do not point at the evidence in %q", pa.Title)
			}
		}
		if n := len(pa.Abstract); n < 800 || n > 2500 {
			t.Fatalf("abstract of %d bytes is not realistic", n)
		}
		claims += len(pa.Claims)
	}
	if !differs {
		t.Fatal("another seed gave the same data")
	}
	if claims < 70 || claims > 100 {
		t.Fatalf("%d claims for 50 papers at 1.7 each", claims)
	}
}

func TestBulkLoadOnBothDatabases(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		gen := synth.New(synth.Options{Papers: 2 * 5000, ClaimsPerPaper: 1.5, Seed: 1,
			Tasks: []string{"llm-inference", "llm-training", "nerf"}}, hw)
		st, err := s.BulkLoad(ctx, gen.Next, nil)
		if err != nil {
			t.Fatal(err)
		}
		if st.Added != 10000 || st.Claims < 13000 {
			t.Fatalf("bulk load = %+v", st)
		}
		if n, _ := s.CountPapers(ctx); n != 10000 {
			t.Fatalf("papers = %d", n)
		}
		lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "speedup", Hardware: []string{"amd-mi250x"}})
		if err != nil || len(lb.Rows) == 0 || lb.Rows[0].HardwareName != "AMD MI250X" {
			t.Fatalf("leaderboard after bulk load: %v %+v", err, lb)
		}
		// Papers are filed under tasks, the first most often; about one in ten under none.
		var counts []int64
		for _, task := range []string{"llm-inference", "nerf", "mpi"} {
			lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "speedup", Task: task})
			if err != nil {
				t.Fatal(err)
			}
			counts = append(counts, lb.Total)
		}
		if counts[0] <= counts[1] || counts[1] == 0 || counts[2] != 0 {
			t.Fatalf("speedup claims per task (llm-inference, nerf, mpi) = %v", counts)
		}
		// Ordinary writes still work afterwards: the id sequences moved past the bulk ids.
		_, err = s.SavePapers(ctx, []models.PaperInput{{Title: "After bulk", Abstract: "We reach 5 FPS.",
			Claims: []models.ClaimInput{{Metric: "fps", Value: 5, Unit: "FPS", Evidence: "5 FPS", EvidenceStart: 9, EvidenceEnd: 14}}}})
		if err != nil {
			t.Fatalf("save after bulk load: %v", err)
		}
	})
}
