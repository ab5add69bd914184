package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/claimboard/claimboard/models"
)

const moderatorUsage = "moderator: want add NAME, list or remove NAME"

// runModerator manages moderator accounts: add (password from the terminal
// without echo, or the first line of standard input when it is not a
// terminal, so scripts can pipe it), list and remove.
func runModerator(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		return usagef(moderatorUsage)
	}
	action := args[0]
	fs := newFlagSet("moderator "+action, sio.errOut)
	dsn := dbFlag(fs, getenv)
	if help, err := parseFlags(fs, args[1:]); help || err != nil {
		return err
	}
	want := map[string]int{"add": 1, "list": 0, "remove": 1}
	n, ok := want[action]
	if !ok {
		return usagef("moderator: unknown action %q (want add, list or remove)", action)
	}
	if fs.NArg() != n {
		return usagef(moderatorUsage)
	}
	name := fs.Arg(0)
	if action == "add" {
		if err := models.ValidUsername(name); err != nil {
			return usagef("moderator add: %v", err)
		}
	}
	log := slog.New(slog.NewTextHandler(sio.errOut, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, err := openStore(ctx, *dsn, true, log)
	if err != nil {
		return err
	}
	defer store.Close()
	switch action {
	case "add":
		password, err := readPassword(sio)
		if err != nil {
			return err
		}
		m, err := store.AddModerator(ctx, name, password)
		if err != nil {
			return fmt.Errorf("moderator add %s: %w", name, err)
		}
		// The name is stored normalised (NFKC, case-folded): say which.
		fmt.Fprintf(sio.out, "added moderator %s\n", m.Username)
	case "list":
		ms, err := store.ListModerators(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(sio.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "USERNAME\tCREATED")
		for _, m := range ms {
			fmt.Fprintf(tw, "%s\t%s\n", m.Username, m.CreatedAt.UTC().Format("2006-01-02 15:04"))
		}
		return tw.Flush()
	case "remove":
		if err := store.RemoveModerator(ctx, name); err != nil {
			return fmt.Errorf("moderator remove %s: %w", name, err)
		}
		fmt.Fprintf(sio.out, "removed moderator %s; their sessions are ended, their decisions stay on the record\n", name)
	}
	return nil
}

// readPassword asks twice on a terminal (no echo), else reads one line.
func readPassword(sio stdio) (string, error) {
	if f, ok := sio.in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(sio.errOut, "Password: ")
		p1, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(sio.errOut)
		if err != nil {
			return "", fmt.Errorf("moderator add: read password: %w", err)
		}
		fmt.Fprint(sio.errOut, "Again: ")
		p2, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(sio.errOut)
		if err != nil {
			return "", fmt.Errorf("moderator add: read password: %w", err)
		}
		if string(p1) != string(p2) {
			return "", fmt.Errorf("moderator add: the passwords differ")
		}
		return string(p1), nil
	}
	line, err := bufio.NewReader(sio.in).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("moderator add: read password from standard input: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", fmt.Errorf("moderator add: no password on standard input")
	}
	return line, nil
}
