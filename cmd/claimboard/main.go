// Command claimboard serves, ingests and extracts quantitative claims of
// research papers. main only wires the process to run, so every subcommand
// can be tested in-process with its own arguments, environment and output.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "claimboard: %s\n", oneLine(err.Error()))
		os.Exit(exitCode(err))
	}
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

func exitCode(err error) int {
	var ue usageError
	var pue *usageError
	if errors.As(err, &ue) || errors.As(err, &pue) {
		return 2
	}
	return 1
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

const usage = `usage: claimboard <command> [flags]

commands:
  serve                       run the web server (the default)
  migrate up|down|status      manage the database schema
  ingest [--format auto|page|jsonl|arxiv] [--skip-bad] [--db DB] FILE...|-
                              load papers: trending-papers page text, JSON Lines or
                              arXiv Atom; one transaction per file
  reextract [--db DB]         run the current extractor over every paper, keeping
                              every claim a human has touched
  fetch arxiv --query QUERY [--from DATE] [--to DATE] [--max N] [--db DB]
                              fetch papers from the arXiv API, a page per transaction,
                              3 s apart; a stopped run resumes where it left off
  extract [--format jsonl|csv] FILE...|-
                              print the claims found in papers, without a database
  export [--format csv|jsonl] [--metric M] [--base-url URL]
                              print every live claim, or one metric's, in leaderboard order
  eval --gold GOLD.jsonl [--corpus CORPUS.jsonl] [--errors]
                              score the extractor against hand-checked claims
  synth --papers N --claims-per-paper K [--seed S]
                              fill the database with synthetic data for load tests
  moderator add|list|remove [--db DB] [NAME]
                              manage moderator accounts (password from the
                              terminal, or the first line of standard input)
  version                     print the version

Every command that uses a database takes --db (or DATABASE_URL): a
postgres:// URL selects PostgreSQL, anything else is an SQLite file path.
Run 'claimboard <command> -h' for its flags.`

// stdio is where a command reads and writes.
type stdio struct {
	in          io.Reader
	out, errOut io.Writer
}

// run executes one command line and returns its error; it never exits.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	sio := stdio{in: stdin, out: stdout, errOut: stderr}
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, getenv, sio)
	case "migrate":
		return runMigrate(ctx, args, getenv, sio)
	case "ingest":
		return runIngest(ctx, args, getenv, sio)
	case "reextract":
		return runReextract(ctx, args, getenv, sio)
	case "fetch":
		return runFetch(ctx, args, getenv, sio)
	case "extract":
		return runExtract(ctx, args, sio)
	case "export":
		return runExport(ctx, args, getenv, sio)
	case "eval":
		return runEval(ctx, args, stdout, stderr)
	case "synth":
		return runSynth(ctx, args, getenv, sio)
	case "moderator":
		return runModerator(ctx, args, getenv, sio)
	case "version":
		return runVersion(args, sio)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	return usagef("unknown command %q (try 'claimboard help')", cmd)
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints its help on request only.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("claimboard "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args and turns flag errors into usage errors; -h prints
// the command's flags and succeeds. Flags may follow positional arguments
// ("migrate down --db x"), as users type them.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	var buf strings.Builder
	out := fs.Output()
	fs.SetOutput(&buf)
	err = fs.Parse(flagsFirst(fs, args))
	fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(out, "usage of %s:\n", fs.Name())
		fs.PrintDefaults()
		return true, nil
	}
	if err != nil {
		return false, usagef("%s: %v", fs.Name(), err)
	}
	return false, nil
}

// dbFlag registers the --db flag every database command shares.
func dbFlag(fs *flag.FlagSet, getenv func(string) string) *string {
	def := getenv("DATABASE_URL")
	if def == "" {
		def = "claimboard.db"
	}
	return fs.String("db", def, "database: postgres:// URL or SQLite file path (env DATABASE_URL)")
}

// flagsFirst moves flags (and the values of non-boolean flags) before the
// positional arguments, which the flag package otherwise stops at. "--" still
// ends the flags and "-" stays a positional argument (standard input).
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(append(flags, "--"), pos...)
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
