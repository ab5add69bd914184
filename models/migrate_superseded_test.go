package models_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// Migration 00017 rebuilds claims on SQLite: corrections and revisions that
// reference claims must survive it (a DROP TABLE with foreign keys on would
// cascade to them), ids must stay, and foreign keys must be on afterwards.
func TestSupersededMigrationKeepsEverythingThatReferencesClaims(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		if _, err := s.MigrateDownTo(ctx, 16); err != nil {
			t.Fatal(err)
		}
		db := s.GormDB()
		exec := func(q string, args ...any) {
			t.Helper()
			if err := db.Exec(q, args...).Error; err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		count := func(q string) int64 {
			t.Helper()
			var n int64
			if err := db.Raw(q).Scan(&n).Error; err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return n
		}
		exec(`INSERT INTO papers (id, content_key, title, abstract, abstract_hash, arxiv_id, arxiv_version)
			VALUES (1, 'k', 'T', 'A 5 FPS', 'h', '2401.00001', 3)`)
		metric := count("SELECT id FROM metrics WHERE slug = 'fps'")
		for id := 1; id <= 3; id++ {
			exec(`INSERT INTO claims (id, paper_id, metric_id, value, unit, evidence, evidence_start, evidence_end)
				VALUES (?, 1, ?, ?, 'FPS', 'A 5 FPS', 0, 7)`, id, metric, float64(id))
		}
		if s.Dialect() == models.DialectPostgres {
			exec("SELECT setval('claims_id_seq', 3)") // explicit ids do not move the sequence
		}
		exec("DELETE FROM claims WHERE id = 3") // the next id must still be 4
		exec(`INSERT INTO corrections (paper_id, claim_id, kind, reason) VALUES (1, 1, 'change', 'r')`)
		exec(`INSERT INTO claim_revisions (claim_id, note) VALUES (2, 'n')`)

		if _, err := s.MigrateUp(ctx); err != nil {
			t.Fatal(err)
		}
		if n := count("SELECT COUNT(*) FROM corrections WHERE claim_id = 1"); n != 1 {
			t.Fatalf("corrections after 00017: %d, want 1", n)
		}
		if n := count("SELECT COUNT(*) FROM claim_revisions WHERE claim_id = 2"); n != 1 {
			t.Fatalf("revisions after 00017: %d, want 1", n)
		}
		if n := count("SELECT COUNT(*) FROM claims WHERE arxiv_version = 3"); n != 2 {
			t.Fatalf("claims with the paper's version: %d, want 2", n)
		}
		if n := count("SELECT live FROM metric_counts WHERE metric_id = " + strconv.FormatInt(metric, 10)); n != 2 {
			t.Fatalf("live fps claims = %d, want 2", n)
		}
		exec(`INSERT INTO claims (paper_id, metric_id, value, unit, evidence, evidence_start, evidence_end, status, superseded_in)
			VALUES (1, ?, 9, 'FPS', 'A 5 FPS', 0, 7, 'superseded', 4)`, metric)
		if n := count("SELECT MAX(id) FROM claims"); n != 4 {
			t.Fatalf("new claim id %d, want 4 (ids are never reused)", n)
		}
		if n := count("SELECT live FROM metric_counts WHERE metric_id = " + strconv.FormatInt(metric, 10)); n != 2 {
			t.Fatalf("a superseded claim counted live: %d", n)
		}
		if s.Dialect() == models.DialectSQLite {
			for i := 0; i < 4; i++ { // every pooled connection, the migration's included
				if n := count("PRAGMA foreign_keys"); n != 1 {
					t.Fatal("foreign keys are off after the migration")
				}
			}
		}
		exec("UPDATE claims SET status = 'superseded', superseded_in = 4 WHERE id = 2")
		if n := count("SELECT live FROM metric_counts WHERE metric_id = " + strconv.FormatInt(metric, 10)); n != 1 {
			t.Fatalf("live fps claims after superseding one = %d, want 1", n)
		}

		// Down keeps every claim: superseded ones become retracted.
		if _, err := s.MigrateDownTo(ctx, 16); err != nil {
			t.Fatal(err)
		}
		if n := count("SELECT COUNT(*) FROM claims WHERE status = 'retracted'"); n != 2 {
			t.Fatalf("retracted after down: %d, want 2", n)
		}
		if n := count("SELECT COUNT(*) FROM corrections") + count("SELECT COUNT(*) FROM claim_revisions"); n != 2 {
			t.Fatalf("corrections and revisions after down: %d, want 2", n)
		}
	})
}
