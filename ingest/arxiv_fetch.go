package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

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
