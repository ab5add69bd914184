package models_test

import (
	"context"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/synth"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// badPlan names what in a plan reads a table whole: a sequential scan of
// claims or papers on PostgreSQL; on SQLite a SCAN of either without an index.
func badPlan(plan string) string {
	for _, line := range strings.Split(plan, "\n") {
		l := strings.TrimSpace(line)
		for _, bad := range []string{"Seq Scan on claims", "Seq Scan on papers"} {
			if strings.Contains(l, bad) {
				return l
			}
		}
		for _, tab := range []string{"c", "p", "claims", "papers"} {
			if strings.HasSuffix(l, "SCAN "+tab) {
				return l
			}
		}
	}
	return ""
}

// Every leaderboard sort key, with each common filter (none, hardware,
// task, status, year, min/max, qualifier, free text), reads claims through
// an index on both databases: a range of one, or an ordered walk that stops
// at the page. The data is big enough (12,000 claims, analyzed) that
// PostgreSQL's planner would rather scan a table where no index serves.
func TestEveryLeaderboardSortAndFilterIsAnIndexScan(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		hw := []models.Hardware{
			{Name: "NVIDIA A100", Slug: "nvidia-a100", Vendor: "NVIDIA"}, {Name: "NVIDIA H100", Slug: "nvidia-h100", Vendor: "NVIDIA"},
			{Name: "NVIDIA V100", Slug: "nvidia-v100", Vendor: "NVIDIA"}, {Name: "AMD MI250X", Slug: "amd-mi250x", Vendor: "AMD"},
			{Name: "Google TPU v4", Slug: "google-tpu-v4", Vendor: "Google"}, {Name: "Apple M2", Slug: "apple-m2", Vendor: "Apple"},
		}
		gen := synth.New(synth.Options{Papers: 6000, ClaimsPerPaper: 2, Seed: 5, Tasks: []string{"llm-inference", "nerf"}}, hw)
		if _, err := s.BulkLoad(ctx, gen.Next, nil); err != nil {
			t.Fatal(err)
		}
		db := s.GormDB()
		// VACUUM too on PostgreSQL: it sets the visibility map that the
		// covering indexes' index-only plans are costed by (00028), which
		// autovacuum would otherwise set at a random moment mid-test.
		analyze := "ANALYZE"
		if s.Dialect() == models.DialectPostgres {
			analyze = "VACUUM ANALYZE"
		}
		if err := db.Exec(analyze).Error; err != nil {
			t.Fatal(err)
		}
		// Under a request's versions, as pages run: the device filter then
		// tests the claim's device id (resolveHardware).
		vs, err := s.Versions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ctx = models.WithVersions(ctx, vs)
		var pick struct{ Metric, Hardware string }
		err = db.Raw(`SELECT m.slug, h.slug FROM claims c JOIN metrics m ON m.id = c.metric_id
			JOIN hardware h ON h.id = c.hardware_id GROUP BY m.slug, h.slug ORDER BY COUNT(*) DESC LIMIT 1`).Row().Scan(&pick.Metric, &pick.Hardware)
		if err != nil || pick.Metric == "" {
			t.Fatalf("pick a metric: %+v %v", pick, err)
		}
		lo, hi := 2.0, 50.0
		filters := map[string]models.LeaderboardFilter{
			"none":      {},
			"hardware":  {Hardware: []string{pick.Hardware}},
			"task":      {Task: "llm-inference"},
			"no-task":   {Task: models.TaskNone},
			"status":    {Status: []string{models.StatusExtracted}},
			"year":      {Year: 2024},
			"min-max":   {Min: &lo, Max: &hi},
			"qualifier": {Qualifier: []string{"up_to"}},
			"q":         {Query: "gpu"},
		}
		// The comparability keys (issue 14), precision among them.
		for param, v := range map[string]string{"precision": "fp16", "batch_size": "32", "devices": "8", "dataset": "imagenet"} {
			var f models.LeaderboardFilter
			if err := f.Keys.SetKey(param, v); err != nil {
				t.Fatal(err)
			}
			filters[param] = f
		}
		// New filter keys join this map.
		for _, sort := range models.SortKeys {
			for _, order := range []string{"asc", "desc"} {
				for name, f := range filters {
					f.Metric, f.Sort, f.Order = pick.Metric, sort, order
					plan, err := s.ExplainLeaderboard(ctx, f)
					if err != nil {
						t.Fatalf("sort=%s %s: %v", sort, name, err)
					}
					page := strings.Split(plan, "-- query")[1]
					// On PostgreSQL the no-task test stays a per-claim probe
					// (a SubPlan): as an anti-join it is planned by an
					// estimate that, at 1M claims, said one row and hashed
					// every paper's tasks (store_tasks.go, taskCondition).
					if name == "no-task" && s.Dialect() == models.DialectPostgres && !strings.Contains(page, "SubPlan") {
						t.Errorf("sort=%s order=%s: no-task is not tested per claim:\n%s", sort, order, page)
					}
					if bad := badPlan(page); bad != "" || !strings.Contains(page, "claims") && !strings.Contains(page, " c") {
						t.Errorf("sort=%s order=%s filter=%s: %q in the page plan:\n%s", sort, order, name, bad, page)
					}
					// Unfiltered, the page is the first rows of an index walk
					// in the sort's order, not a sort of the whole metric.
					// (Paper, date and hardware walk the claims' copies of
					// the paper's title and date and the device's name,
					// migrations 00010, 00027 and 00030.)
					whole := strings.Contains(page, "Sort Key") ||
						strings.Contains(page, "TEMP B-TREE FOR ORDER BY")
					// Papers with no task are tested claim by claim on the walk:
					// as an anti-join, PostgreSQL hashed every paper's tasks
					// and sorted the metric.
					if (name == "none" || name == "no-task") && whole {
						t.Errorf("sort=%s order=%s filter=%s: the page plan sorts the metric:\n%s", sort, order, name, page)
					}
					// The next page, seeking after the cursor, too.
					lb, err := s.Leaderboard(ctx, f)
					if err != nil || lb.NextAfter == "" {
						continue
					}
					f.After, f.Page = lb.NextAfter, 2
					if plan, err = s.ExplainLeaderboard(ctx, f); err != nil {
						t.Fatalf("sort=%s %s after: %v", sort, name, err)
					}
					page = strings.Split(plan, "-- query")[1]
					if bad := badPlan(page); bad != "" {
						t.Errorf("sort=%s order=%s filter=%s, next page: %q in the page plan:\n%s", sort, order, name, bad, page)
					}
				}
			}
		}
		// /search's ranked queries start from the word indexes (for a rare word:
		// for one in five papers PostgreSQL rightly reads the table until it has
		// RankWindow matches).
		plan, err := s.ExplainSearch(ctx, "4321", nil)
		if err != nil {
			t.Fatal(err)
		}
		if bad := badPlan(plan); bad != "" || !strings.Contains(plan, "fts") && !strings.Contains(plan, "search_idx") {
			t.Errorf("search plan: %q\n%s", bad, plan)
		}
	})
}
