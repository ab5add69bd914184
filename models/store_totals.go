package models

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"gorm.io/gorm"
)

// A leaderboard's total never costs a count of its matches (issue 17): a
// counter kept by triggers answers the whole metric and a lone task; any
// other view learns its total from the page query, which reads up to twice
// the page's ids, exact when that reached the last match. Past that the
// total is PostgreSQL's planner estimate ("about 12,000"), which costs a
// plan and no rows; SQLite keeps no row estimates, so there it is a bound
// ("more than 100").

// keptTotal sets *n from a trigger-kept count when f is the whole metric or
// one task, and reports whether it did.
func (s *Store) keptTotal(ctx context.Context, m *Metric, f LeaderboardFilter, n *int64) (bool, error) {
	switch {
	case f.Unfiltered():
		var err error
		if *n, err = s.metricLive(ctx, m.ID); err != nil {
			return false, fmt.Errorf("store: count leaderboard %q: %w", f.Metric, err)
		}
		return true, nil
	case f.onlyTask():
		var err error
		_, *n, err = s.taskMetricCounts(ctx, f.task.id, m.ID)
		return err == nil, err
	}
	return false, nil
}

// pageReach is how many ids the page query reads: one past the page (is
// there a next one?), or, when no counter holds the total, up to twice the
// page, so a view of fewer than two pages is counted exactly on the way.
func pageReach(f LeaderboardFilter, counted bool) int {
	if counted {
		return f.PerPage + 1
	}
	return 2*f.PerPage + 1
}

// pageTotal sets lb's total from the found ids the page query, asked for
// reach of them, read past offset.
func (s *Store) pageTotal(ctx context.Context, m *Metric, f LeaderboardFilter, offset int64, reach, found int, lb *Leaderboard) error {
	if found < reach && (found > 0 || offset == 0) {
		lb.Total = offset + int64(found) // the query reached the last match
		return nil
	}
	seen := offset + int64(found)
	if s.dialect == DialectPostgres {
		est, err := s.estimateRows(ctx, m, f)
		if err != nil {
			return err
		}
		lb.Total, lb.TotalEstimated = roundEstimate(est), true
		if lb.Total < seen {
			lb.Total = seen
		}
		return nil
	}
	if found == 0 {
		// A page past the end: count up to where it starts, which reads no
		// more index entries than the page query's skip just did.
		var n int64
		err := s.db.WithContext(ctx).Table("(?) AS t", s.countedRows(ctx, m, f).Select("1").Limit(int(offset))).Count(&n).Error
		if err != nil {
			return fmt.Errorf("store: count leaderboard %q: %w", f.Metric, err)
		}
		lb.Total = n
		return nil
	}
	lb.Total, lb.TotalCapped = seen-1, true
	return nil
}

// estimateRows is the planner's estimate of how many claims match f, read
// from EXPLAIN: planning only, no row is read.
func (s *Store) estimateRows(ctx context.Context, m *Metric, f LeaderboardFilter) (int64, error) {
	stmt := s.dryRun().countedRows(ctx, m, f).Select("1").Find(&[]int64{}).Statement
	var plan string
	// database/sql, not GORM's Raw: that reads PostgreSQL's @@ as a named
	// parameter.
	err := s.sqlDB.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) "+stmt.SQL.String(), stmt.Vars...).Scan(&plan)
	if err != nil {
		return 0, fmt.Errorf("store: estimate leaderboard %q: %w", f.Metric, err)
	}
	var out []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		}
	}
	if err := json.Unmarshal([]byte(plan), &out); err != nil || len(out) == 0 {
		return 0, fmt.Errorf("store: estimate leaderboard %q: plan %.80q: %v", f.Metric, plan, err)
	}
	return int64(out[0].Plan.Rows), nil
}

// dryRun is s building statements without running them.
func (s *Store) dryRun() *Store {
	d := &Store{db: s.db.Session(&gorm.Session{DryRun: true}), sqlDB: s.sqlDB, dialect: s.dialect}
	d.aliases.Store(s.aliases.Load())
	return d
}

// roundEstimate keeps two significant digits: an estimate is shown as one.
func roundEstimate(n int64) int64 {
	if n < 100 {
		return n
	}
	scale := math.Pow(10, math.Floor(math.Log10(float64(n)))-1)
	return int64(math.Round(float64(n)/scale) * scale)
}
