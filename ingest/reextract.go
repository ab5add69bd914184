package ingest

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/models"
)

// ReextractOptions tune a re-extraction.
type ReextractOptions struct {
	Workers  int // extraction goroutines; 0 means one per CPU
	PageSize int // papers extracted and written per transaction; 0 means 1000
	// Progress, if set, is called after each page with papers done and the total.
	Progress func(done, total int)
}

// ReextractStats is what a re-extraction did.
type ReextractStats struct {
	Papers int
	// Filled is how many papers took facts from the bundled metadata.
	Filled int
	models.ClaimStats
}

// Reextract runs the current extractor over every stored paper, a page of
// papers per transaction. Claims a human has touched are kept exactly as they
// are; untouched extracted claims are replaced (or kept if found again).
// Tasks and methods likewise: the extractor's are replaced, a paper a human
// filed or named keeps its.
// Stopped midway, every page written is whole and a rerun finishes the job.
// First it fills what stored papers of the bundled corpus lack from its
// metadata (arXiv id, authors, date...), so a database seeded before the
// metadata existed catches up.
func Reextract(ctx context.Context, store *models.Store, opt ReextractOptions) (ReextractStats, error) {
	var st ReextractStats
	filled, err := store.FillPaperMeta(ctx, models.Source{Name: "metadata", File: MetadataName}, metaInputs())
	if err != nil {
		return st, err
	}
	st.Filled = filled
	workers, size := opt.Workers, opt.PageSize
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if size <= 0 {
		size = 1000
	}
	total, err := store.CountPapers(ctx)
	if err != nil {
		return st, err
	}
	var after int64
	for {
		page, err := store.PaperTexts(ctx, after, size)
		if err != nil {
			return st, err
		}
		if len(page) == 0 {
			return st, nil
		}
		claims := make([][]models.ClaimInput, len(page))
		tasks := make(map[int64][]string, len(page))
		methods := make(map[int64]string, len(page))
		var wg sync.WaitGroup
		next := make(chan int)
		var mu sync.Mutex
		var failed error
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					c, err := safeClaims(page[i].Abstract)
					if err != nil {
						mu.Lock()
						failed = fmt.Errorf("reextract: paper %d: %w", page[i].ID, err)
						mu.Unlock()
					}
					claims[i] = c
					t := extract.AssignTasks(page[i].Title, page[i].Abstract)
					m := extract.MethodName(page[i].Title, page[i].Abstract)
					mu.Lock()
					tasks[page[i].ID] = t
					methods[page[i].ID] = m
					mu.Unlock()
				}
			}()
		}
		for i := range page {
			next <- i
		}
		close(next)
		wg.Wait()
		if failed != nil {
			return st, failed
		}
		fresh := make(map[int64][]models.ClaimInput, len(page))
		for i, p := range page {
			fresh[p.ID] = claims[i]
		}
		cs, err := store.ReplaceClaims(ctx, fresh)
		if err != nil {
			return st, err
		}
		// Tasks a human set stay; the extractor's are replaced. A stop
		// between the two writes leaves this page's old tasks, which a
		// rerun replaces.
		if err := store.ReplaceExtractedTasks(ctx, tasks); err != nil {
			return st, err
		}
		// Methods likewise: a moderator's stays.
		if err := store.ReplaceExtractedMethods(ctx, methods); err != nil {
			return st, err
		}
		st.Papers += len(page)
		st.Added += cs.Added
		st.Removed += cs.Removed
		st.Kept += cs.Kept
		st.Human += cs.Human
		after = page[len(page)-1].ID
		if opt.Progress != nil {
			opt.Progress(st.Papers, int(max(total, int64(st.Papers))))
		}
	}
}

func safeClaims(abstract string) (c []models.ClaimInput, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("extractor failed: %v", v)
		}
	}()
	return Claims(abstract), nil
}
