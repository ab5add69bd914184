package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/models"
)

// shutdownGrace bounds how long in-flight requests may finish after a signal.
const shutdownGrace = 15 * time.Second

func runServe(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	fs := newFlagSet("serve", sio.errOut)
	defAddr := getenv("CLAIMBOARD_ADDR")
	if defAddr == "" {
		defAddr = "127.0.0.1:8080"
	}
	addr := fs.String("addr", defAddr, "listen address (env CLAIMBOARD_ADDR)")
	dsn := dbFlag(fs, getenv)
	noMigrate := fs.Bool("no-migrate", false, "do not apply migrations; refuse to start on a stale schema")
	noSeed := fs.Bool("no-seed", false, "do not load the bundled corpus into an empty database")
	syncFlag := fs.String("sync", getenv("CLAIMBOARD_SYNC"), "keep a source in sync in the background: arxiv:QUERY (env CLAIMBOARD_SYNC)")
	syncEvery := fs.Duration("sync-every", 6*time.Hour, "time between two syncs")
	arxivAPI := fs.String("arxiv-api", arxivAPIDefault(getenv), "the arXiv API's query URL for --sync (env CLAIMBOARD_ARXIV_API)")
	baseFlag := fs.String("base-url", getenv("CLAIMBOARD_BASE_URL"),
		"the site's public address, e.g. https://claims.example.org: the only source of absolute links (env CLAIMBOARD_BASE_URL)")
	proxyFlag := fs.String("trusted-proxy", getenv("CLAIMBOARD_TRUSTED_PROXY"),
		"comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (env CLAIMBOARD_TRUSTED_PROXY)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve: unexpected argument %q", fs.Arg(0))
	}
	var syncSrc *ingest.SyncSource
	if *syncFlag != "" {
		src, err := ingest.ParseSyncSource(*syncFlag)
		if err != nil {
			return usagef("serve: --sync %s", strings.TrimPrefix(err.Error(), "sync: "))
		}
		syncSrc = &src
		if u, err := url.Parse(*arxivAPI); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usagef("serve: --arxiv-api %q is not an http or https URL", *arxivAPI)
		}
	}
	if *syncEvery < time.Minute {
		return usagef("serve: --sync-every must be at least 1m, not %s", *syncEvery)
	}
	var base string
	if *baseFlag != "" {
		b, err := handlers.ParseBaseURL(*baseFlag)
		if err != nil {
			return usagef("serve: --base-url: %v", err)
		}
		base = b
	}
	proxies, err := handlers.ParseTrustedProxies(*proxyFlag)
	if err != nil {
		return usagef("serve: --trusted-proxy: %v", err)
	}
	log := slog.New(slog.NewTextHandler(sio.errOut, nil))

	store, err := openStore(ctx, *dsn, !*noMigrate, log)
	if err != nil {
		return err
	}
	defer store.Close()
	if !*noSeed {
		if err := seedIfEmpty(ctx, store, log); err != nil {
			return err
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler: handlers.New(handlers.Config{Store: store, Logger: log, BaseURL: base,
			ListenURL: handlers.ListenURL(ln.Addr().String()), TrustedProxies: proxies,
			HardwareAliases: extract.HardwareByAlias}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // CSV exports stream for a while
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "addr", ln.Addr().String(), "db", store.Dialect(), "version", buildVersion(),
		"base_url", base, "trusted_proxies", len(proxies))

	syncCtx, stopSync := context.WithCancel(ctx)
	defer stopSync()
	synced := make(chan struct{})
	if syncSrc != nil {
		s := &ingest.Syncer{Store: store, Source: *syncSrc, Every: *syncEvery, Log: log,
			Harvest: ingest.HarvestOptions{BaseURL: *arxivAPI, MinInterval: minInterval()}}
		log.Info("syncing", "sync", syncSrc.Name, "every", *syncEvery)
		go func() { defer close(synced); s.Run(syncCtx) }()
	} else {
		close(synced)
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		stopSync()
		<-synced
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	// The sync stops between requests; a page being written commits first.
	stopSync()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	select {
	case <-synced:
	case <-sctx.Done():
		return fmt.Errorf("serve: shutdown: the sync did not stop within %s", shutdownGrace)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// openStore connects and either migrates or insists the schema is current.
func openStore(ctx context.Context, dsn string, migrate bool, log *slog.Logger) (*models.Store, error) {
	store, err := models.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if migrate {
		res, err := store.MigrateUp(ctx)
		if err != nil {
			store.Close()
			return nil, err
		}
		for _, r := range res {
			log.Info("migrated", "version", r.Version, "name", r.Name, "took", r.Duration)
		}
		return store, nil
	}
	if err := store.CheckSchema(ctx); err != nil {
		store.Close()
		return nil, err
	}
	return store, nil
}

// seedIfEmpty loads the bundled corpus into a database with no papers, so the
// first run shows leaderboards without any set-up.
func seedIfEmpty(ctx context.Context, store *models.Store, log *slog.Logger) error {
	n, err := store.CountPapers(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	start := time.Now()
	st, err := ingest.File(ctx, store, ingest.BundledName, ingest.Bundled())
	if err != nil {
		return fmt.Errorf("load bundled corpus: %w", err)
	}
	log.Info("loaded bundled corpus", "papers", st.Added, "claims", st.Claims, "took", time.Since(start).Round(time.Millisecond))
	return nil
}
