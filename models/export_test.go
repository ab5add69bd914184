package models

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// GormDB exposes the handle to the external tests of this package only.
func (s *Store) GormDB() *gorm.DB { return s.db }

// ExplainLeaderboard returns the plan (PostgreSQL's EXPLAIN, SQLite's
// EXPLAIN QUERY PLAN details) of the page-ids and capped count queries of f,
// so tests can assert the shape of a plan.
func (s *Store) ExplainLeaderboard(ctx context.Context, f LeaderboardFilter) (string, error) {
	if err := f.Normalize(); err != nil {
		return "", err
	}
	m, err := s.GetMetric(ctx, f.Metric)
	if err != nil {
		return "", err
	}
	if err := s.resolveFilter(ctx, m, &f); err != nil {
		return "", err
	}
	dry := &Store{db: s.db.Session(&gorm.Session{DryRun: true}), sqlDB: s.sqlDB, dialect: s.dialect}
	var plan []string
	for _, stmt := range []*gorm.Statement{
		dry.mustPageIDs(ctx, m, f).Limit(max(f.PerPage+1, minFetch)).Select("c.id").Find(&[]int64{}).Statement,
		dry.countedRows(ctx, m, f).Find(&[]int64{}).Statement,
	} {
		lines, err := s.explain(ctx, stmt)
		if err != nil {
			return "", err
		}
		plan = append(plan, "-- query", strings.Join(lines, "\n"))
	}
	return strings.Join(plan, "\n"), nil
}

// ExplainSearch returns the plans of /search's paper and claim queries
// for text, with claims also matched on the given devices' slugs.
func (s *Store) ExplainSearch(ctx context.Context, text string, deviceSlugs []string) (string, error) {
	t := newTextSearch(text, deviceSlugs)
	dry := &Store{db: s.db.Session(&gorm.Session{DryRun: true}), sqlDB: s.sqlDB, dialect: s.dialect}
	var plan []string
	for _, stmt := range []*gorm.Statement{
		dry.rankedPaperRows(dry.db.WithContext(ctx), t).Find(&[]Paper{}).Statement,
		dry.rankedClaimRows(dry.claimRows(ctx), t).Find(&[]ClaimRow{}).Statement,
	} {
		lines, err := s.explain(ctx, stmt)
		if err != nil {
			return "", err
		}
		plan = append(plan, "-- query", strings.Join(lines, "\n"))
	}
	return strings.Join(plan, "\n"), nil
}

// explain returns the plan of stmt: PostgreSQL's EXPLAIN lines, SQLite's
// EXPLAIN QUERY PLAN details. It runs on database/sql: GORM's Raw reads an
// "@" (PostgreSQL's @@ text match) as a named parameter and drops the rest.
func (s *Store) explain(ctx context.Context, stmt *gorm.Statement) ([]string, error) {
	prefix, col := "EXPLAIN ", 0
	if s.dialect == DialectSQLite {
		prefix, col = "EXPLAIN QUERY PLAN ", 3 // id, parent, notused, detail
	}
	rows, err := s.sqlDB.QueryContext(ctx, prefix+stmt.SQL.String(), stmt.Vars...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		lines = append(lines, fmt.Sprint(vals[col]))
	}
	return lines, rows.Err()
}

// ReadDataVersionDirect is the unshared read, the reference for the
// benchmark of shared reads.
func (s *Store) ReadDataVersionDirect(ctx context.Context) (DataVersion, error) {
	v, err := readVersions(ctx, s.sqlDB)
	return v.Site(), err
}

// ClaimFieldColumnsExcluded exposes the claims columns that are not fields.
var ClaimFieldColumnsExcluded = claimFieldColumnsExcluded

// TextCondition is the leaderboard's free-text condition for q, as built
// for s's database, for the builder's benchmark.
func (s *Store) TextCondition(q string) (string, []any) {
	return s.claimText(newTextSearch(q, s.textAliases(q)))
}

func (s *Store) mustPageIDs(ctx context.Context, m *Metric, f LeaderboardFilter) *gorm.DB {
	q, err := s.pageIDs(ctx, m, f)
	if err != nil {
		panic(err)
	}
	return q
}

// RowsBothWays reads the claim rows of ids with GORM's reflection and with
// the fixed-field scan a leaderboard page uses, for a test to compare.
func (s *Store) RowsBothWays(ctx context.Context, ids []int64) (gormRows, scanned []ClaimRow, err error) {
	q := func() *gorm.DB {
		rq := s.claimRows(ctx)
		return rq.Select(claimRowColumns(rq)+", p.abstract AS abstract").Where("c.id IN ?", ids).Order("c.id")
	}
	if err := q().Scan(&gormRows).Error; err != nil {
		return nil, nil, err
	}
	scanned, err = s.scanClaimRows(ctx, q(), true, valuesPlan)
	return gormRows, scanned, err
}
