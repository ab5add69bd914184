package models

import (
	"context"
	"fmt"
)

// TopClaims lists the first f.PerPage claims matching f in f's order, like
// Leaderboard's first page but without counting them: the grouped views
// (a leaderboard's sections per task, the home page's grid) take their
// counts from the kept per-task counts, and papers with no task have none
// kept, whose count would read every claim of the metric.
func (s *Store) TopClaims(ctx context.Context, f LeaderboardFilter) ([]ClaimRow, error) {
	f.Page = 1
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	if f.Flag != "" {
		return nil, FieldErrorf("flag", "is not offered here")
	}
	m, err := s.GetMetric(ctx, f.Metric)
	if err != nil {
		return nil, err
	}
	if err := s.resolveFilter(ctx, m, &f); err != nil {
		return nil, err
	}
	// Ids, then their rows, as Leaderboard does: one statement joining the
	// four tables cost PostgreSQL twice the planning of both (issue 17).
	ids, err := s.pluckIDs(ctx, s.orderedIDs(ctx, m, f).Limit(max(f.PerPage, minFetch)))
	if err != nil {
		return nil, fmt.Errorf("store: top of %q: %w", f.Metric, err)
	}
	ids = ids[:min(len(ids), f.PerPage)]
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.scanClaimRows(ctx, s.claimRows(ctx).Where("c.id IN ?", ids), false, preparedPlan)
	if err != nil {
		return nil, fmt.Errorf("store: read top of %q: %w", f.Metric, err)
	}
	out := inIDOrder(ids, rows)
	if err := s.comparePeaks(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}
