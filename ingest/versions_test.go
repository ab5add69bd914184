package ingest_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/arxivtest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

const (
	abstractV1 = "We present Fast Splats. Our method renders at 82 FPS on an RTX 3090 GPU. Compared with the strongest baseline, our approach achieves a 3.5x speedup in training throughput. It reduces peak memory consumption by 40% while keeping accuracy."
	// v2 adds words before every claim (moving them), changes 82 FPS to 95
	// and drops the memory claim.
	abstractV2 = "We present Fast Splats, now with better kernels and a longer introduction sentence. Our method renders at 95 FPS on an RTX 3090 GPU. Compared with the strongest baseline, our approach achieves a 3.5x speedup in training throughput."
)

func versionFeed(version int, abstract string) []byte {
	t := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	return arxivtest.Feed("all:splats", 0, 10, 1, []arxivtest.Paper{{
		ID: "2401.00042", Version: version, Title: "Fast Splats", Abstract: abstract, Published: t, Updated: t.AddDate(0, 0, 7*version),
	}})
}

// byValue indexes a paper's claims by metric and value.
func byValue(t *testing.T, store *models.Store, paperID int64) map[string]models.ClaimRow {
	t.Helper()
	rows, err := store.ClaimsOfPaper(context.Background(), paperID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]models.ClaimRow{}
	for _, r := range rows {
		k := r.MetricSlug + " " + strconv.FormatFloat(r.Value, 'g', -1, 64)
		if _, dup := out[k]; dup {
			t.Fatalf("claim %s twice", k)
		}
		out[k] = r
	}
	return out
}

func TestNewArxivVersionSupersedesChangedClaims(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		if _, err := ingest.File(ctx, store, "v1.xml", versionFeed(1, abstractV1)); err != nil {
			t.Fatal(err)
		}
		p, err := store.FindPaper(ctx, "2401.00042", "")
		if err != nil {
			t.Fatal(err)
		}
		v1 := byValue(t, store, p.ID)
		if len(v1) != 3 || v1["fps 82"].ArxivVersion != 1 {
			t.Fatalf("v1 claims: %+v", v1)
		}

		st, err := ingest.File(ctx, store, "v2.xml", versionFeed(2, abstractV2))
		if err != nil {
			t.Fatal(err)
		}
		if st.Updated != 1 || st.ClaimsSuperseded != 2 || st.Claims != 1 {
			t.Fatalf("v2 stats: %+v (want 82 FPS and 40%% superseded, 95 FPS added)", st)
		}
		v2 := byValue(t, store, p.ID)
		old, gone, now, moved := v2["fps 82"], v2["peak_fraction 40"], v2["fps 95"], v2["speedup 3.5"]
		if old.ID != v1["fps 82"].ID || old.Status != models.StatusSuperseded || old.ArxivVersion != 1 || old.SupersededIn == nil || *old.SupersededIn != 2 {
			t.Fatalf("82 FPS after v2: %+v", old)
		}
		if gone.Status != models.StatusSuperseded || gone.ID != v1["peak_fraction 40"].ID {
			t.Fatalf("the dropped claim after v2: %+v", gone)
		}
		if now.Status != models.StatusExtracted || now.ArxivVersion != 2 {
			t.Fatalf("95 FPS after v2: %+v", now)
		}
		// Moved, not changed: the same row, with the offsets of the new text.
		if moved.ID != v1["speedup 3.5"].ID || moved.Status != models.StatusExtracted ||
			abstractV2[moved.EvidenceStart:moved.EvidenceEnd] != moved.Evidence {
			t.Fatalf("the moved claim: %+v", moved)
		}

		// Leaderboards, like the live counts, leave superseded claims out.
		lb, err := store.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps"})
		if err != nil {
			t.Fatal(err)
		}
		if len(lb.Rows) != 1 || lb.Rows[0].Value != 95 || lb.Total != 1 {
			t.Fatalf("fps leaderboard: %+v", lb.Rows)
		}
		sums, err := store.MetricSummaries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sums {
			if want := map[string]int64{"fps": 1, "speedup": 1}[s.Slug]; s.Claims != want {
				t.Errorf("%s: %d live claims, want %d", s.Slug, s.Claims, want)
			}
		}

		// The same v2 again, an older v1, and a re-extraction change nothing.
		before := dump(t, dsn)
		if _, err := ingest.File(ctx, store, "v2.xml", versionFeed(2, abstractV2)); err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.File(ctx, store, "v1.xml", versionFeed(1, abstractV1)); err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.Reextract(ctx, store, ingest.ReextractOptions{}); err != nil {
			t.Fatal(err)
		}
		if after := dump(t, dsn); after != before {
			t.Fatalf("re-ingest or re-extraction changed the claims:\n%s\n---\n%s", before, after)
		}
	})
}

// A claim a human touched stays as it is, live, when a new version no longer makes it.
func TestNewArxivVersionKeepsHumanClaims(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		if _, err := ingest.File(ctx, store, "v1.xml", versionFeed(1, abstractV1)); err != nil {
			t.Fatal(err)
		}
		p, _ := store.FindPaper(ctx, "2401.00042", "")
		v1 := byValue(t, store, p.ID)
		db := testdb.SQL(t, dsn)
		if _, err := db.Exec("UPDATE claims SET status = 'verified' WHERE id = $1", v1["peak_fraction 40"].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := ingest.File(ctx, store, "v2.xml", versionFeed(2, abstractV2)); err != nil {
			t.Fatal(err)
		}
		v2 := byValue(t, store, p.ID)
		if c := v2["peak_fraction 40"]; c.ID != v1["peak_fraction 40"].ID || c.Status != models.StatusVerified {
			t.Fatalf("the verified claim after v2: %+v", c)
		}
		if c := v2["fps 82"]; c.Status != models.StatusSuperseded {
			t.Fatalf("the untouched changed claim: %+v", c)
		}
	})
}
