package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/arxivtest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func syncer(store *models.Store, base string) *ingest.Syncer {
	src, _ := ingest.ParseSyncSource("arxiv:cat:cs.DC AND abs:GPU")
	return &ingest.Syncer{
		Store: store, Source: src, Every: 6 * time.Hour, Log: quietLog(),
		Harvest: ingest.HarvestOptions{BaseURL: base, PageSize: 10, MinInterval: testInterval, Retries: 1},
	}
}

func TestParseSyncSource(t *testing.T) {
	src, err := ingest.ParseSyncSource(" arxiv:cat:cs.DC AND abs:GPU ")
	if err != nil || src.Query != "cat:cs.DC AND abs:GPU" || src.Name != "arxiv:cat:cs.DC AND abs:GPU" {
		t.Fatalf("%+v, %v", src, err)
	}
	for _, bad := range []string{"cat:cs.DC", "pubmed:x", "arxiv:", "arxiv:  "} {
		if _, err := ingest.ParseSyncSource(bad); models.ErrorCode(err) != models.EInvalid {
			t.Errorf("%q: err = %v, want invalid", bad, err)
		}
	}
}

func TestSyncRecordsStatusAndLastError(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		s := arxivtest.New(15)
		base := replay(t, s)
		sy := syncer(store, base)
		before := time.Now().UTC()
		ran, err := sy.Once(ctx)
		if !ran || err != nil {
			t.Fatalf("ran %v, err %v", ran, err)
		}
		all, err := store.SyncStatuses(ctx)
		if err != nil || len(all) != 1 {
			t.Fatalf("status %+v, %v", all, err)
		}
		st := all[0]
		if st.Source != "arxiv:cat:cs.DC AND abs:GPU" || st.PapersAdded != 15 || st.ClaimsAdded == 0 || st.Runs != 1 || st.LastError != "" {
			t.Fatalf("status after a good run: %+v", st)
		}
		if st.LastFinished == nil || st.LastStarted == nil || st.LastStarted.Before(before.Add(-time.Second)) ||
			st.NextRun == nil || st.NextRun.Sub(*st.LastFinished) != 6*time.Hour {
			t.Fatalf("times: %+v", st)
		}

		// A failing run records its error and the URL; the next good one clears it.
		s.SetPapers(arxivtest.New(25).Papers())
		s.Faults = func(n, start int) arxivtest.Fault { return arxivtest.Fault{Status: http.StatusBadGateway} }
		if _, err := sy.Once(ctx); err == nil {
			t.Fatal("want the failure reported")
		}
		all, _ = store.SyncStatuses(ctx)
		if st := all[0]; !strings.Contains(st.LastError, "GET "+base) || !strings.Contains(st.LastError, "HTTP 502") || st.LastErrorAt == nil || st.Runs != 2 || st.PapersAdded != 0 {
			t.Fatalf("status after a failed run: %+v", st)
		}
		s.Faults = nil
		if _, err := sy.Once(ctx); err != nil {
			t.Fatal(err)
		}
		all, _ = store.SyncStatuses(ctx)
		if st := all[0]; st.LastError != "" || st.PapersAdded != 10 || st.Runs != 3 {
			t.Fatalf("status after recovering: %+v", st)
		}
	})
}

// Of two servers sharing PostgreSQL, only the one holding the advisory lock syncs.
func TestSyncOneProcessAtATimeOnPostgres(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.PostgresURL(t)
	a := testdb.MustOpen(t, dsn)
	b, err := models.Open(ctx, dsn) // a second process's pool
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	s := arxivtest.New(5)
	base := replay(t, s)
	held, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		_, err := a.WithSyncLock(ctx, "arxiv:cat:cs.DC AND abs:GPU", func(context.Context) error {
			close(held)
			<-release
			return nil
		})
		done <- err
	}()
	<-held
	ran, err := syncer(b, base).Once(ctx)
	if ran || err != nil || len(s.Requests()) != 0 {
		t.Fatalf("while another holds the lock: ran %v, err %v, %d requests", ran, err, len(s.Requests()))
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	ran, err = syncer(b, base).Once(ctx)
	if !ran || err != nil || len(s.Requests()) != 1 {
		t.Fatalf("after release: ran %v, err %v, %d requests", ran, err, len(s.Requests()))
	}
}

// cancelAfter is a transport that cancels the harvest once a chosen response
// has been read whole: the page is in hand when the shutdown comes.
type cancelAfter struct {
	n      int
	cancel context.CancelFunc
	seen   int
}

func (c *cancelAfter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if c.seen++; c.seen == c.n {
		c.cancel()
	}
	return resp, nil
}

// A shutdown during a sync lets the page in hand commit, with its checkpoint,
// and stops before the next request.
func TestSyncShutdownCommitsThePageInHand(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		store := testdb.MustOpen(t, dsn)
		s := arxivtest.New(40)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		sy := syncer(store, replay(t, s))
		sy.Harvest.Client = &http.Client{Transport: &cancelAfter{n: 2, cancel: cancel}}
		_, err := sy.Once(ctx)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want canceled", err)
		}
		if n := len(s.Requests()); n != 2 {
			t.Fatalf("%d requests, want none after the shutdown", n)
		}
		if got := len(arxivIDs(t, dsn)); got != 20 {
			t.Fatalf("%d papers, want the 20 of both pages fetched", got)
		}
		h, _ := store.GetHarvest(context.Background(), "cat:cs.DC AND abs:GPU")
		if h.NextStart != 20 {
			t.Fatalf("checkpoint %d, want 20", h.NextStart)
		}
		all, _ := store.SyncStatuses(context.Background())
		if len(all) != 1 || all[0].LastFinished == nil || all[0].PapersAdded != 20 || all[0].LastError != "" {
			t.Fatalf("status after the shutdown: %+v", all)
		}
	})
}

// A later sync fetches what was updated since the last one, so a new arXiv
// version of a paper harvested long ago reaches its claims.
func TestSyncPicksUpNewVersionsOfOldPapers(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		s := arxivtest.New(30)
		sy := syncer(store, replay(t, s))
		if _, err := sy.Once(ctx); err != nil {
			t.Fatal(err)
		}
		papers := s.Papers()
		papers[3].Version = 2
		papers[3].Abstract = "We present a new version. Our method renders at 12345 FPS on an RTX 4090 GPU."
		papers[3].Updated = time.Now().UTC().Add(time.Minute)
		s.SetPapers(papers)
		before := len(s.Requests())
		if _, err := sy.Once(ctx); err != nil {
			t.Fatal(err)
		}
		reqs := s.Requests()[before:]
		// The oldest-first harvest has nothing new; one page of the newest updates does it.
		if len(reqs) != 2 || reqs[0].SortBy != "submittedDate" || reqs[1].SortBy != "lastUpdatedDate" || reqs[1].Start != 0 {
			t.Fatalf("requests of the second sync: %+v", reqs)
		}
		p, err := store.FindPaper(ctx, papers[3].ID, "")
		if err != nil || p.ArxivVersion != 2 {
			t.Fatalf("paper after the update: %+v, %v", p, err)
		}
		var superseded, fresh int
		rows, _ := store.ClaimsOfPaper(ctx, p.ID)
		for _, r := range rows {
			switch {
			case r.Status == models.StatusSuperseded:
				superseded++
			case r.Value == 12345 && r.ArxivVersion == 2:
				fresh++
			}
		}
		if superseded == 0 || fresh != 1 {
			t.Fatalf("claims after v2: %d superseded, %d new; %+v", superseded, fresh, rows)
		}
	})
}
