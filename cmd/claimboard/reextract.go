package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/claimboard/claimboard/ingest"
)

// runReextract runs the current extractor over every paper, keeping every
// claim a human has touched.
func runReextract(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	fs := newFlagSet("reextract", sio.errOut)
	dsn := dbFlag(fs, getenv)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("reextract: unexpected argument %q", fs.Arg(0))
	}
	log := slog.New(slog.NewTextHandler(sio.errOut, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, err := openStore(ctx, *dsn, true, log)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	bar := newProgress(sio.errOut, "reextract", time.Now)
	st, err := ingest.Reextract(ctx, store, ingest.ReextractOptions{Progress: bar.update})
	bar.done()
	fmt.Fprintf(sio.out, "reextract: %d papers (%d filled from the bundled metadata); claims: %d added, %d removed, %d kept (%d touched by a human); elapsed %s\n",
		st.Papers, st.Filled, st.Added, st.Removed, st.Kept, st.Human, time.Since(start).Round(time.Millisecond))
	return err
}
