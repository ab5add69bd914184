package models

import (
	"context"
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
	if err := s.resolveTask(ctx, m, &f); err != nil {
		return "", err
	}
	dry := &Store{db: s.db.Session(&gorm.Session{DryRun: true}), sqlDB: s.sqlDB, dialect: s.dialect}
	var plan []string
	for _, stmt := range []*gorm.Statement{
		dry.orderedIDs(ctx, m, f).Limit(max(f.PerPage+1, minFetch)).Select("c.id").Find(&[]int64{}).Statement,
		dry.countedRows(ctx, m, f).Find(&[]int64{}).Statement,
	} {
		var lines []string
		if s.dialect == DialectSQLite {
			var rows []struct{ Detail string }
			if err := s.db.WithContext(ctx).Raw("EXPLAIN QUERY PLAN "+stmt.SQL.String(), stmt.Vars...).Scan(&rows).Error; err != nil {
				return "", err
			}
			for _, r := range rows {
				lines = append(lines, r.Detail)
			}
		} else if err := s.db.WithContext(ctx).Raw("EXPLAIN "+stmt.SQL.String(), stmt.Vars...).Scan(&lines).Error; err != nil {
			return "", err
		}
		plan = append(plan, "-- query", strings.Join(lines, "\n"))
	}
	return strings.Join(plan, "\n"), nil
}

// ExplainSearch returns the plans of /search's abstract and claim queries
// for text, with claims also matched on the given devices.
func (s *Store) ExplainSearch(ctx context.Context, text string, hardwareIDs []int64) (string, error) {
	like := "%" + escapeLike(strings.ToLower(text)) + "%"
	dry := s.db.Session(&gorm.Session{DryRun: true}).WithContext(ctx)
	var plan []string
	for _, stmt := range []*gorm.Statement{
		s.abstractMatches(dry, like).Limit(SearchLimit).Find(&[]Paper{}).Statement,
		s.searchClaims((&Store{db: dry, sqlDB: s.sqlDB, dialect: s.dialect}).claimRows(ctx), like, hardwareIDs).Find(&[]ClaimRow{}).Statement,
	} {
		var lines []string
		if err := s.db.WithContext(ctx).Raw("EXPLAIN "+stmt.SQL.String(), stmt.Vars...).Scan(&lines).Error; err != nil {
			return "", err
		}
		plan = append(plan, lines...)
	}
	return strings.Join(plan, "\n"), nil
}

// ReadDataVersionDirect is the unshared read, the reference for the
// benchmark of shared reads.
func (s *Store) ReadDataVersionDirect(ctx context.Context) (DataVersion, error) {
	v, err := readVersions(ctx, s.sqlDB)
	return v.Site(), err
}

// ClaimFieldColumnsExcluded exposes the claims columns that are not fields.
var ClaimFieldColumnsExcluded = claimFieldColumnsExcluded
