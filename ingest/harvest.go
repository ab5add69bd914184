package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/claimboard/claimboard/models"
)

// ArxivAPI is the arXiv API's query endpoint.
const ArxivAPI = "https://export.arxiv.org/api/query"

// ArxivMinInterval is the least time between two requests to the arXiv API
// that its terms of use allow ("no more than one request every three seconds").
const ArxivMinInterval = 3 * time.Second

// Harvest defaults.
const (
	DefaultPageSize = 200 // arXiv serves up to 2000 per request; smaller pages retry cheaper
	MaxPageSize     = 2000
	defaultRetries  = 6
	defaultTimeout  = 2 * time.Minute
	maxBackoff      = 5 * time.Minute
	maxRetryAfter   = 30 * time.Minute
)

// HarvestOptions describe one harvest of an arXiv API query.
type HarvestOptions struct {
	BaseURL  string // the API's query URL; ArxivAPI when empty
	Query    string // search_query, e.g. "cat:cs.DC AND abs:GPU"
	From, To *time.Time
	Max      int // stop once this many entries of the query are harvested (over every run); 0: all
	PageSize int // max_results per request; DefaultPageSize when 0
	// MinInterval is the least time between the end of one response and the
	// next request; ArxivMinInterval when 0. The command line never lets it
	// go below ArxivMinInterval; tests against a local server shrink it here.
	MinInterval time.Duration
	Retries     int           // attempts per page beyond the first; defaultRetries when 0
	Timeout     time.Duration // per request; defaultTimeout when 0
	Client      *http.Client
	UserAgent   string
	// Progress, if set, is called after each page with the entries done and
	// the entries the query has (capped by Max).
	Progress func(done, total int)
	// Logf, if set, is told about retries.
	Logf func(format string, args ...any)
}

// HarvestStats is what a harvest did.
type HarvestStats struct {
	models.SaveStats
	Requests int // HTTP requests sent, retries included
	Retries  int
	Pages    int // pages written
	Entries  int // entries written in this run
	Bad      []*ParseError
	Start    int // the offset this run resumed at
	Next     int // the offset the next run starts at
	Total    int // the entries the query has, as last reported
}

// HarvestError is a harvest that stopped: the URL it was fetching, what went
// wrong and whether trying again later may help. What was written before it
// stays, and the next run resumes at the checkpoint.
type HarvestError struct {
	URL       string
	Err       error
	Attempts  int
	Permanent bool // the API refused the query: retrying the same will not help
}

func (e *HarvestError) Error() string {
	if e.Permanent {
		return fmt.Sprintf("GET %s: %v", e.URL, e.Err)
	}
	return fmt.Sprintf("GET %s: %v (gave up after %d attempts)", e.URL, e.Err, e.Attempts)
}

func (e *HarvestError) Unwrap() error { return e.Err }

// ArxivSearchQuery is the search_query a harvest sends: the query, restricted
// to a submission date range when From or To is set. It also keys the
// harvest's checkpoint.
func ArxivSearchQuery(query string, from, to *time.Time) string {
	q := strings.TrimSpace(query)
	if from == nil && to == nil {
		return q
	}
	lo, hi := "000001010000", "999912312359"
	if from != nil {
		lo = from.UTC().Format("20060102") + "0000"
	}
	if to != nil {
		hi = to.UTC().Format("20060102") + "2359"
	}
	return "(" + q + ") AND submittedDate:[" + lo + " TO " + hi + "]"
}

// Harvest fetches a query's entries page by page, oldest submission first
// (so the offsets of entries already fetched never move as papers are added),
// and ingests each page in one transaction together with the offset after it.
// It starts at the query's checkpoint: a run stopped at any point, even
// killed, goes on from the last committed page.
func Harvest(ctx context.Context, store *models.Store, opt HarvestOptions) (HarvestStats, error) {
	var st HarvestStats
	if strings.TrimSpace(opt.Query) == "" {
		return st, models.FieldErrorf("query", "is empty")
	}
	base := opt.BaseURL
	if base == "" {
		base = ArxivAPI
	}
	bu, err := url.Parse(base)
	if err != nil || (bu.Scheme != "http" && bu.Scheme != "https") || bu.Host == "" {
		return st, models.FieldErrorf("arxiv-api", "%q is not an http or https URL", base)
	}
	size := opt.PageSize
	if size <= 0 {
		size = DefaultPageSize
	}
	if size > MaxPageSize {
		return st, models.FieldErrorf("page-size", "is %d, more than the API's %d", size, MaxPageSize)
	}
	sq := ArxivSearchQuery(opt.Query, opt.From, opt.To)
	h, err := store.GetHarvest(ctx, sq)
	if err != nil {
		return st, err
	}
	st.Start, st.Next, st.Total = h.NextStart, h.NextStart, h.Total
	f := newFetcher(opt)
	if h.LastRequestAt != nil {
		f.lastEnd = *h.LastRequestAt
	}
	f.mark = func(at time.Time) error { return store.MarkHarvestRequest(ctx, sq, at) }
	for {
		if opt.Max > 0 && h.NextStart >= opt.Max {
			return st, nil
		}
		n := size
		if opt.Max > 0 {
			n = min(n, opt.Max-h.NextStart)
		}
		q := url.Values{}
		q.Set("search_query", sq)
		q.Set("start", strconv.Itoa(h.NextStart))
		q.Set("max_results", strconv.Itoa(n))
		q.Set("sortBy", "submittedDate")
		q.Set("sortOrder", "ascending")
		u := *bu
		u.RawQuery = q.Encode()
		page, err := f.page(ctx, u.String(), h.NextStart, &st)
		if err != nil {
			return st, err
		}
		h.Total = page.total
		st.Total = page.total
		if page.entries == 0 {
			// fetch returns an empty page only when the query has no more.
			if opt.Progress != nil {
				opt.Progress(h.NextStart, capTotal(h.Total, opt.Max))
			}
			return st, store.SaveHarvest(ctx, h)
		}
		next := h
		next.NextStart += page.entries
		next.Entries += page.entries
		// A page in hand is written even if ctx ends meanwhile: a shutdown
		// waits for its transaction rather than throwing the request away.
		res, err := Ingest(context.WithoutCancel(ctx), store, u.String(), page.body, Options{
			Format: FormatArxiv, SkipBad: true,
			Within: func(b *models.Batch) error { return b.SaveHarvest(next) },
		})
		if err != nil {
			return st, fmt.Errorf("ingest page at %d: %w", h.NextStart, err)
		}
		h = next
		st.Pages++
		st.Entries += page.entries
		st.Next = h.NextStart
		st.Added += res.Added
		st.Updated += res.Updated
		st.Unchanged += res.Unchanged
		st.Claims += res.Claims
		st.ClaimsRemoved += res.ClaimsRemoved
		st.ClaimsKept += res.ClaimsKept
		st.ClaimsSuperseded += res.ClaimsSuperseded
		st.Bad = append(st.Bad, res.Bad...)
		if opt.Progress != nil {
			opt.Progress(h.NextStart, capTotal(h.Total, opt.Max))
		}
		if h.NextStart >= h.Total {
			return st, nil
		}
		if err := ctx.Err(); err != nil {
			return st, err
		}
	}
}

// maxUpdatePages bounds one pass of HarvestUpdates, whatever the API says.
const maxUpdatePages = 50

// HarvestUpdates fetches the query's entries updated since a time, most
// recently updated first, and ingests them: new arXiv versions of papers
// harvested long ago, which the oldest-first harvest never sees again (a
// paper keeps its first submission date). It stops at the first page
// reaching back past since. Ingest is idempotent, so entries seen twice (a
// paper updated during the pass moves up the order) change nothing; one that
// moves past the pass's offset is caught by the next pass, which starts from
// this one's start.
func HarvestUpdates(ctx context.Context, store *models.Store, opt HarvestOptions, since time.Time) (HarvestStats, error) {
	var st HarvestStats
	base := opt.BaseURL
	if base == "" {
		base = ArxivAPI
	}
	bu, err := url.Parse(base)
	if err != nil || (bu.Scheme != "http" && bu.Scheme != "https") || bu.Host == "" {
		return st, models.FieldErrorf("arxiv-api", "%q is not an http or https URL", base)
	}
	size := opt.PageSize
	if size <= 0 || size > MaxPageSize {
		size = DefaultPageSize
	}
	sq := ArxivSearchQuery(opt.Query, opt.From, opt.To)
	h, err := store.GetHarvest(ctx, sq)
	if err != nil {
		return st, err
	}
	f := newFetcher(opt)
	if h.LastRequestAt != nil {
		f.lastEnd = *h.LastRequestAt
	}
	f.mark = func(at time.Time) error { return store.MarkHarvestRequest(ctx, sq, at) }
	for start := 0; start/size < maxUpdatePages; start += size {
		q := url.Values{}
		q.Set("search_query", sq)
		q.Set("start", strconv.Itoa(start))
		q.Set("max_results", strconv.Itoa(size))
		q.Set("sortBy", "lastUpdatedDate")
		q.Set("sortOrder", "descending")
		u := *bu
		u.RawQuery = q.Encode()
		page, err := f.page(ctx, u.String(), start, &st)
		if err != nil {
			return st, err
		}
		st.Total = page.total
		if page.entries == 0 {
			return st, nil
		}
		res, err := Ingest(context.WithoutCancel(ctx), store, u.String(), page.body, Options{Format: FormatArxiv, SkipBad: true})
		if err != nil {
			return st, fmt.Errorf("ingest updates at %d: %w", start, err)
		}
		st.Pages++
		st.Entries += page.entries
		st.Added += res.Added
		st.Updated += res.Updated
		st.Unchanged += res.Unchanged
		st.Claims += res.Claims
		st.ClaimsRemoved += res.ClaimsRemoved
		st.ClaimsKept += res.ClaimsKept
		st.ClaimsSuperseded += res.ClaimsSuperseded
		st.Bad = append(st.Bad, res.Bad...)
		if page.oldest.Before(since) || start+page.entries >= page.total {
			return st, nil
		}
		if err := ctx.Err(); err != nil {
			return st, err
		}
	}
	return st, nil
}

func capTotal(total, max int) int {
	if max > 0 && max < total {
		return max
	}
	return total
}

// fetcher sends the requests of one harvest, keeping them apart and retrying.
type fetcher struct {
	opt      HarvestOptions
	client   *http.Client
	interval time.Duration
	lastEnd  time.Time // when the last response was read to its end
	mark     func(time.Time) error
}

func newFetcher(opt HarvestOptions) *fetcher {
	f := &fetcher{opt: opt, client: opt.Client, interval: opt.MinInterval}
	if f.interval <= 0 {
		f.interval = ArxivMinInterval
	}
	if f.client == nil {
		f.client = &http.Client{}
	}
	if f.opt.Retries <= 0 {
		f.opt.Retries = defaultRetries
	}
	if f.opt.Timeout <= 0 {
		f.opt.Timeout = defaultTimeout
	}
	if f.opt.UserAgent == "" {
		f.opt.UserAgent = "claimboard (https://github.com/claimboard/claimboard)"
	}
	return f
}

type feedPage struct {
	body    []byte
	total   int
	entries int
	oldest  time.Time
}

// retryable is a failure another attempt may get past, with the least wait
// the server asked for.
type retryable struct {
	err   error
	after time.Duration
}

func (r *retryable) Error() string { return r.err.Error() }

// page fetches one page, retrying transient failures with exponential
// backoff (never sooner than the interval, nor than a Retry-After says).
func (f *fetcher) page(ctx context.Context, u string, start int, st *HarvestStats) (feedPage, error) {
	var last error
	wait := time.Duration(0)
	for attempt := 0; attempt <= f.opt.Retries; attempt++ {
		if attempt > 0 {
			st.Retries++
			backoff := min(f.interval<<attempt, maxBackoff)
			wait = max(wait, backoff)
			if f.opt.Logf != nil {
				f.opt.Logf("arxiv: %v; retrying in %s", last, wait.Round(time.Millisecond))
			}
		}
		if err := f.pause(ctx, wait); err != nil {
			return feedPage{}, err
		}
		if err := f.markRequest(); err != nil {
			return feedPage{}, err
		}
		st.Requests++
		p, err := f.get(ctx, u, start)
		if err == nil {
			return p, nil
		}
		var r *retryable
		if !errors.As(err, &r) {
			if ctx.Err() != nil {
				return feedPage{}, ctx.Err()
			}
			return feedPage{}, &HarvestError{URL: u, Err: err, Attempts: attempt + 1, Permanent: true}
		}
		last, wait = r.err, r.after
	}
	return feedPage{}, &HarvestError{URL: u, Err: last, Attempts: f.opt.Retries + 1}
}

// markSlack is how far ahead of now a request's recorded time is set: the
// request goes out after the record is written, and a run resuming from the
// record (after a kill) must not count from a moment before it did.
const markSlack = time.Second

// markRequest records, before a request, a time no earlier than the request
// will be sent: now plus markSlack, written again should the write itself
// take longer than that.
func (f *fetcher) markRequest() error {
	if f.mark == nil {
		return nil
	}
	for {
		at := time.Now().UTC().Add(markSlack)
		if err := f.mark(at); err != nil {
			return err
		}
		if time.Now().Before(at) {
			return nil
		}
	}
}

// pause waits until the interval since the last response has passed, and at
// least extra beyond that response.
func (f *fetcher) pause(ctx context.Context, extra time.Duration) error {
	if f.lastEnd.IsZero() {
		return nil
	}
	d := time.Until(f.lastEnd.Add(max(f.interval, extra)))
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (f *fetcher) get(ctx context.Context, u string, start int) (feedPage, error) {
	defer func() { f.lastEnd = time.Now() }()
	rctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u, nil)
	if err != nil {
		return feedPage{}, err
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return feedPage{}, ctx.Err()
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return feedPage{}, &retryable{err: fmt.Errorf("no response within %s", f.opt.Timeout)}
		}
		return feedPage{}, &retryable{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		if ctx.Err() != nil {
			return feedPage{}, ctx.Err()
		}
		return feedPage{}, &retryable{err: fmt.Errorf("reading the response: %w", err)}
	}
	switch {
	case resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusTooManyRequests:
		return feedPage{}, &retryable{err: fmt.Errorf("HTTP %d", resp.StatusCode), after: retryAfter(resp.Header.Get("Retry-After"))}
	case resp.StatusCode >= 500:
		return feedPage{}, &retryable{err: fmt.Errorf("HTTP %d", resp.StatusCode)}
	}
	info, ferr := readFeedInfo(body)
	if ferr == nil && info.apiError != "" {
		return feedPage{}, fmt.Errorf("the arXiv API refused the query: %s", info.apiError)
	}
	if resp.StatusCode != http.StatusOK {
		return feedPage{}, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	if ferr != nil {
		// A body cut short (a dropped connection, a proxy's page) is retried.
		return feedPage{}, &retryable{err: fmt.Errorf("bad feed: %w", ferr)}
	}
	if info.entries == 0 && start < info.total {
		// arXiv now and then answers a page inside the results with no
		// entries; the same request a little later has them.
		return feedPage{}, &retryable{err: fmt.Errorf("empty page at %d of %d results", start, info.total)}
	}
	return feedPage{body: body, total: info.total, entries: info.entries, oldest: info.oldest}, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		d = time.Duration(s) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	}
	return min(max(d, 0), maxRetryAfter)
}

type feedInfo struct {
	total    int
	entries  int
	apiError string
	oldest   time.Time // the earliest <updated> of the entries
}

// readFeedInfo reads what paging needs from an API feed: totalResults, the
// number of entries, and the error the API reports as an entry.
func readFeedInfo(body []byte) (feedInfo, error) {
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Total   string   `xml:"http://a9.com/-/spec/opensearch/1.1/ totalResults"`
		Entries []struct {
			ID      string `xml:"http://www.w3.org/2005/Atom id"`
			Updated string `xml:"http://www.w3.org/2005/Atom updated"`
			Summary string `xml:"http://www.w3.org/2005/Atom summary"`
		} `xml:"http://www.w3.org/2005/Atom entry"`
	}
	if err := xml.NewDecoder(bytes.NewReader(body)).Decode(&feed); err != nil {
		return feedInfo{}, fmt.Errorf("not a complete Atom feed: %s", xmlMsg(err))
	}
	info := feedInfo{entries: len(feed.Entries)}
	for _, e := range feed.Entries {
		if strings.Contains(e.ID, "arxiv.org/api/errors") {
			info.apiError = clip(collapse(e.Summary), 200)
			return info, nil
		}
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(e.Updated)); err == nil && (info.oldest.IsZero() || t.Before(info.oldest)) {
			info.oldest = t
		}
	}
	t, err := strconv.Atoi(strings.TrimSpace(feed.Total))
	if err != nil || t < 0 {
		return feedInfo{}, fmt.Errorf("opensearch:totalResults %q is not a count", clip(feed.Total, 40))
	}
	info.total = t
	return info, nil
}
