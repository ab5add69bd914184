package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/claimboard/claimboard/models"
)

func runMigrate(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	fs := newFlagSet("migrate", sio.errOut)
	dsn := dbFlag(fs, getenv)
	to := fs.Int64("to", -1, "with down: roll back every migration above this version (0: all)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("migrate: want one of up, down, status")
	}
	action := fs.Arg(0)
	if action != "up" && action != "down" && action != "status" {
		return usagef("migrate: unknown action %q (want up, down or status)", action)
	}
	if *to >= 0 && action != "down" {
		return usagef("migrate: --to goes with down")
	}
	store, err := models.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer store.Close()
	switch action {
	case "up":
		res, err := store.MigrateUp(ctx)
		if err != nil {
			return err
		}
		for _, r := range res {
			fmt.Fprintf(sio.out, "applied %05d %s (%s)\n", r.Version, r.Name, r.Duration.Round(1e6))
		}
		if len(res) == 0 {
			fmt.Fprintln(sio.out, "schema is current")
		}
	case "down":
		var res []models.MigrationResult
		if *to >= 0 {
			res, err = store.MigrateDownTo(ctx, *to)
		} else {
			var r *models.MigrationResult
			if r, err = store.MigrateDown(ctx); r != nil {
				res = append(res, *r)
			}
		}
		if err != nil {
			return err
		}
		for _, r := range res {
			fmt.Fprintf(sio.out, "rolled back %05d %s\n", r.Version, r.Name)
		}
	case "status":
		st, err := store.MigrationStatuses(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(sio.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "VERSION\tNAME\tSTATE\tAPPLIED AT")
		for _, m := range st {
			state, at := "pending", ""
			if m.Applied {
				state, at = "applied", m.AppliedAt.UTC().Format("2006-01-02 15:04:05")
			}
			fmt.Fprintf(tw, "%05d\t%s\t%s\t%s\n", m.Version, m.Name, state, at)
		}
		return tw.Flush()
	}
	return nil
}
