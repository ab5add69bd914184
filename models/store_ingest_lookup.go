package models

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/claimboard/claimboard/extract"
)

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
