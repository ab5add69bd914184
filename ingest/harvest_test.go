package ingest_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/arxivtest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// testInterval stands in for arXiv's three seconds against the local server.
const testInterval = 40 * time.Millisecond

func replay(t *testing.T, s *arxivtest.Server) string {
	t.Helper()
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv.URL + "/api/query"
}

func harvestOpts(base string) ingest.HarvestOptions {
	return ingest.HarvestOptions{
		BaseURL: base, Query: "cat:cs.DC AND abs:GPU", PageSize: 10,
		MinInterval: testInterval, Timeout: 2 * time.Second,
	}
}

// arxivIDs returns the stored papers' arXiv ids, and fails on a duplicate.
func arxivIDs(t *testing.T, dsn string) map[string]bool {
	t.Helper()
	db := testdb.SQL(t, dsn)
	rows, err := db.Query("SELECT arxiv_id FROM papers")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		if out[id] {
			t.Fatalf("paper %s stored twice", id)
		}
		out[id] = true
	}
	return out
}

// checkAll fails unless exactly the server's papers are stored.
func checkAll(t *testing.T, dsn string, s *arxivtest.Server) {
	t.Helper()
	got := arxivIDs(t, dsn)
	want := s.Papers()
	for _, p := range want {
		if !got[p.ID] {
			t.Fatalf("paper %s missing (a gap): %d of %d stored", p.ID, len(got), len(want))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d papers stored, want %d", len(got), len(want))
	}
}

func checkSpacing(t *testing.T, reqs []arxivtest.Request, least time.Duration) {
	t.Helper()
	if got := arxivtest.MinSpacing(reqs); len(reqs) > 1 && got < least {
		t.Fatalf("two requests %s apart, want at least %s", got, least)
	}
}

func TestHarvestPagesToTheLastPageAndResumesDone(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		s := arxivtest.New(25)
		base := replay(t, s)
		st, err := ingest.Harvest(ctx, store, harvestOpts(base))
		if err != nil {
			t.Fatal(err)
		}
		reqs := s.Requests()
		// Pages at 0, 10 and 20; the last has 5 entries and ends the harvest.
		if len(reqs) != 3 || reqs[0].Start != 0 || reqs[1].Start != 10 || reqs[2].Start != 20 || reqs[2].Max != 10 {
			t.Fatalf("requests = %+v, want pages at 0, 10, 20", reqs)
		}
		if q := reqs[0].Query; q != "cat:cs.DC AND abs:GPU" {
			t.Fatalf("search_query = %q", q)
		}
		checkSpacing(t, reqs, testInterval)
		if st.Added != 25 || st.Entries != 25 || st.Next != 25 || st.Total != 25 || st.Claims == 0 || st.Pages != 3 {
			t.Fatalf("stats = %+v", st)
		}
		checkAll(t, dsn, s)
		h, err := store.GetHarvest(ctx, "cat:cs.DC AND abs:GPU")
		if err != nil || h.NextStart != 25 || h.Total != 25 || h.Entries != 25 {
			t.Fatalf("checkpoint = %+v, %v", h, err)
		}

		// A rerun asks once from the checkpoint, finds nothing new and writes nothing.
		st, err = ingest.Harvest(ctx, store, harvestOpts(base))
		if err != nil {
			t.Fatal(err)
		}
		reqs = s.Requests()[3:]
		if len(reqs) != 1 || reqs[0].Start != 25 || st.Added != 0 || st.Entries != 0 {
			t.Fatalf("rerun: requests %+v, stats %+v", reqs, st)
		}
		// New submissions come after the old ones: the next run fetches only them.
		s.SetPapers(arxivtest.New(32).Papers())
		st, err = ingest.Harvest(ctx, store, harvestOpts(base))
		if err != nil || st.Added != 7 || st.Start != 25 || st.Next != 32 {
			t.Fatalf("after new papers: %+v, %v", st, err)
		}
		checkAll(t, dsn, s)
	})
}

func TestHarvestEmptyResult(t *testing.T) {
	ctx := context.Background()
	store := testdb.MustOpen(t, testdb.SQLiteURL(t))
	s := arxivtest.NewWith(nil)
	st, err := ingest.Harvest(ctx, store, harvestOpts(replay(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Requests()); n != 1 || st.Entries != 0 || st.Total != 0 || st.Retries != 0 {
		t.Fatalf("%d requests, stats %+v; want one request and nothing", n, st)
	}
}

func TestHarvestAPIErrorFeedIsNotRetried(t *testing.T) {
	ctx := context.Background()
	store := testdb.MustOpen(t, testdb.SQLiteURL(t))
	s := arxivtest.New(5)
	s.Faults = func(n, start int) arxivtest.Fault {
		return arxivtest.Fault{APIError: "unbalanced parentheses in query"}
	}
	base := replay(t, s)
	_, err := ingest.Harvest(ctx, store, harvestOpts(base))
	var he *ingest.HarvestError
	if !errors.As(err, &he) || !he.Permanent {
		t.Fatalf("err = %v, want a permanent HarvestError", err)
	}
	for _, want := range []string{"GET " + base + "?", "refused the query: unbalanced parentheses in query"} {
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("error %q does not say %q", err, want)
		}
	}
	if n := len(s.Requests()); n != 1 {
		t.Fatalf("%d requests, want 1: a refused query is not retried", n)
	}
}

func TestHarvestHonours503RetryAfter(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		s := arxivtest.New(15)
		s.Faults = func(n, start int) arxivtest.Fault {
			if n == 1 {
				return arxivtest.Fault{Status: http.StatusServiceUnavailable, RetryAfter: "1"}
			}
			return arxivtest.Fault{}
		}
		st, err := ingest.Harvest(ctx, store, harvestOpts(replay(t, s)))
		if err != nil {
			t.Fatal(err)
		}
		reqs := s.Requests()
		if len(reqs) != 3 || reqs[1].Start != 10 || reqs[2].Start != 10 || st.Retries != 1 {
			t.Fatalf("requests %+v, stats %+v: want the page at 10 asked again", reqs, st)
		}
		// The backoff alone would be 80 ms: the retry waited for Retry-After.
		if gap := reqs[2].At.Sub(reqs[1].At); gap < time.Second {
			t.Fatalf("retried %s after a 503 with Retry-After: 1", gap)
		}
		checkAll(t, dsn, s)
	})
}

func TestHarvestRetriesTruncatedBodyWritingNothingOfIt(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		s := arxivtest.New(20)
		s.Faults = func(n, start int) arxivtest.Fault {
			return arxivtest.Fault{Truncate: n == 1 || n == 2}
		}
		st, err := ingest.Harvest(ctx, store, harvestOpts(replay(t, s)))
		if err != nil {
			t.Fatal(err)
		}
		reqs := s.Requests()
		if len(reqs) != 4 || st.Retries != 2 || st.Added != 20 {
			t.Fatalf("requests %+v, stats %+v: want the cut page asked three times", reqs, st)
		}
		// Backoff doubles: 2x then 4x the interval after each failure.
		if gap := reqs[3].At.Sub(reqs[2].At); gap < 4*testInterval {
			t.Fatalf("second retry %s after the first, want at least %s", gap, 4*testInterval)
		}
		checkSpacing(t, reqs, testInterval)
		checkAll(t, dsn, s)
	})
}

func TestHarvestSlowResponses(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.SQLiteURL(t)
	store := testdb.MustOpen(t, dsn)
	s := arxivtest.New(20)
	s.Faults = func(n, start int) arxivtest.Fault {
		switch n {
		case 0:
			return arxivtest.Fault{Delay: 150 * time.Millisecond} // slow but in time
		case 1:
			return arxivtest.Fault{Delay: 3 * time.Second} // past the timeout
		}
		return arxivtest.Fault{}
	}
	opt := harvestOpts(replay(t, s))
	opt.Timeout = 500 * time.Millisecond
	st, err := ingest.Harvest(ctx, store, opt)
	if err != nil {
		t.Fatal(err)
	}
	reqs := s.Requests()
	if len(reqs) != 3 || reqs[1].Start != 10 || reqs[2].Start != 10 || st.Retries != 1 || st.Added != 20 {
		t.Fatalf("requests %+v, stats %+v: want the timed-out page asked again", reqs, st)
	}
	// The interval counts from the end of a response, so a slow answer never
	// brings the next request closer than the interval to it.
	if gap := reqs[1].At.Sub(reqs[0].At); gap < 150*time.Millisecond+testInterval {
		t.Fatalf("request after a 150 ms response came %s after the first", gap)
	}
	checkSpacing(t, reqs, testInterval)
	checkAll(t, dsn, s)
}

func TestHarvestRetriesAnEmptyPageInsideTheResults(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.SQLiteURL(t)
	store := testdb.MustOpen(t, dsn)
	s := arxivtest.New(20)
	s.Faults = func(n, start int) arxivtest.Fault { return arxivtest.Fault{Empty: n == 1} }
	st, err := ingest.Harvest(ctx, store, harvestOpts(replay(t, s)))
	if err != nil || st.Retries != 1 || st.Added != 20 {
		t.Fatalf("stats %+v, err %v", st, err)
	}
	checkAll(t, dsn, s)
}

func TestHarvestStopsAndResumesAtTheCheckpoint(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		store := testdb.MustOpen(t, dsn)
		s := arxivtest.New(35)
		var down atomic.Bool
		down.Store(true)
		s.Faults = func(n, start int) arxivtest.Fault {
			if down.Load() && start >= 20 {
				return arxivtest.Fault{Status: http.StatusBadGateway}
			}
			return arxivtest.Fault{}
		}
		base := replay(t, s)
		opt := harvestOpts(base)
		opt.Retries = 2
		st, err := ingest.Harvest(ctx, store, opt)
		var he *ingest.HarvestError
		if !errors.As(err, &he) || he.Permanent || he.Attempts != 3 || !strings.Contains(err.Error(), "start=20") {
			t.Fatalf("err = %v, want a HarvestError after 3 attempts at start=20", err)
		}
		if st.Next != 20 || st.Added != 20 {
			t.Fatalf("stats %+v, want the two pages before the failure written", st)
		}
		if got := len(arxivIDs(t, dsn)); got != 20 {
			t.Fatalf("%d papers after the failure, want 20", got)
		}
		before := len(s.Requests())
		down.Store(false)
		st, err = ingest.Harvest(ctx, store, opt)
		if err != nil {
			t.Fatal(err)
		}
		reqs := s.Requests()[before:]
		if reqs[0].Start != 20 || st.Start != 20 || st.Added != 15 || st.Unchanged != 0 {
			t.Fatalf("resumed with requests %+v, stats %+v; want to start at 20 and add 15", reqs, st)
		}
		checkAll(t, dsn, s)
	})
}

func TestHarvestMaxAndDateRange(t *testing.T) {
	ctx := context.Background()
	store := testdb.MustOpen(t, testdb.SQLiteURL(t))
	s := arxivtest.New(40)
	opt := harvestOpts(replay(t, s))
	opt.Max = 15
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	opt.From = &from
	st, err := ingest.Harvest(ctx, store, opt)
	if err != nil {
		t.Fatal(err)
	}
	reqs := s.Requests()
	if len(reqs) != 2 || reqs[1].Max != 5 || st.Added != 15 {
		t.Fatalf("requests %+v, stats %+v; want 10 then 5", reqs, st)
	}
	want := "(cat:cs.DC AND abs:GPU) AND submittedDate:[202401010000 TO 999912312359]"
	if reqs[0].Query != want {
		t.Fatalf("search_query = %q, want %q", reqs[0].Query, want)
	}
	// Raising --max goes on from the same checkpoint.
	opt.Max = 25
	st, err = ingest.Harvest(ctx, store, opt)
	if err != nil || st.Start != 15 || st.Added != 10 {
		t.Fatalf("raised max: %+v, %v", st, err)
	}
}

func TestHarvestRejectsBadOptions(t *testing.T) {
	ctx := context.Background()
	store := testdb.MustOpen(t, testdb.SQLiteURL(t))
	for _, opt := range []ingest.HarvestOptions{
		{Query: " "},
		{Query: "all:x", BaseURL: "ftp://example.org/api"},
		{Query: "all:x", PageSize: 5000},
	} {
		if _, err := ingest.Harvest(ctx, store, opt); models.ErrorCode(err) != models.EInvalid {
			t.Errorf("%+v: err = %v, want invalid", opt, err)
		}
	}
}

// Without an interval given, requests keep arXiv's three seconds.
func TestHarvestDefaultSpacingIsThreeSeconds(t *testing.T) {
	if ingest.ArxivMinInterval != 3*time.Second {
		t.Fatalf("ArxivMinInterval = %s", ingest.ArxivMinInterval)
	}
	ctx := context.Background()
	store := testdb.MustOpen(t, testdb.SQLiteURL(t))
	s := arxivtest.New(12)
	opt := harvestOpts(replay(t, s))
	opt.MinInterval = 0
	if _, err := ingest.Harvest(ctx, store, opt); err != nil {
		t.Fatal(err)
	}
	reqs := s.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	checkSpacing(t, reqs, 3*time.Second)
}
