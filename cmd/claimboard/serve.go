package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

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
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve: unexpected argument %q", fs.Arg(0))
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
		Handler:           handlers.New(handlers.Config{Store: store, Logger: log}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // CSV exports stream for a while
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "addr", ln.Addr().String(), "db", store.Dialect(), "version", buildVersion())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
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
