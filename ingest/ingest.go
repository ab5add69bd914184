package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

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
		}
		if c.Hardware != "" {
			h, ok := extract.LookupHardware(c.Hardware)
			if !ok {
				h = extract.Hardware{Name: c.Hardware, Slug: slugify(c.Hardware)}
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
	// Progress, if set, is called from one goroutine as records are written.
	Progress func(done, total int)
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

// chunkSize is how many records are extracted together and saved in one Save.
const chunkSize = 1000

// Ingest parses one file, extracts claims on every CPU and writes the papers
// in one transaction: by default a bad record fails the file and nothing is
// written; with SkipBad the good ones go in and the bad ones are returned.
// The error of a bad record is a *ParseError naming file, line and entry.
func Ingest(ctx context.Context, store *models.Store, name string, data []byte, opt Options) (Result, error) {
	parsed, err := ParseFile(data, name, opt.Format)
	if err != nil {
		return Result{}, err
	}
	res := Result{Format: parsed.Format, Records: len(parsed.Records) + len(parsed.Bad), Bad: parsed.Bad}
	if len(parsed.Bad) > 0 && !opt.SkipBad {
		return res, parsed.Bad[0]
	}
	recs := parsed.Records
	withMetadata(recs)
	if len(recs) == 0 && opt.Within == nil {
		return res, nil
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var late []*ParseError // bad records found after parsing, merged in file order below
	st, err := store.Ingest(ctx, models.Source{Name: parsed.Format, File: name}, func(b *models.Batch) error {
		ids := make([]string, len(recs))
		titles := make([]string, len(recs))
		for i, r := range recs {
			ids[i], titles[i] = r.ArxivID, r.Title
		}
		if err := b.Prefetch(ids, titles); err != nil {
			return err
		}
		chunks := extractChunks(ctx, recs, workers, unchanged(b, recs))
		done := 0
		for c := range chunks {
			out := <-c
			good := out.papers[:0]
			var goodRecs []Record
			for i := range out.papers {
				r := out.recs[i]
				msg := out.failed[i]
				if msg == "" {
					if err := b.Check(&out.papers[i]); err != nil {
						msg = err.Error()
					}
				}
				if msg != "" {
					pe := &ParseError{File: name, Line: r.Line, Entry: r.Entry, Msg: msg}
					if !opt.SkipBad {
						return pe
					}
					late = append(late, pe)
					continue
				}
				good = append(good, out.papers[i])
				goodRecs = append(goodRecs, r)
			}
			if err := b.Save(good); err != nil {
				var se *models.SaveError
				if errors.As(err, &se) && se.Index < len(goodRecs) {
					r := goodRecs[se.Index]
					return &ParseError{File: name, Line: r.Line, Entry: r.Entry, Msg: se.Err.Error()}
				}
				return fmt.Errorf("ingest: %s: %w", name, err)
			}
			done += len(out.recs)
			if opt.Progress != nil {
				opt.Progress(done, len(recs))
			}
		}
		if err := ctx.Err(); err != nil {
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
	res.Bad = mergeBad(res.Bad, late)
	return res, nil
}

type chunkOut struct {
	recs   []Record
	papers []models.PaperInput
	failed []string // why extraction failed for a record, or ""
}

// extractChunks extracts recs on workers goroutines and delivers the chunks
// in file order: the channel yields one channel per chunk, in order, so the
// single writer waits only for the chunk it needs next while the workers run
// ahead by a bounded number of chunks.
func extractChunks(ctx context.Context, recs []Record, workers int, skip []bool) <-chan chan chunkOut {
	order := make(chan chan chunkOut, workers*2)
	type job struct {
		lo, hi int
		out    chan chunkOut
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				part := recs[j.lo:j.hi]
				out := chunkOut{recs: part, papers: make([]models.PaperInput, len(part)), failed: make([]string, len(part))}
				for i, r := range part {
					if skip[j.lo+i] {
						out.papers[i] = paperOf(r)
						continue
					}
					out.papers[i], out.failed[i] = safeExtract(r)
				}
				j.out <- out
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for lo := 0; lo < len(recs); lo += chunkSize {
			j := job{lo: lo, hi: min(lo+chunkSize, len(recs)), out: make(chan chunkOut, 1)}
			// order has room for workers*2 chunks: the writer's backlog bounds memory.
			select {
			case order <- j.out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	return order
}

// unchanged marks the records stored already with the same title and
// abstract, which appear once in the file: Save leaves them alone, so their
// claims need not be extracted (a re-run of a file costs little).
func unchanged(b *models.Batch, recs []Record) []bool {
	seen := make(map[string]int, 2*len(recs))
	for _, r := range recs {
		seen["t:"+models.NormalizeTitle(r.Title)]++
		if r.ArxivID != "" {
			seen["a:"+r.ArxivID]++
		}
	}
	skip := make([]bool, len(recs))
	for i, r := range recs {
		once := seen["t:"+models.NormalizeTitle(r.Title)] == 1 && (r.ArxivID == "" || seen["a:"+r.ArxivID] == 1)
		skip[i] = once && b.Unchanged(r.ArxivID, r.Title, r.Abstract)
	}
	return skip
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

// mergeBad merges two lists of bad records, each in file order.
func mergeBad(a, b []*ParseError) []*ParseError {
	out := make([]*ParseError, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		if len(b) == 0 || (len(a) > 0 && a[0].Line <= b[0].Line) {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

// slugify makes a URL slug of a device name the gazetteer does not know.
func slugify(s string) string {
	out := make([]byte, 0, len(s))
	dash := false
	for _, b := range []byte(s) {
		switch {
		case b >= 'a' && b <= 'z', b >= '0' && b <= '9':
			out = append(out, b)
			dash = false
		case b >= 'A' && b <= 'Z':
			out = append(out, b+'a'-'A')
			dash = false
		default:
			if !dash && len(out) > 0 {
				out = append(out, '-')
				dash = true
			}
		}
	}
	for len(out) > 0 && out[len(out)-1] == '-' {
		out = out[:len(out)-1]
	}
	return string(out)
}
