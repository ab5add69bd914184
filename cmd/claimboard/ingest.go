package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/models"
	"golang.org/x/term"
)

func runIngest(ctx context.Context, args []string, getenv func(string) string, sio stdio) error {
	fs := newFlagSet("ingest", sio.errOut)
	dsn := dbFlag(fs, getenv)
	format := fs.String("format", ingest.FormatAuto, "input format: "+strings.Join(ingest.Formats, ", ")+" (auto tells them apart by content)")
	skipBad := fs.Bool("skip-bad", false, "write the good records of a file with bad ones, and list the bad ones")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if !slices.Contains(ingest.Formats, *format) {
		return usagef("ingest: --format must be one of %s, not %q", strings.Join(ingest.Formats, ", "), *format)
	}
	if fs.NArg() == 0 {
		return usagef("ingest: name at least one FILE (or - for standard input)")
	}
	inputs, err := openInputs(fs.Args(), sio.in)
	if err != nil {
		return err
	}
	defer func() {
		for _, in := range inputs {
			in.close()
		}
	}()
	log := slog.New(slog.NewTextHandler(sio.errOut, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, err := openStore(ctx, *dsn, true, log)
	if err != nil {
		return err
	}
	defer store.Close()

	start := time.Now()
	var total models.SaveStats
	errs := 0
	summary := func() {
		fmt.Fprintf(sio.out, "papers: %d added, %d updated, %d unchanged; claims: %d; errors: %d; elapsed %s\n",
			total.Added, total.Updated, total.Unchanged, total.Claims, errs, time.Since(start).Round(time.Millisecond))
	}
	for _, in := range inputs {
		bar := newProgress(sio.errOut, in.name, time.Now)
		res, err := ingest.IngestReader(ctx, store, in.name, in.r, ingest.Options{
			Format: *format, SkipBad: *skipBad, Progress: bar.update, Size: in.size,
		})
		in.close()
		bar.done()
		if err != nil {
			errs++
			summary()
			var pe *ingest.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("%w (nothing of %s was written)", err, in.name)
			}
			return err
		}
		for _, b := range res.Bad {
			fmt.Fprintf(sio.errOut, "skipped %s\n", b)
		}
		errs += len(res.Bad)
		fmt.Fprintf(sio.out, "%s (%s): %d added, %d updated, %d unchanged, %d claims, %d bad\n",
			in.name, res.Format, res.Added, res.Updated, res.Unchanged, res.Claims, len(res.Bad))
		total.Added += res.Added
		total.Updated += res.Updated
		total.Unchanged += res.Unchanged
		total.Claims += res.Claims
	}
	summary()
	return nil
}

type input struct {
	name  string
	r     io.Reader
	size  int64 // 0 when not known (standard input)
	close func()
}

// openInputs opens every named file (- is standard input) before anything is
// written, so a missing file fails the run up front; each is then read as it
// is ingested, never held whole.
func openInputs(names []string, stdin io.Reader) ([]input, error) {
	out := make([]input, 0, len(names))
	for _, n := range names {
		if n == "-" {
			out = append(out, input{name: "<stdin>", r: stdin, close: func() {}})
			continue
		}
		f, err := os.Open(n)
		var fi os.FileInfo
		if err == nil {
			fi, err = f.Stat()
			if err == nil && fi.IsDir() {
				err = errors.New("is a directory")
			}
			if err != nil {
				f.Close()
			}
		}
		if err != nil {
			for _, in := range out {
				in.close()
			}
			return nil, fmt.Errorf("read %s: %w", n, err)
		}
		out = append(out, input{name: n, r: f, size: fi.Size(), close: sync.OnceFunc(func() { f.Close() })})
	}
	return out, nil
}

// progressMin is the smallest input that gets a progress bar: smaller ones
// finish before a bar would tell anything.
const progressMin = 2000

// progress draws "name  12000/100000  12%  4100/s  ETA 21s" on one terminal
// line, at most ten times a second; it is silent when w is not a terminal.
type progress struct {
	w        io.Writer
	name     string
	now      func() time.Time
	start    time.Time
	last     time.Time
	drawn    bool
	terminal bool
	least    int // the smallest total that gets a bar
}

func newProgress(w io.Writer, name string, now func() time.Time) *progress {
	return &progress{w: w, name: name, now: now, start: now(), terminal: isTerminal(w), least: progressMin}
}

// isTerminal tells whether w is a terminal. A character device is not
// enough: /dev/null is one too, and a progress bar redrawn into it (or into
// a serial log) is noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (p *progress) update(done, total int) {
	if !p.terminal || total < p.least {
		return
	}
	now := p.now()
	if done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	fmt.Fprint(p.w, "\r\x1b[K"+progressLine(p.name, done, total, now.Sub(p.start)))
	p.drawn = true
}

// done clears the bar so the summary lines start on a clean line.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// progressLine renders one state of the bar: count, share, rate and ETA.
func progressLine(name string, done, total int, elapsed time.Duration) string {
	const width = 24
	filled := 0
	if total > 0 {
		filled = done * width / total
	}
	rate := 0.0
	if elapsed > 0 {
		rate = float64(done) / elapsed.Seconds()
	}
	eta := "?"
	if rate > 0 {
		eta = (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second).String()
	}
	pct := 0
	if total > 0 {
		pct = done * 100 / total
	}
	return fmt.Sprintf("%s [%s%s] %d/%d %3d%% %.0f/s ETA %s", name,
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total, pct, rate, eta)
}
