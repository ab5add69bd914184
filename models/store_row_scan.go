package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// A leaderboard page scans its rows into fixed fields through database/sql:
// GORM's reflection over ClaimRow's thirty columns was a quarter of an
// uncached page's server time (issue 17). scanClaimRows reads what
// claimRowColumns selects, in its order; TestRowScanMatchesGORM holds the
// two to the same rows.

// scanClaimRows runs q, a query of claimRowColumns (and, with abstract,
// p.abstract after them), and scans its rows in order.
func (s *Store) scanClaimRows(ctx context.Context, q *gorm.DB, abstract bool, plan rowQuery) ([]ClaimRow, error) {
	rows, err := s.query(ctx, q.Session(&gorm.Session{DryRun: true}).Find(&[]ClaimRow{}).Statement, plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out []ClaimRow
		r   ClaimRow
		pub any
	)
	dest := claimRowDest(&r, &pub)
	if abstract {
		dest = append(dest, &r.Abstract)
	}
	for rows.Next() {
		r = ClaimRow{}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("scan claim row: %w", err)
		}
		if r.PaperPublishedOn, err = scannedDate(pub); err != nil {
			return nil, fmt.Errorf("scan claim row %d: %w", r.ID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// claimRowDest lists pointers into r in claimRowColumns' order; the paper's
// date goes to pub, which SQLite gives as text.
func claimRowDest(r *ClaimRow, pub *any) []any {
	dest := []any{&r.ID, &r.PaperID, &r.PaperTitle, &r.PaperMethod, pub,
		&r.MetricName, &r.RawText, &r.HardwareSlug, &r.EvidenceStart, &r.EvidenceEnd,
		&r.ArxivVersion, &r.SupersededIn, &r.PaperTitleLC}
	for _, f := range ClaimFieldTable {
		if !f.Added {
			dest = append(dest, f.ScanDest(&r.ClaimFields))
		}
	}
	return append(dest, &r.Added)
}

// scannedDate is a paper's date as either database gives it: a time from
// PostgreSQL, text (or a time) from SQLite, nil when the paper has none.
func scannedDate(v any) (*time.Time, error) {
	switch d := v.(type) {
	case nil:
		return nil, nil
	case time.Time:
		return &d, nil
	case []byte:
		return scannedDate(string(d))
	case string:
		t, err := time.Parse("2006-01-02", clipDate(d))
		if err != nil {
			return nil, fmt.Errorf("paper date %q: %w", d, err)
		}
		return &t, nil
	}
	return nil, fmt.Errorf("paper date: cannot scan %T", v)
}

// inIDOrder is rows in the order of ids (an IN list's rows come in any
// order); an id whose claim went away in between is skipped.
func inIDOrder(ids []int64, rows []ClaimRow) []ClaimRow {
	byID := make(map[int64]int, len(rows))
	for i, r := range rows {
		byID[r.ID] = i
	}
	out := make([]ClaimRow, 0, len(ids))
	for _, id := range ids {
		if i, ok := byID[id]; ok {
			out = append(out, rows[i])
		}
	}
	return out
}
