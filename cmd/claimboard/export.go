package main

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/export"
	"github.com/claimboard/claimboard/models"
)

// runExport streams every live claim (or one metric's) to standard output in
// the download's CSV columns or as JSON Lines under the same names. It reads
// through the same store query and encoders as /export/claims.csv, so the
// command and the site never disagree.
func runExport(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	fs := newFlagSet("export", sio.errOut)
	format := fs.String("format", "csv", "output format: csv or jsonl")
	metric := fs.String("metric", "", "only this metric's leaderboard (a slug, e.g. fps)")
	defBase := getenv("CLAIMBOARD_BASE_URL")
	if defBase == "" {
		defBase = "http://127.0.0.1:8080"
	}
	base := fs.String("base-url", defBase, "the site's address, for claim_url (env CLAIMBOARD_BASE_URL)")
	dsn := dbFlag(fs, getenv)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if *format != "csv" && *format != "jsonl" {
		return usagef("export: --format must be csv or jsonl, not %q", *format)
	}
	if fs.NArg() > 0 {
		return usagef("export: unexpected argument %q", fs.Arg(0))
	}
	baseURL, err := handlers.ParseBaseURL(*base)
	if err != nil {
		return usagef("export: --base-url: %v", err)
	}
	log := slog.New(slog.NewTextHandler(sio.errOut, &slog.HandlerOptions{Level: slog.LevelWarn}))
	// A read-only command: it never migrates, and refuses a stale schema.
	store, err := openStore(ctx, *dsn, false, log)
	if err != nil {
		return err
	}
	defer store.Close()

	w := bufio.NewWriterSize(sio.out, 64<<10)
	var write func(*models.ExportRow) error
	var flush func() error
	if *format == "csv" {
		enc := export.NewClaimCSV(w, baseURL)
		if err := enc.WriteHeader(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		write, flush = enc.Write, enc.Flush
	} else {
		write, flush = export.NewClaimJSONL(w, baseURL).Write, func() error { return nil }
	}
	if err := store.ExportAll(ctx, *metric, write); err != nil {
		if models.ErrorCode(err) == models.ENotFound {
			return usagef("export: --metric: %s", models.ErrorMessage(err))
		}
		return fmt.Errorf("export: %w", err)
	}
	if err := flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	return nil
}
