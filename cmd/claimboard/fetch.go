package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/models"
)

// arxivMinInterval is the least time between two requests to the arXiv API.
// It is a string so that a test binary can be built with a shorter one
// (go build -ldflags "-X main.arxivMinInterval=20ms"); an ordinary build
// keeps arXiv's three seconds, and no flag can go below it.
var arxivMinInterval = "3s"

// arxivAPIDefault is the API's URL unless the environment names another (a mirror, a test server).
func arxivAPIDefault(getenv func(string) string) string {
	if v := getenv("CLAIMBOARD_ARXIV_API"); v != "" {
		return v
	}
	return ingest.ArxivAPI
}

func minInterval() time.Duration {
	d, err := time.ParseDuration(arxivMinInterval)
	if err != nil || d <= 0 {
		return ingest.ArxivMinInterval
	}
	return d
}

// runFetch fetches papers from a remote source; arXiv is the one there is.
func runFetch(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("fetch: name a source: claimboard fetch arxiv --query QUERY")
	}
	if args[0] != "arxiv" {
		return usagef("fetch: unknown source %q (the one there is: arxiv)", args[0])
	}
	fs := newFlagSet("fetch arxiv", sio.errOut)
	dsn := dbFlag(fs, getenv)
	query := fs.String("query", "", "arXiv search_query, e.g. 'cat:cs.DC AND abs:GPU' (required)")
	from := fs.String("from", "", "only papers first submitted on or after this date (YYYY-MM-DD)")
	to := fs.String("to", "", "only papers first submitted on or before this date (YYYY-MM-DD)")
	maxN := fs.Int("max", 0, "stop once this many of the query's papers are fetched, over every run (0: all)")
	pageSize := fs.Int("page-size", ingest.DefaultPageSize, fmt.Sprintf("papers per request (at most %d)", ingest.MaxPageSize))
	baseURL := fs.String("arxiv-api", arxivAPIDefault(getenv), "the arXiv API's query URL (env CLAIMBOARD_ARXIV_API)")
	if help, err := parseFlags(fs, args[1:]); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("fetch arxiv: unexpected argument %q", fs.Arg(0))
	}
	opt := ingest.HarvestOptions{
		BaseURL: *baseURL, Query: strings.TrimSpace(*query), Max: *maxN, PageSize: *pageSize,
		MinInterval: minInterval(),
	}
	if opt.Query == "" {
		return usagef("fetch arxiv: --query is required, e.g. --query 'cat:cs.DC AND abs:GPU'")
	}
	if *maxN < 0 {
		return usagef("fetch arxiv: --max must be 0 or more, not %d", *maxN)
	}
	if *pageSize < 1 || *pageSize > ingest.MaxPageSize {
		return usagef("fetch arxiv: --page-size must be between 1 and %d, not %d", ingest.MaxPageSize, *pageSize)
	}
	for _, d := range []struct {
		name, v string
		dst     **time.Time
	}{{"from", *from, &opt.From}, {"to", *to, &opt.To}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.v)
		if err != nil {
			return usagef("fetch arxiv: --%s %q is not a date (YYYY-MM-DD)", d.name, d.v)
		}
		*d.dst = &t
	}
	if opt.From != nil && opt.To != nil && opt.To.Before(*opt.From) {
		return usagef("fetch arxiv: --to %s is before --from %s", *to, *from)
	}
	log := slog.New(slog.NewTextHandler(sio.errOut, &slog.HandlerOptions{Level: slog.LevelWarn}))
	opt.Logf = func(format string, a ...any) { log.Warn(fmt.Sprintf(format, a...)) }
	store, err := openStore(ctx, *dsn, true, log)
	if err != nil {
		return err
	}
	defer store.Close()

	start := time.Now()
	bar := newProgress(sio.errOut, "arxiv", time.Now)
	bar.least = 1
	opt.Progress = bar.update
	st, err := ingest.Harvest(ctx, store, opt)
	bar.done()
	for _, b := range st.Bad {
		fmt.Fprintf(sio.errOut, "skipped %s\n", b)
	}
	fmt.Fprintf(sio.out, "fetch arxiv: %d entries in %d requests (%d retries), resumed at %d, next %d of %d; papers: %d added, %d updated, %d unchanged; claims: %d; bad: %d; elapsed %s\n",
		st.Entries, st.Requests, st.Retries, st.Start, st.Next, st.Total, st.Added, st.Updated, st.Unchanged, st.Claims, len(st.Bad),
		time.Since(start).Round(time.Millisecond))
	if err == nil {
		return nil
	}
	var he *ingest.HarvestError
	switch {
	case errors.As(err, &he) && he.Permanent:
		return fmt.Errorf("fetch arxiv: %w; check --query (see https://info.arxiv.org/help/api/user-manual.html)", err)
	case errors.As(err, &he):
		return fmt.Errorf("fetch arxiv: %w; check the network and --arxiv-api, then run the same command again: it resumes at entry %d", err, st.Next)
	case models.ErrorCode(err) == models.EInvalid:
		return usageError{msg: "fetch arxiv: " + err.Error()}
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("fetch arxiv: interrupted; run the same command again: it resumes at entry %d", st.Next)
	}
	return fmt.Errorf("fetch arxiv: %w", err)
}
