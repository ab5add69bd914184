package ingest

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/claimboard/claimboard/models"
)

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
