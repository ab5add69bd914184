package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/models"
)

func runIngest(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	fs := newFlagSet("ingest", sio.errOut)
	dsn := dbFlag(fs, getenv)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("ingest: name at least one FILE (or - for standard input)")
	}
	inputs, err := readInputs(fs.Args(), sio.in)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(sio.errOut, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, err := openStore(ctx, *dsn, true, log)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	var total models.SaveStats
	for _, in := range inputs {
		st, err := ingest.File(ctx, store, in.name, in.data)
		if err != nil {
			return err
		}
		fmt.Fprintf(sio.out, "%s: %d added, %d updated, %d unchanged, %d claims\n", in.name, st.Added, st.Updated, st.Unchanged, st.Claims)
		total.Added += st.Added
		total.Updated += st.Updated
		total.Unchanged += st.Unchanged
		total.Claims += st.Claims
	}
	fmt.Fprintf(sio.out, "papers: %d added, %d updated, %d unchanged; claims: %d; errors: 0; elapsed %s\n",
		total.Added, total.Updated, total.Unchanged, total.Claims, time.Since(start).Round(time.Millisecond))
	return nil
}

type input struct {
	name string
	data []byte
}

// readInputs reads every named file (- is standard input) before anything is
// written, so a missing file fails the run up front.
func readInputs(names []string, stdin io.Reader) ([]input, error) {
	out := make([]input, 0, len(names))
	for _, n := range names {
		var (
			data []byte
			err  error
		)
		if n == "-" {
			data, err = io.ReadAll(stdin)
			n = "<stdin>"
		} else {
			data, err = os.ReadFile(n)
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n, err)
		}
		out = append(out, input{n, data})
	}
	return out, nil
}
