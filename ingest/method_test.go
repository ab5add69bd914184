package ingest_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// Ingest stores the method a paper names; re-extraction fills it on a
// database that lacks it (one migrated from before 00022) and leaves a
// moderator's alone.
func TestIngestAndReextractStoreTheMethod(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		data := []byte(`{"title":"MegaTrain: Full Precision Training on One GPU","abstract":"We train at 2x the speed."}` + "\n" +
			`{"title":"Rendering faster","abstract":"We present SplatZip, a renderer reaching 300 FPS."}` + "\n" +
			`{"title":"A study of things","abstract":"We measure things."}` + "\n")
		if _, err := ingest.File(ctx, s, "m.jsonl", data); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"MegaTrain: Full Precision Training on One GPU": "MegaTrain", "Rendering faster": "SplatZip", "A study of things": ""}
		check := func(when string) {
			t.Helper()
			for title, m := range want {
				p, err := s.FindPaper(ctx, "", title)
				if err != nil {
					t.Fatal(err)
				}
				if p.Method != m {
					t.Errorf("%s: method of %q = %q, want %q", when, title, p.Method, m)
				}
			}
		}
		check("after ingest")
		driver := "sqlite"
		if models.DialectOf(dsn) == models.DialectPostgres {
			driver = "pgx"
		}
		db, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("UPDATE papers SET method = ''"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("UPDATE papers SET method = 'Study', method_source = 'human' WHERE title = 'A study of things'"); err != nil {
			t.Fatal(err)
		}
		want["A study of things"] = "Study"
		if _, err := ingest.Reextract(ctx, s, ingest.ReextractOptions{Workers: 1}); err != nil {
			t.Fatal(err)
		}
		check("after reextract")
	})
}
