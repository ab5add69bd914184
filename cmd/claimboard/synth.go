package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/internal/synth"
	"github.com/claimboard/claimboard/models"
)

// runSynth fills a database with synthetic papers and claims for load tests.
func runSynth(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	fs := newFlagSet("synth", sio.errOut)
	dsn := dbFlag(fs, getenv)
	papers := fs.Int("papers", 1000, "number of papers")
	perPaper := fs.Float64("claims-per-paper", 1.7, "average claims per paper")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same data")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("synth: unexpected argument %q", fs.Arg(0))
	}
	if *papers < 1 || *papers > 10_000_000 {
		return usagef("synth: --papers must be between 1 and 10000000")
	}
	if *perPaper < 0 || *perPaper > 50 {
		return usagef("synth: --claims-per-paper must be between 0 and 50")
	}
	log := slog.New(slog.NewTextHandler(sio.errOut, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, err := openStore(ctx, *dsn, true, log)
	if err != nil {
		return err
	}
	defer store.Close()
	var hw []models.Hardware
	for _, h := range extract.Gazetteer() {
		hw = append(hw, models.Hardware{Name: h.Name, Slug: h.Slug, Vendor: h.Vendor, Family: h.Family})
	}
	var tasks []string
	for _, t := range extract.Tasks() {
		tasks = append(tasks, t.Slug)
	}
	gen := synth.New(synth.Options{Papers: *papers, ClaimsPerPaper: *perPaper, Seed: *seed, Tasks: tasks}, hw)
	start := time.Now()
	st, err := store.BulkLoad(ctx, gen.Next, func(p, c int) {
		if p%100000 == 0 {
			fmt.Fprintf(sio.errOut, "synth: %d papers, %d claims, %s\n", p, c, time.Since(start).Round(time.Second))
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(sio.out, "synth: %d papers, %d claims written to %s in %s\n", st.Added, st.Claims, store.Dialect(), time.Since(start).Round(time.Millisecond))
	return nil
}
