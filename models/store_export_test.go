package models_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// exportPapers are papers with claims that tie on value, miss hardware and
// dates, so orders are decided by the tie-breakers too.
func exportPapers() []models.PaperInput {
	var out []models.PaperInput
	hw := []*models.Hardware{
		{Name: "NVIDIA A100", Slug: "nvidia-a100"}, {Name: "NVIDIA V100", Slug: "nvidia-v100"}, nil,
	}
	quals := []string{"", "up_to", "approx"}
	for i := range 12 {
		p := samplePaper(fmt.Sprintf("Paper %02d", i), float64(100+i%4*10), "fps")
		c := &p.Claims[0]
		c.Hardware, c.Qualifier, c.Baseline = hw[i%3], quals[i%3], fmt.Sprintf("base %d", i%5)
		if i%2 == 0 {
			p.ArxivID = fmt.Sprintf("2401.%05d", i)
		}
		out = append(out, p)
	}
	return out
}

func TestExportLeaderboardIsTheLeaderboardUnpaged(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		MustSave(t, s, exportPapers()...)
		lo := 105.0
		filters := []models.LeaderboardFilter{
			{Metric: "fps"},
			{Metric: "fps", Sort: "paper", Order: "desc"},
			{Metric: "fps", Sort: "hardware"},
			{Metric: "fps", Sort: "baseline", Min: &lo},
			{Metric: "fps", Qualifier: []string{"none", "approx"}, Sort: "qualifier"},
			{Metric: "fps", Hardware: []string{"nvidia-a100"}, Order: "asc"},
		}
		for _, f := range filters {
			var pages []int64
			for page := 1; ; page++ {
				pf := f
				pf.Page, pf.PerPage = page, 5
				lb, err := s.Leaderboard(ctx, pf)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range lb.Rows {
					pages = append(pages, r.ID)
				}
				if !lb.HasNext {
					break
				}
			}
			var exported []int64
			err := s.ExportLeaderboard(ctx, f, func(r *models.ExportRow) error {
				exported = append(exported, r.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(exported) == 0 || !slices.Equal(exported, pages) {
				t.Errorf("%+v: export %v, pages %v", f, exported, pages)
			}
		}
	})
}

func TestExportRowCarriesCitationFields(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		MustSave(t, s, exportPapers()[:2]...)
		var rows []models.ExportRow
		err := s.ExportAll(context.Background(), "", func(r *models.ExportRow) error {
			rows = append(rows, *r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("rows = %d", len(rows))
		}
		byTitle := map[string]models.ExportRow{}
		for _, r := range rows {
			byTitle[r.PaperTitle] = r
		}
		p0, p1 := byTitle["Paper 00"], byTitle["Paper 01"]
		if p0.ArxivID != "2401.00000" || p1.ArxivID != "" {
			t.Fatalf("arxiv ids %q %q", p0.ArxivID, p1.ArxivID)
		}
		if p0.HardwareName != "NVIDIA A100" || p0.HardwareCount == nil || *p0.HardwareCount != 1 || p0.ValueHigh != nil {
			t.Fatalf("row = %+v", p0)
		}
		if err := s.ExportAll(context.Background(), "nope", func(*models.ExportRow) error { return nil }); models.ErrorCode(err) != models.ENotFound {
			t.Fatalf("unknown metric: %v", err)
		}
	})
}

func TestDataVersionChangesWithEveryWrite(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		version := func() int64 {
			t.Helper()
			v, err := s.DataVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if v.ChangedAt.IsZero() {
				t.Fatal("no changed_at")
			}
			return v.Version
		}
		v0 := version()
		MustSave(t, s, exportPapers()[:3]...)
		v1 := version()
		if v1 <= v0 {
			t.Fatalf("insert: %d -> %d", v0, v1)
		}
		if version() != v1 {
			t.Fatal("a read changed the version")
		}
		db := s.GormDB()
		steps := []struct{ name, sql string }{
			{"update claim", "UPDATE claims SET status = 'verified' WHERE id = (SELECT MIN(id) FROM claims)"},
			{"delete claim", "DELETE FROM claims WHERE id = (SELECT MIN(id) FROM claims)"},
			{"update paper", "UPDATE papers SET title = 'Renamed' WHERE id = (SELECT MIN(id) FROM papers)"},
			{"rename hardware", "UPDATE hardware SET name = 'A100 80GB' WHERE slug = 'nvidia-a100'"},
			{"redirect metric", "UPDATE metrics SET higher_is_better = NOT higher_is_better WHERE slug = 'fps'"},
		}
		prev := v1
		for _, st := range steps {
			if err := db.Exec(st.sql).Error; err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if v := version(); v <= prev {
				t.Fatalf("%s: version %d -> %d", st.name, prev, v)
			} else {
				prev = v
			}
		}
	})
}

// Shared version reads must keep the per-request guarantee on a real
// database: after a write commits, the next DataVersion from any goroutine
// is at least the version that write produced, however many run at once.
func TestDataVersionSeesEveryCommittedWriteUnderConcurrency(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		MustSave(t, s, exportPapers()[:3]...)
		db := s.GormDB()
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 15 {
					if g%2 == 0 { // half only read, so reads overlap writes
						if _, err := s.DataVersion(ctx); err != nil {
							t.Error(err)
							return
						}
						continue
					}
					err := db.Exec("UPDATE claims SET confidence = ? WHERE id = (SELECT MIN(id) FROM claims)", float64(g*100+i)/10000).Error
					if err != nil {
						t.Error(err)
						return
					}
					var committed int64
					if err := db.Raw("SELECT version FROM cache_versions WHERE scope = 'all'").Scan(&committed).Error; err != nil {
						t.Error(err)
						return
					}
					v, err := s.DataVersion(ctx)
					if err != nil {
						t.Error(err)
						return
					}
					if v.Version < committed {
						t.Errorf("DataVersion = %d after a write committed version %d", v.Version, committed)
					}
				}
			}()
		}
		wg.Wait()
	})
}

// A full export on PostgreSQL reads one snapshot: a claim written by another
// connection while the dump is streaming does not appear in it.
func TestExportAllReadsOneSnapshotOnPostgres(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.PostgresURL(t)
	s := testdb.MustOpen(t, dsn)
	other := testdb.MustOpen(t, dsn)
	MustSave(t, s, samplePaper("Early", 10, "speedup"))
	wrote := false
	var metrics []string
	err := s.ExportAll(ctx, "", func(r *models.ExportRow) error {
		metrics = append(metrics, r.MetricSlug)
		if !wrote {
			wrote = true
			MustSave(t, other, samplePaper("Late", 20, "other"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(metrics, []string{"speedup"}) {
		t.Fatalf("exported metrics %v: the dump saw a write made after it began", metrics)
	}
	n := 0
	if err := s.ExportAll(ctx, "", func(*models.ExportRow) error { n++; return nil }); err != nil || n != 2 {
		t.Fatalf("second dump: %d rows, %v", n, err)
	}
}

// Cached pages wait for the data version; slow queries holding every pooled
// connection must not make them wait (or time out into 503s): the version
// read has a connection of its own.
func TestDataVersionAnswersWhileThePoolIsBusy(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		db := s.GormDB()
		sqlDB, err := db.DB()
		if err != nil {
			t.Fatal(err)
		}
		held := sqlDB.Stats().MaxOpenConnections
		for range held { // each checked-out connection stands for a slow query
			conn, err := sqlDB.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { conn.Close() })
		}
		if n := sqlDB.Stats().InUse; n != held {
			t.Fatalf("%d of %d pooled connections in use; the test holds too few", n, held)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if _, err := s.DataVersion(ctx); err != nil {
			t.Fatalf("DataVersion with every pooled connection busy: %v", err)
		}
	})
}
