package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/claimboard/claimboard/models"
)

// SyncSource is one source a server keeps in sync: "arxiv:QUERY".
type SyncSource struct {
	Name  string // as given, "arxiv:cat:cs.DC AND abs:GPU"; keys the status and the lock
	Query string // the arXiv search_query
}

// ParseSyncSource reads a --sync value. arXiv is the one source there is.
func ParseSyncSource(v string) (SyncSource, error) {
	kind, q, ok := strings.Cut(strings.TrimSpace(v), ":")
	if !ok || kind != "arxiv" {
		return SyncSource{}, models.FieldErrorf("sync", "%q: want arxiv:QUERY, e.g. 'arxiv:cat:cs.DC AND abs:GPU'", v)
	}
	if strings.TrimSpace(q) == "" {
		return SyncSource{}, models.FieldErrorf("sync", "%q: the arXiv query is empty", v)
	}
	return SyncSource{Name: "arxiv:" + strings.TrimSpace(q), Query: strings.TrimSpace(q)}, nil
}

// Syncer harvests a source now and then every Every, writing what each run
// did to the database's sync status, which every server process shows.
type Syncer struct {
	Store   *models.Store
	Source  SyncSource
	Every   time.Duration
	Harvest HarvestOptions // Query is set from Source
	Log     *slog.Logger
	// ran, if set, is told after each run (tests wait on it).
	ran func(ran bool, err error)
}

// Run syncs until ctx ends. It returns only after the run in progress has
// finished its page: a page being written commits (or rolls back) before Run
// returns, so a server can wait for it on shutdown.
func (s *Syncer) Run(ctx context.Context) {
	for {
		ran, err := s.Once(ctx)
		if s.ran != nil {
			s.ran(ran, err)
		}
		t := time.NewTimer(s.Every)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// Once runs one sync if no other process is running it, and tells whether it ran.
func (s *Syncer) Once(ctx context.Context) (bool, error) {
	log := s.Log
	if log == nil {
		log = slog.Default()
	}
	var st HarvestStats
	var herr error
	started := time.Now().UTC()
	ran, err := s.Store.WithSyncLock(ctx, s.Source.Name, func(ctx context.Context) error {
		status, err := s.status(ctx)
		if err != nil {
			return err
		}
		// New versions of papers fetched before: what was updated since the
		// last good run began (its start, so nothing updated during it is missed).
		var since *time.Time
		if status.LastFinished != nil && status.LastError == "" && status.LastStarted != nil {
			t := *status.LastStarted
			since = &t
		}
		status.LastStarted = &started
		status.NextRun = nil
		if err := s.Store.SaveSyncStatus(ctx, status); err != nil {
			return err
		}
		opt := s.Harvest
		opt.Query = s.Source.Query
		opt.Logf = func(format string, a ...any) { log.Warn(fmt.Sprintf(format, a...), "sync", s.Source.Name) }
		st, herr = Harvest(ctx, s.Store, opt)
		if herr == nil && since != nil {
			var up HarvestStats
			up, herr = HarvestUpdates(ctx, s.Store, opt, *since)
			st.Requests += up.Requests
			st.Added += up.Added
			st.Updated += up.Updated
			st.Claims += up.Claims
			st.ClaimsSuperseded += up.ClaimsSuperseded
		}
		// The status is written even when ctx ended (a shutdown mid-run).
		wctx := context.WithoutCancel(ctx)
		finished := time.Now().UTC()
		next := finished.Add(s.Every)
		status.LastFinished = &finished
		status.PapersAdded, status.ClaimsAdded = st.Added, st.Claims
		status.Runs++
		if ctx.Err() == nil {
			status.NextRun = &next
		}
		if herr != nil && !errors.Is(herr, context.Canceled) {
			status.LastError = herr.Error()
			status.LastErrorAt = &finished
		} else if herr == nil {
			status.LastError, status.LastErrorAt = "", nil
		}
		return s.Store.SaveSyncStatus(wctx, status)
	})
	if !ran && err == nil {
		log.Info("sync skipped: another process holds it", "sync", s.Source.Name)
		return false, nil
	}
	if err == nil {
		err = herr
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("sync failed", "sync", s.Source.Name, "err", err, "papers_added", st.Added)
	} else {
		log.Info("synced", "sync", s.Source.Name, "requests", st.Requests, "entries", st.Entries,
			"papers_added", st.Added, "papers_updated", st.Updated, "claims", st.Claims, "claims_superseded", st.ClaimsSuperseded, "took", time.Since(started).Round(time.Millisecond))
	}
	return ran, err
}

func (s *Syncer) status(ctx context.Context) (models.SyncStatus, error) {
	all, err := s.Store.SyncStatuses(ctx)
	if err != nil {
		return models.SyncStatus{}, err
	}
	for _, st := range all {
		if st.Source == s.Source.Name {
			return st, nil
		}
	}
	return models.SyncStatus{Source: s.Source.Name}, nil
}
