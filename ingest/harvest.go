package ingest

import (
	"context"
	"fmt"
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

func capTotal(total, max int) int {
	if max > 0 && max < total {
		return max
	}
	return total
}
