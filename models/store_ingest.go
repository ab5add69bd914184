package models

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

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
		if err := fn(b); err != nil {
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

// Check tells whether Save would accept a paper, without writing: a caller
// skipping bad records sorts them out with it before saving the rest.
func (b *Batch) Check(p *PaperInput) error { return checkPaper(p, b.metrics) }

func checkPaper(p *PaperInput, metrics map[string]int64) error {
	title := strings.TrimSpace(p.Title)
	switch {
	case title == "":
		return FieldErrorf("title", "is empty")
	case len(title) > MaxTitleLen:
		return FieldErrorf("title", "is %d bytes, more than %d", len(title), MaxTitleLen)
	case strings.TrimSpace(p.Abstract) == "":
		return FieldErrorf("abstract", "is empty")
	case len(p.Abstract) > MaxAbstractLen:
		return FieldErrorf("abstract", "is %d bytes, more than %d", len(p.Abstract), MaxAbstractLen)
	case extract.NormTitle(title) == "":
		return FieldErrorf("title", "has no letters or digits")
	}
	if err := checkPaperMeta(p); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{
		{"title", p.Title}, {"abstract", p.Abstract}, {"arxiv_id", p.ArxivID}, {"url", p.SourceURL},
		{"code_url", p.CodeURL}, {"project_url", p.ProjectURL}, {"authors", p.Authors}, {"category", p.PrimaryCategory},
	} {
		// PostgreSQL text takes neither NUL nor invalid UTF-8; say so here
		// rather than fail the file's transaction on an opaque driver error.
		if !utf8.ValidString(f.v) || strings.IndexByte(f.v, 0) >= 0 {
			return FieldErrorf(f.name, "is not valid UTF-8 text")
		}
	}
	for i, c := range p.Claims {
		if _, ok := metrics[c.Metric]; !ok {
			return FieldErrorf("metric", "claim %d: unknown metric %q", i+1, c.Metric)
		}
		if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
			return FieldErrorf("value", "claim %d: %v is not a number", i+1, c.Value)
		}
		switch c.Qualifier {
		case "", "up_to", "at_least", "approx", "average":
		default:
			return FieldErrorf("qualifier", "claim %d: unknown qualifier %q", i+1, c.Qualifier)
		}
		if c.EvidenceStart < 0 || c.EvidenceEnd < c.EvidenceStart || c.HardwareCount < 0 {
			return FieldErrorf("evidence", "claim %d: bad offsets %d..%d", i+1, c.EvidenceStart, c.EvidenceEnd)
		}
		if c.Hardware != nil && (c.Hardware.Slug == "" || c.Hardware.Name == "") {
			return FieldErrorf("hardware", "claim %d: device %q has no slug", i+1, c.Hardware.Name)
		}
	}
	return nil
}

// checkPaperMeta bounds a paper's metadata and checks its links, which end
// up in href attributes, the API and CSV: only absolute http(s) URLs.
func checkPaperMeta(p *PaperInput) error {
	switch {
	case len(p.Authors) > MaxAuthorsLen:
		return FieldErrorf("authors", "is %d bytes, more than %d", len(p.Authors), MaxAuthorsLen)
	case len(p.PrimaryCategory) > MaxCategoryLen:
		return FieldErrorf("category", "is %d bytes, more than %d", len(p.PrimaryCategory), MaxCategoryLen)
	case len(p.ArxivID) > MaxArxivIDLen:
		return FieldErrorf("arxiv_id", "is %d bytes, more than %d", len(p.ArxivID), MaxArxivIDLen)
	}
	for _, f := range []struct{ name, v string }{{"url", p.SourceURL}, {"code_url", p.CodeURL}, {"project_url", p.ProjectURL}} {
		if f.v != "" {
			if err := CheckLinkURL(f.name, f.v); err != nil {
				return err
			}
		}
	}
	return nil
}

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
	return b.saveTasks(inserts, updates)
}

// memoLimit bounds how many papers a batch remembers. Past it the memo is
// dropped and later lookups read the papers again, from the transaction that
// wrote them: a file of a million papers then needs no more memory than one
// of fifty thousand.
var memoLimit = 50_000

// bound drops what the batch remembers of papers once it holds memoLimit.
func (b *Batch) bound() {
	if len(b.seenKey) < memoLimit {
		return
	}
	b.seenArxiv, b.seenKey, b.looked = map[string]*paperState{}, map[string]*paperState{}, map[string]bool{}
	b.versions = map[int64]int{}
}

// match finds the stored (or already written) paper an input is: by arXiv id,
// else by normalised title unless that paper has a different arXiv id.
func (b *Batch) match(arxivID, key string) *paperState {
	if arxivID != "" {
		if st := b.seenArxiv[arxivID]; st != nil {
			return st
		}
	}
	st := b.seenKey[key]
	if st == nil {
		return nil
	}
	if arxivID != "" && st.ArxivID != nil && *st.ArxivID != arxivID {
		return nil
	}
	return st
}

func (b *Batch) remember(st *paperState) {
	b.seenKey[st.ContentKey] = st
	if st.ArxivID != nil {
		b.seenArxiv[*st.ArxivID] = st
	}
}

// fillMeta copies what the input tells about a paper beyond its text. For a
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

// Prefetch looks up, before anything is written, every stored paper that
// papers with these arXiv ids and titles may be. Optional: Save looks up what
// it has not seen, but a file's lookups done up front run against the table
// as it was, not against the rows the transaction is adding (PostgreSQL
// plans those without statistics, as sequential scans).
func (b *Batch) Prefetch(arxivIDs, titles []string) error {
	keys := make([]string, len(titles))
	for i, t := range titles {
		keys[i] = contentKey(strings.TrimSpace(t))
	}
	return b.lookupKeys(arxivIDs, keys)
}

// Unchanged tells whether Save would find this paper stored with the same
// title and abstract, from what Prefetch and earlier Saves loaded: a caller
// may then skip extracting its claims, which Save would not use.
func (b *Batch) Unchanged(arxivID, title, abstract string) bool {
	title = strings.TrimSpace(title)
	st := b.match(arxivID, contentKey(title))
	return st != nil && st.ID != 0 && st.AbstractHash == hashText(abstract) && extract.NormTitle(st.Title) == extract.NormTitle(title)
}

// lookup loads the stored papers any of papers may be, into the seen maps.
func (b *Batch) lookup(papers []PaperInput) error {
	ids := make([]string, 0, len(papers))
	keys := make([]string, 0, len(papers))
	for i := range papers {
		if id := papers[i].ArxivID; id != "" {
			ids = append(ids, id)
		}
		keys = append(keys, contentKey(strings.TrimSpace(papers[i].Title)))
	}
	return b.lookupKeys(ids, keys)
}

func (b *Batch) lookupKeys(arxivIDs, keys []string) error {
	var ids []string
	for _, id := range arxivIDs {
		if id != "" && !b.looked["a:"+id] && b.seenArxiv[id] == nil {
			b.looked["a:"+id] = true
			ids = append(ids, id)
		}
	}
	keys = slices.DeleteFunc(slices.Clone(keys), func(k string) bool {
		if b.looked["k:"+k] || b.seenKey[k] != nil {
			return true
		}
		b.looked["k:"+k] = true
		return false
	})
	const cols = "id, content_key, title, abstract_hash, arxiv_id, arxiv_version, source_url, code_url, project_url, authors, primary_category, published_on"
	for _, q := range []struct {
		col  string
		vals []string
	}{{"arxiv_id", ids}, {"content_key", keys}} {
		per := lookupChunk
		if b.dialect != DialectPostgres {
			per = 500 // see rowsPerInsert
		}
		for lo := 0; lo < len(q.vals); lo += per {
			part := q.vals[lo:min(lo+per, len(q.vals))]
			rows, err := b.findPapers("SELECT "+cols+" FROM papers WHERE "+q.col, part)
			if err != nil {
				return fmt.Errorf("find papers: %w", err)
			}
			for i := range rows {
				r := &rows[i]
				if (r.ArxivID != nil && b.seenArxiv[*r.ArxivID] != nil) || b.seenKey[r.ContentKey] != nil {
					continue
				}
				b.remember(r)
			}
		}
	}
	return nil
}

// findPapers runs query, completed with a match of its column against vals.
func (b *Batch) findPapers(query string, vals []string) ([]paperState, error) {
	var args []any
	if b.dialect == DialectPostgres {
		// One array parameter: a fixed statement PostgreSQL plans once.
		query += " = ANY($1)"
		args = []any{vals}
	} else {
		query += " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ") + ")"
		for _, v := range vals {
			args = append(args, v)
		}
	}
	rows, err := connPool(b.tx).QueryContext(b.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []paperState
	for rows.Next() {
		var p paperState
		var arxivID sql.NullString
		var published sql.NullTime
		if err := rows.Scan(&p.ID, &p.ContentKey, &p.Title, &p.AbstractHash, &arxivID, &p.ArxivVersion,
			&p.SourceURL, &p.CodeURL, &p.ProjectURL, &p.Authors, &p.PrimaryCategory, &published); err != nil {
			return nil, err
		}
		if arxivID.Valid {
			p.ArxivID = &arxivID.String
		}
		if published.Valid {
			p.PublishedOn = &published.Time
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
