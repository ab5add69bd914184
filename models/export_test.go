package models

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// GormDB exposes the handle to the external tests of this package only.
func (s *Store) GormDB() *gorm.DB { return s.db }

// ExplainLeaderboard returns PostgreSQL's plan for the page-ids and capped
// count queries of f, so tests can assert the shape of a plan.
func (s *Store) ExplainLeaderboard(ctx context.Context, f LeaderboardFilter) (string, error) {
	if err := f.Normalize(); err != nil {
		return "", err
	}
	m, err := s.GetMetric(ctx, f.Metric)
	if err != nil {
		return "", err
	}
	dry := &Store{db: s.db.Session(&gorm.Session{DryRun: true}), sqlDB: s.sqlDB, dialect: s.dialect}
	var plan []string
	for _, stmt := range []*gorm.Statement{
		dry.orderedIDs(ctx, m, f).Limit(f.PerPage + 1).Select("c.id").Find(&[]int64{}).Statement,
		dry.countedRows(ctx, m, f).Find(&[]int64{}).Statement,
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
	return readDataVersion(ctx, s.sqlDB)
}
