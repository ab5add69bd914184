package models_test

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// schema returns table -> sorted column names, ignoring goose's own table.
func schema(t *testing.T, s *models.Store) map[string][]string {
	t.Helper()
	db := s.GormDB()
	var rows []struct{ TableName, ColumnName string }
	var err error
	if s.Dialect() == models.DialectPostgres {
		err = db.Raw(`SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name <> 'goose_db_version'`).Scan(&rows).Error
	} else {
		err = db.Raw(`SELECT m.name AS table_name, p.name AS column_name
			FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'goose_db_version'`).Scan(&rows).Error
	}
	if err != nil {
		t.Fatalf("read schema: %v", err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		// The word indexes differ by design (migration 00023): tsvector
		// columns on PostgreSQL, FTS5 tables and their shadow tables on SQLite.
		if r.ColumnName == "search_tsv" || strings.HasSuffix(r.TableName, "_fts") || strings.Contains(r.TableName, "_fts_") {
			continue
		}
		out[r.TableName] = append(out[r.TableName], r.ColumnName)
	}
	for _, cols := range out {
		sort.Strings(cols)
	}
	return out
}

func TestMigrationsUpDownSameSchemaOnBothDialects(t *testing.T) {
	ctx := context.Background()
	schemas := map[string]map[string][]string{}
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		up := schema(t, s)
		for _, table := range []string{"papers", "metrics", "hardware", "claims", "corrections", "claim_revisions", "moderators"} {
			if len(up[table]) == 0 {
				t.Errorf("%s: table %s missing after migrate up", s.Dialect(), table)
			}
		}
		if err := s.CheckSchema(ctx); err != nil {
			t.Fatalf("CheckSchema after up: %v", err)
		}
		schemas[s.Dialect()] = up

		if _, err := s.MigrateDownTo(ctx, 0); err != nil {
			t.Fatalf("down to 0: %v", err)
		}
		if left := schema(t, s); len(left) != 0 {
			t.Fatalf("tables left after migrating down: %v", left)
		}
		if err := s.CheckSchema(ctx); models.ErrorCode(err) != models.EConflict {
			t.Fatalf("CheckSchema on an empty database = %v, want a conflict", err)
		}
		if _, err := s.MigrateUp(ctx); err != nil {
			t.Fatalf("up again: %v", err)
		}
		if again := schema(t, s); !reflect.DeepEqual(again, up) {
			t.Fatalf("schema after down+up differs:\n%v\n%v", again, up)
		}
		sums, err := s.MetricSummaries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(sums) != len(extract.Metrics) {
			t.Fatalf("seeded metrics = %d, want the %d of the vocabulary", len(sums), len(extract.Metrics))
		}
	})
	if len(schemas) == 2 && !reflect.DeepEqual(schemas[models.DialectPostgres], schemas[models.DialectSQLite]) {
		t.Fatalf("dialects differ:\npostgres %v\nsqlite   %v", schemas[models.DialectPostgres], schemas[models.DialectSQLite])
	}
}

// Rolling back the metric seed must not destroy claims that use a metric.
func TestMigrateDownOneStepKeepsUsedMetrics(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		MustSave(t, s, samplePaper("A paper", 277, "fps"))
		if _, err := s.MigrateDown(ctx); err != nil {
			t.Fatalf("down: %v", err)
		}
		if _, err := s.MigrateUp(ctx); err != nil {
			t.Fatalf("up: %v", err)
		}
		lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps"})
		if err != nil {
			t.Fatal(err)
		}
		if lb.Total != 1 || lb.Rows[0].Value != 277 {
			t.Fatalf("fps leaderboard after down+up = %+v", lb.Rows)
		}
		if _, err := s.GetMetric(ctx, "speedup"); err != nil {
			t.Fatalf("unused metric not reseeded: %v", err)
		}
	})
}
