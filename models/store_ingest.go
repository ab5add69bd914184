package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/claimboard/claimboard/extract"
	"gorm.io/gorm"
)

// Source names where papers come from: the source format ("page", "jsonl",
// "arxiv") and the file, recorded on every paper written from it.
type Source struct {
	Name string
	File string
}

// Limits on what a paper may hold. A title is indexed (PostgreSQL refuses
// index entries over ~2.7 KB), and no real abstract comes near the bound.
// Authors and category are bounded too: a feed with 20 MB of authors once
// made a paper page of the same size. The largest collaborations list about
// 3,000 authors in some 60 KB; arXiv categories are like "physics.comp-ph".
const (
	MaxTitleLen    = 1000
	MaxAbstractLen = 100_000
	MaxAuthorsLen  = 100_000
	MaxCategoryLen = 64
	MaxArxivIDLen  = 64
)

// SaveError is a paper SavePapers or Batch.Save refused, by its position in
// the slice given, so a caller can name the record at fault.
type SaveError struct {
	Index int
	Err   error
}

func (e *SaveError) Error() string { return fmt.Sprintf("paper %d: %v", e.Index+1, e.Err) }
func (e *SaveError) Unwrap() error { return e.Err }

// Batch is one file's transaction: Save may be called many times with
// consecutive slices of the file's papers; all of them commit or none do.
type Batch struct {
	ctx     context.Context
	tx      *gorm.DB
	dialect string
	src     Source
	now     time.Time
	metrics map[string]int64
	hw      map[string]int64
	stats   SaveStats
	// seen holds the papers this transaction already wrote, by arXiv id and
	// by content key, so a paper repeated within a file is matched too.
	seenArxiv map[string]*paperState
	seenKey   map[string]*paperState
	// looked holds the arXiv ids and content keys already looked up, found or not.
	looked map[string]bool
	// versions holds the arXiv version of papers written, by id, for their claims.
	versions map[int64]int
}

// pending is a paper Save will insert or update once the chunk is sorted.
type pending struct {
	in    *PaperInput
	state *paperState
}

// paperState is what Save knows of a stored paper while it decides.
type paperState struct {
	ID              int64
	ContentKey      string
	Title           string
	AbstractHash    string
	ArxivID         *string
	ArxivVersion    int
	SourceURL       string
	CodeURL         string
	ProjectURL      string
	Authors         string
	PrimaryCategory string
	PublishedOn     *time.Time
}

// Ingest runs fn in one transaction with a Batch that writes papers from src;
// when fn or any Save fails nothing is written.
func (s *Store) Ingest(ctx context.Context, src Source, fn func(*Batch) error) (SaveStats, error) {
	var stats SaveStats
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		metrics, err := metricIDs(tx)
		if err != nil {
			return err
		}
		b := &Batch{
			ctx: ctx, tx: tx, dialect: s.dialect, src: src, now: time.Now().UTC(),
			metrics: metrics, hw: map[string]int64{},
			seenArxiv: map[string]*paperState{}, seenKey: map[string]*paperState{}, looked: map[string]bool{},
			versions: map[int64]int{},
		}
		if err := inVersionBatch(tx, s.dialect, func() error { return fn(b) }); err != nil {
			return err
		}
		stats = b.stats
		return nil
	})
	if err != nil {
		return SaveStats{}, err
	}
	return stats, nil
}

// Stats returns what the batch has done so far.
func (b *Batch) Stats() SaveStats { return b.stats }

// lookupChunk bounds the values of one lookup on PostgreSQL (one array).
const lookupChunk = 5000

// saveChunk bounds how many papers one lookup and one multi-row insert take.
const saveChunk = 500

// Save writes papers in file order: new ones are inserted in multi-row
// statements, a paper already stored with the same title and abstract is left
// alone, and a changed one (a new arXiv version) is updated and its claims
// replaced except those a human has touched. A refused paper fails the whole
// batch with a *SaveError.
func (b *Batch) Save(papers []PaperInput) error {
	b.bound()
	for i := range papers {
		if err := b.Check(&papers[i]); err != nil {
			return &SaveError{Index: i, Err: err}
		}
	}
	for lo := 0; lo < len(papers); lo += saveChunk {
		hi := min(lo+saveChunk, len(papers))
		if err := b.saveChunk(papers[lo:hi]); err != nil {
			return err
		}
	}
	return nil
}

func (b *Batch) saveChunk(papers []PaperInput) error {
	if err := b.lookup(papers); err != nil {
		return err
	}
	var inserts, updates []*pending
	queued := map[*paperState]*pending{}
	for i := range papers {
		in := &papers[i]
		in.Title = strings.TrimSpace(in.Title)
		key := contentKey(in.Title)
		hash := hashText(in.Abstract)
		st := b.match(in.ArxivID, key)
		if st == nil {
			if other := b.seenKey[key]; other != nil {
				// Another arXiv paper holds this title: still a paper of its own.
				key = "arxiv:" + in.ArxivID
			}
			st = &paperState{ContentKey: key, Title: in.Title, AbstractHash: hash, ArxivID: nullString(in.ArxivID)}
			fillMeta(st, in, true)
			b.remember(st)
			p := &pending{in: in, state: st}
			inserts = append(inserts, p)
			queued[st] = p
			b.stats.Added++
			continue
		}
		if in.ArxivVersion > 0 && st.ArxivVersion > in.ArxivVersion {
			// An older arXiv version than the stored (or queued) one: never go back.
			b.stats.Unchanged++
			continue
		}
		if p := queued[st]; p != nil && st.ID == 0 {
			// The same paper twice in one chunk, not yet written: the later wins.
			if st.AbstractHash == hash && extract.NormTitle(st.Title) == extract.NormTitle(in.Title) {
				b.stats.Unchanged++
				continue
			}
			p.in = in
			st.Title, st.AbstractHash = in.Title, hash
			fillMeta(st, in, true)
			b.stats.Updated++
			continue
		}
		sameText := st.AbstractHash == hash && extract.NormTitle(st.Title) == extract.NormTitle(in.Title)
		metaChanged := fillMeta(st, in, !sameText)
		if sameText && !metaChanged {
			b.stats.Unchanged++
			continue
		}
		if !sameText {
			if key != st.ContentKey {
				if other := b.seenKey[key]; other == nil || other == st {
					delete(b.seenKey, st.ContentKey)
					st.ContentKey = key
				}
			}
			st.Title, st.AbstractHash = in.Title, hash
		}
		b.remember(st)
		p := queued[st]
		if p == nil {
			p = &pending{state: st}
			updates = append(updates, p)
			queued[st] = p
			b.stats.Updated++
		}
		if !sameText {
			p.in = in
		} else if p.in == nil {
			p.in = &PaperInput{} // metadata only: the claims stay
		}
	}

	if err := b.insertPapers(inserts); err != nil {
		return err
	}
	fresh := map[int64][]ClaimInput{}
	var newIDs []int64
	for _, p := range inserts {
		b.versions[p.state.ID] = p.state.ArxivVersion
	}
	for _, p := range updates {
		b.versions[p.state.ID] = p.state.ArxivVersion
	}
	for _, p := range inserts {
		if len(p.in.Claims) > 0 {
			fresh[p.state.ID] = p.in.Claims
			newIDs = append(newIDs, p.state.ID)
		}
	}
	var changedIDs []int64
	for _, p := range updates {
		if err := b.updatePaper(p.state, p.in); err != nil {
			return err
		}
		if p.in.Abstract != "" {
			changedIDs = append(changedIDs, p.state.ID)
			fresh[p.state.ID] = p.in.Claims
		}
	}
	// New papers have no claims to keep: insert theirs without a lookup.
	rows, err := b.claimRows(newIDs, fresh)
	if err != nil {
		return err
	}
	if err := insertClaimRows(b.ctx, b.tx, b.dialect, rows, b.now); err != nil {
		return err
	}
	b.stats.Claims += len(rows)
	if len(changedIDs) > 0 {
		cs, err := b.replaceClaims(changedIDs, fresh)
		if err != nil {
			return err
		}
		b.stats.Claims += cs.Added
		b.stats.ClaimsRemoved += cs.Removed
		b.stats.ClaimsKept += cs.Kept
		b.stats.ClaimsSuperseded += cs.Superseded
	}
	if err := b.saveMethods(updates); err != nil {
		return err
	}
	return b.saveTasks(inserts, updates)
}

// new version (overwrite) every given field wins; otherwise only empty fields
// are filled, so a second source adds to the first without fighting it.
func fillMeta(st *paperState, in *PaperInput, overwrite bool) bool {
	changed := false
	set := func(dst *string, v string) {
		if v != "" && *dst != v && (overwrite || *dst == "") {
			*dst = v
			changed = true
		}
	}
	set(&st.SourceURL, in.SourceURL)
	set(&st.CodeURL, in.CodeURL)
	set(&st.ProjectURL, in.ProjectURL)
	set(&st.Authors, in.Authors)
	set(&st.PrimaryCategory, in.PrimaryCategory)
	if in.ArxivID != "" && st.ArxivID == nil {
		st.ArxivID = nullString(in.ArxivID)
		changed = true
	}
	if in.ArxivVersion > st.ArxivVersion {
		st.ArxivVersion = in.ArxivVersion
		changed = true
	}
	if in.PublishedOn != nil && (st.PublishedOn == nil || (overwrite && !sameDay(*st.PublishedOn, *in.PublishedOn))) {
		d := in.PublishedOn.UTC().Truncate(24 * time.Hour)
		st.PublishedOn = &d
		changed = true
	}
	return changed
}

func sameDay(a, b time.Time) bool {
	return a.UTC().Format(time.DateOnly) == b.UTC().Format(time.DateOnly)
}
