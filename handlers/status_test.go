package handlers_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func TestStatusPageAndAPIShowTheSync(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		rec, doc := s.get(t, "/status")
		if rec.Code != 200 || doc.Find("[data-testid=no-sync]").Length() != 1 {
			t.Fatalf("status with no sync: %d\n%s", rec.Code, rec.Body)
		}
		started := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		finished, next := started.Add(90*time.Second), started.Add(6*time.Hour+90*time.Second)
		errAt := started.Add(-6 * time.Hour)
		if err := s.store.SaveSyncStatus(context.Background(), models.SyncStatus{
			Source: "arxiv:cat:cs.DC AND abs:GPU", LastStarted: &started, LastFinished: &finished,
			PapersAdded: 120, ClaimsAdded: 345, NextRun: &next, LastError: "GET https://export.arxiv.org/api/query?x: HTTP 503 <b>",
			LastErrorAt: &errAt, Runs: 4,
		}); err != nil {
			t.Fatal(err)
		}
		rec, doc = s.get(t, "/status")
		sec := doc.Find("[data-testid=sync]")
		if rec.Code != 200 || sec.Length() != 1 {
			t.Fatalf("status: %d\n%s", rec.Code, rec.Body)
		}
		for id, want := range map[string]string{
			"sync-source": "arxiv:cat:cs.DC AND abs:GPU", "last-sync": "2026-03-01 12:01:30 UTC",
			"added": "120 papers, 345 claims", "next-run": "2026-03-01 18:01:30 UTC",
			"last-error": "HTTP 503 <b> (2026-03-01 06:00:00 UTC)",
		} {
			if got := strings.Join(strings.Fields(sec.Find("[data-testid="+id+"]").Text()), " "); !strings.Contains(got, want) {
				t.Errorf("%s = %q, want %q", id, got, want)
			}
		}
		if strings.Contains(rec.Body.String(), "<b>") {
			t.Error("the error text was not escaped")
		}

		rec = s.do(t, "/api/v1/status", nil)
		var body struct {
			Papers int64 `json:"papers"`
			Syncs  []struct {
				Source       string     `json:"source"`
				Running      bool       `json:"running"`
				LastFinished *time.Time `json:"last_finished"`
				PapersAdded  int        `json:"papers_added"`
				ClaimsAdded  int        `json:"claims_added"`
				NextRun      *time.Time `json:"next_run"`
				LastError    *string    `json:"last_error"`
			} `json:"syncs"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 200 {
			t.Fatalf("api: %d %v", rec.Code, err)
		}
		if len(body.Syncs) != 1 || body.Papers == 0 {
			t.Fatalf("api: %s", rec.Body)
		}
		g := body.Syncs[0]
		if g.Running || !g.LastFinished.Equal(finished) || !g.NextRun.Equal(next) || g.PapersAdded != 120 || g.ClaimsAdded != 345 || g.LastError == nil {
			t.Fatalf("api sync: %s", rec.Body)
		}
		if rec := s.do(t, "/api/v1/status?utm_source=x", nil); rec.Code != 200 {
			t.Fatalf("unknown parameter: %d, want it ignored", rec.Code)
		}

		// A run under way shows as running.
		later := finished.Add(time.Hour)
		if err := s.store.SaveSyncStatus(context.Background(), models.SyncStatus{
			Source: "arxiv:cat:cs.DC AND abs:GPU", LastStarted: &later, LastFinished: &finished, Runs: 4,
		}); err != nil {
			t.Fatal(err)
		}
		_, doc = s.get(t, "/status")
		if got := doc.Find("[data-testid=last-sync]").Text(); !strings.Contains(got, "running since 2026-03-01 13:01:30 UTC") {
			t.Fatalf("last sync while running: %q", got)
		}
	})
}
