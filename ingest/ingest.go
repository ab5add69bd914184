package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/models"
)

// Extract runs the extractor over a record and returns it ready to store,
// with its claims and tasks. Code and project links in the abstract fill what
// the source did not say.
func Extract(r Record) models.PaperInput {
	p := paperOf(r)
	p.Claims = Claims(r.Abstract)
	p.Tasks = extract.AssignTasks(r.Title, r.Abstract)
	p.Method = extract.MethodName(r.Title, r.Abstract)
	return p
}

// paperOf is a record ready to store, without its claims.
func paperOf(r Record) models.PaperInput {
	p := models.PaperInput{
		Title: r.Title, Abstract: r.Abstract, ArxivID: r.ArxivID, ArxivVersion: r.ArxivVersion,
		SourceURL: r.URL, CodeURL: r.CodeURL, ProjectURL: r.ProjectURL, Authors: r.Authors,
		PublishedOn: r.Published, PrimaryCategory: r.PrimaryCategory,
	}
	if p.CodeURL == "" || p.ProjectURL == "" {
		code, project := FindLinks(r.Abstract)
		if p.CodeURL == "" {
			p.CodeURL = code
		}
		if p.ProjectURL == "" {
			p.ProjectURL = project
		}
	}
	return p
}

// Claims runs the extractor over an abstract and returns its claims ready to store.
func Claims(abstract string) []models.ClaimInput {
	var out []models.ClaimInput
	for _, c := range extract.Extract(abstract) {
		in := models.ClaimInput{
			Metric: c.Metric, Value: c.Value, ValueHigh: c.ValueHigh, Unit: c.Unit,
			RawText: c.Text, Qualifier: c.Qualifier, HardwareCount: c.HardwareCount,
			Baseline: c.Baseline, Subject: c.Subject, Condition: c.Condition,
			Evidence: c.Evidence, EvidenceStart: c.Start, EvidenceEnd: c.End,
			Confidence: c.Confidence, ExtractorVersion: extract.Version,
			Keys: models.KeyFilter{Precision: c.Settings.Precision, BatchSize: c.Settings.BatchSize,
				Resolution: c.Settings.Resolution, SeqLen: c.Settings.SeqLen, ModelSize: c.Settings.ModelSize,
				Dataset: c.Settings.Dataset},
		}
		if c.Hardware != "" {
			h, ok := extract.LookupHardware(c.Hardware)
			if !ok {
				h = extract.Hardware{Name: c.Hardware, Slug: extract.Slug(c.Hardware)}
			}
			in.Hardware = &models.Hardware{Name: h.Name, Slug: h.Slug, Vendor: h.Vendor, Family: h.Family}
		}
		out = append(out, in)
	}
	return out
}

// Options tune one file's ingestion.
type Options struct {
	Format  string // FormatAuto (the default), FormatPage, FormatJSONL or FormatArxiv
	SkipBad bool   // write the good records of a file with bad ones, instead of nothing
	Workers int    // extraction goroutines; 0 means one per CPU
	// Progress, if set, is called from one goroutine as records are written,
	// with the records done and the file's total (estimated from Size while
	// the file is still being read).
	Progress func(done, total int)
	// Size is the input's length in bytes, when known, for that estimate;
	// without it the total given is the records done so far.
	Size int64
	// Within, if set, runs in the file's transaction after its papers are
	// saved, so what it writes (a harvest checkpoint) commits with them.
	Within func(*models.Batch) error
}

// Result is what ingesting one file did.
type Result struct {
	models.SaveStats
	Format  string
	Records int           // records read, good and bad
	Bad     []*ParseError // records left out under SkipBad, in file order
}

// File ingests one file's content with the defaults: format detected, and a
// bad record fails the file with nothing written.
func File(ctx context.Context, store *models.Store, name string, data []byte) (models.SaveStats, error) {
	res, err := Ingest(ctx, store, name, data, Options{})
	return res.SaveStats, err
}

// chunkSize is how many records are extracted together and saved in one
// Save. A variable so a test can make a small file span many chunks.
var chunkSize = 1000

// Ingest ingests one file's content held in memory; see IngestReader.
func Ingest(ctx context.Context, store *models.Store, name string, data []byte, opt Options) (Result, error) {
	if opt.Size == 0 {
		opt.Size = int64(len(data))
	}
	return IngestReader(ctx, store, name, bytes.NewReader(data), opt)
}

// IngestReader parses one file as it reads it, extracts claims on every CPU
// and writes the papers in one transaction: by default a bad record fails the
// file and nothing is written; with SkipBad the good ones go in and the bad
// ones are returned. The error of a bad record is a *ParseError naming file,
// line and entry.
//
// The file is read, extracted and saved a chunk at a time while the one
// transaction stays open, so memory does not grow with the file: the reader
// runs at most one chunk ahead of the extractors, which run at most
// 2 x workers chunks ahead of the writer.
func IngestReader(ctx context.Context, store *models.Store, name string, r io.Reader, opt Options) (Result, error) {
	src, err := newSource(r, name, opt.Format)
	if err != nil {
		return Result{}, err
	}
	res := Result{Format: src.format}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	first, err := src.next(chunkSize)
	if err != nil {
		return res, err
	}
	if !opt.SkipBad {
		for _, it := range first {
			if it.bad != nil {
				// Fail a file bad from the start before opening a transaction.
				return res, it.bad
			}
		}
	}
	st, err := store.Ingest(ctx, models.Source{Name: src.format, File: name}, func(b *models.Batch) error {
		w := &writer{ctx: ctx, b: b, name: name, opt: opt, res: &res, src: src, inFlight: map[string]int{}}
		if err := w.run(first, workers); err != nil {
			return err
		}
		if opt.Within != nil {
			return opt.Within(b)
		}
		return nil
	})
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return res, pe
		}
		return res, fmt.Errorf("ingest: %s: %w", name, err)
	}
	res.SaveStats = st
	return res, nil
}

// writer is the file's single writer: it reads chunks, hands them to the
// extractors and saves them in file order.
type writer struct {
	ctx  context.Context
	b    *models.Batch
	name string
	opt  Options
	res  *Result
	src  *source
	// inFlight counts the identities of records handed to the extractors
	// and not saved yet: such a record may change a stored paper before a
	// later record with its identity is saved, so that one is extracted.
	inFlight map[string]int
	done     int
}

type chunk struct {
	items []item
	out   chan chunkOut
}

type chunkOut struct {
	papers []models.PaperInput
	failed []string // why extraction failed for a record, or ""
}

func (w *writer) run(first []item, workers int) error {
	raw := make(chan []item, 1)
	readErr := make(chan error, 1)
	go func() {
		// The reader parses the next chunk while the current ones are extracted.
		defer close(raw)
		for {
			items, err := w.src.next(chunkSize)
			if err != nil {
				readErr <- err
				return
			}
			if len(items) == 0 {
				return
			}
			select {
			case raw <- items:
			case <-w.ctx.Done():
				return
			}
		}
	}()
	jobs := make(chan extractJob, 2*workers)
	defer close(jobs)
	for range workers {
		go extractWorker(jobs)
	}
	var queue []chunk
	pending := first
	more := true
	for {
		for more && len(queue) < 2*workers {
			items := pending
			pending = nil
			if items == nil {
				var ok bool
				select {
				case items, ok = <-raw:
				case <-w.ctx.Done():
					return w.ctx.Err()
				}
				if !ok {
					more = false
					select {
					case err := <-readErr:
						return err
					default:
					}
					break
				}
			}
			c, err := w.submit(items, jobs)
			if err != nil {
				return err
			}
			queue = append(queue, c)
		}
		if len(queue) == 0 {
			return w.ctx.Err()
		}
		c := queue[0]
		queue = queue[1:]
		if err := w.save(c); err != nil {
			return err
		}
	}
}

// identities are the keys a record is matched to a stored paper by.
func identities(r Record) (title, arxiv string) {
	title = "t:" + models.NormalizeTitle(r.Title)
	if r.ArxivID != "" {
		arxiv = "a:" + r.ArxivID
	}
	return title, arxiv
}

// submit looks up the chunk's stored papers, marks the records stored already
// with the same title and abstract (Save leaves them alone, so their claims
// need not be extracted and a re-run of a file costs little) and hands the
// chunk to the extractors.
func (w *writer) submit(items []item, jobs chan<- extractJob) (chunk, error) {
	withMetadata(items)
	ids := make([]string, 0, len(items))
	titles := make([]string, 0, len(items))
	for _, it := range items {
		if it.bad == nil {
			ids, titles = append(ids, it.rec.ArxivID), append(titles, it.rec.Title)
		}
	}
	if err := w.b.Prefetch(ids, titles); err != nil {
		return chunk{}, err
	}
	skip := make([]bool, len(items))
	for i, it := range items {
		if it.bad != nil {
			continue
		}
		t, a := identities(it.rec)
		earlier := w.inFlight[t] > 0 || (a != "" && w.inFlight[a] > 0)
		skip[i] = !earlier && w.b.Unchanged(it.rec.ArxivID, it.rec.Title, it.rec.Abstract)
		w.inFlight[t]++
		if a != "" {
			w.inFlight[a]++
		}
	}
	c := chunk{items: items, out: make(chan chunkOut, 1)}
	select {
	case jobs <- extractJob{items: items, skip: skip, out: c.out}:
	case <-w.ctx.Done():
		return chunk{}, w.ctx.Err()
	}
	return c, nil
}

// save checks and writes one extracted chunk, in file order.
func (w *writer) save(c chunk) error {
	var out chunkOut
	select {
	case out = <-c.out:
	case <-w.ctx.Done():
		return w.ctx.Err()
	}
	good := out.papers[:0]
	var goodRecs []Record
	for i, it := range c.items {
		w.res.Records++
		if it.bad != nil {
			if !w.opt.SkipBad {
				return it.bad
			}
			w.res.Bad = append(w.res.Bad, it.bad)
			continue
		}
		r := it.rec
		t, a := identities(r)
		w.forget(t)
		if a != "" {
			w.forget(a)
		}
		msg := out.failed[i]
		if msg == "" {
			if err := w.b.Check(&out.papers[i]); err != nil {
				msg = err.Error()
			}
		}
		if msg != "" {
			pe := &ParseError{File: w.name, Line: r.Line, Entry: r.Entry, Msg: msg}
			if !w.opt.SkipBad {
				return pe
			}
			w.res.Bad = append(w.res.Bad, pe)
			continue
		}
		good = append(good, out.papers[i])
		goodRecs = append(goodRecs, r)
	}
	if err := w.b.Save(good); err != nil {
		var se *models.SaveError
		if errors.As(err, &se) && se.Index < len(goodRecs) {
			r := goodRecs[se.Index]
			return &ParseError{File: w.name, Line: r.Line, Entry: r.Entry, Msg: se.Err.Error()}
		}
		return fmt.Errorf("ingest: %s: %w", w.name, err)
	}
	w.done += len(c.items)
	if w.opt.Progress != nil {
		w.opt.Progress(w.done, w.total())
	}
	return nil
}

func (w *writer) forget(key string) {
	if w.inFlight[key]--; w.inFlight[key] <= 0 {
		delete(w.inFlight, key)
	}
}

// total is the number of records the file holds, or an estimate from the
// share of the input read so far while it is being read.
func (w *writer) total() int {
	read := w.src.read()
	if w.opt.Size <= 0 || read <= 0 || read >= w.opt.Size {
		return max(w.done, 1)
	}
	return max(w.done, int(float64(w.done)*float64(w.opt.Size)/float64(read)))
}

type extractJob struct {
	items []item
	skip  []bool
	out   chan<- chunkOut
}

func extractWorker(jobs <-chan extractJob) {
	for j := range jobs {
		out := chunkOut{papers: make([]models.PaperInput, len(j.items)), failed: make([]string, len(j.items))}
		for i, it := range j.items {
			switch {
			case it.bad != nil:
			case j.skip[i]:
				out.papers[i] = paperOf(it.rec)
			default:
				out.papers[i], out.failed[i] = safeExtract(it.rec)
			}
		}
		j.out <- out
	}
}

// safeExtract turns an extractor panic into a bad record rather than a crash
// of the whole run.
func safeExtract(r Record) (p models.PaperInput, failed string) {
	defer func() {
		if v := recover(); v != nil {
			failed = fmt.Sprintf("extractor failed: %v", v)
		}
	}()
	return Extract(r), ""
}
