package ingest_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
)

func TestIngestBundledCorpusTwiceAddsNothingTwice(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		first, err := ingest.File(ctx, s, ingest.BundledName, ingest.Bundled())
		if err != nil {
			t.Fatal(err)
		}
		if first.Added != 76 {
			t.Fatalf("first ingest = %+v, want 76 added", first)
		}
		second, err := ingest.File(ctx, s, ingest.BundledName, ingest.Bundled())
		if err != nil {
			t.Fatal(err)
		}
		if second.Added != 0 || second.Unchanged != 76 || second.Claims != 0 {
			t.Fatalf("second ingest = %+v, want all 76 unchanged", second)
		}
		if n, _ := s.CountPapers(ctx); n != 76 {
			t.Fatalf("papers = %d, want 76", n)
		}
	})
}

func TestIngestBadFileWritesNothing(t *testing.T) {
	s := testdb.MustOpen(t, testdb.SQLiteURL(t))
	ctx := context.Background()
	data := []byte("{\"title\":\"Good\",\"abstract\":\"We reach 277 FPS.\"}\n{\"title\":\"Bad\"}\n")
	if _, err := ingest.File(ctx, s, "mixed.jsonl", data); err == nil {
		t.Fatal("a file with a bad record was accepted")
	}
	if n, _ := s.CountPapers(ctx); n != 0 {
		t.Fatalf("a rejected file left %d papers", n)
	}
}
