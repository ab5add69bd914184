package models

import (
	"context"
	"fmt"
	"strings"
)

// FillPaperMeta fills, in one transaction, what stored papers do not yet
// say (arXiv id, version, authors, date, code link, category) from metas:
// each is matched like an ingested paper, by arXiv id, else by normalised
// title. Papers not stored are not created and a field already set is kept,
// except that a newer arXiv version replaces an older number; so running it
// twice changes nothing. It returns how many papers changed.
func (s *Store) FillPaperMeta(ctx context.Context, src Source, metas []PaperInput) (int, error) {
	n := 0
	_, err := s.Ingest(ctx, src, func(b *Batch) error {
		if err := b.lookup(metas); err != nil {
			return err
		}
		for i := range metas {
			m := metas[i]
			m.Title = strings.TrimSpace(m.Title)
			if err := checkPaperMeta(&m); err != nil {
				return &SaveError{Index: i, Err: err}
			}
			st := b.match(m.ArxivID, contentKey(m.Title))
			if st == nil || st.ID == 0 {
				continue
			}
			if !fillMeta(st, &m, false) {
				continue
			}
			b.remember(st)
			// An empty input writes the metadata only: text and claims stay.
			if err := b.updatePaper(st, &PaperInput{}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: fill paper metadata: %w", err)
	}
	return n, nil
}
