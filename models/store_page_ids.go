package models

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"
)

// pluckIDs runs q, a query of claim ids (orderedIDs with its limit), and
// returns them in order.
//
// On PostgreSQL it runs as an unnamed statement, so it is planned for this
// request's values every time. pgx's default caches a named prepared
// statement per SQL text, and after five executions PostgreSQL may switch
// it to one generic plan for every value: for a year filter that plan
// guessed a range of a few rows, walked a year of the date index and
// sorted it (10 ms), where the values' own plan walks the sort's index for
// the page (0.3 ms). Column and parameter types still come from pgx's
// cache of statement descriptions, so this costs no extra round trip.
func (s *Store) pluckIDs(ctx context.Context, q *gorm.DB) ([]int64, error) {
	var ids []int64
	if s.dialect != DialectPostgres {
		err := q.Pluck("c.id", &ids).Error
		return ids, err
	}
	stmt := q.Session(&gorm.Session{DryRun: true}).Pluck("c.id", &[]int64{}).Statement
	if stmt.Error != nil {
		return nil, stmt.Error
	}
	args := append([]any{pgx.QueryExecModeCacheDescribe}, stmt.Vars...)
	// database/sql, not GORM's Raw: that reads PostgreSQL's @@ as a named
	// parameter, and would bind the mode as a value.
	rows, err := s.sqlDB.QueryContext(ctx, stmt.SQL.String(), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scan id: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// findPlanned is q.Find into a []T, planned for its values on PostgreSQL
// as pluckIDs is: for a search, a generic plan of "search_tsv @@ $1"
// cannot know the word is common and bitmap-scanned every match (0.5 s at
// 600k papers) where the word's own plan reads the first RankWindow.
func findPlanned[T any](ctx context.Context, s *Store, q *gorm.DB) ([]T, error) {
	var out []T
	if s.dialect != DialectPostgres {
		err := q.Find(&out).Error
		return out, err
	}
	stmt := q.Session(&gorm.Session{DryRun: true}).Find(&[]T{}).Statement
	if stmt.Error != nil {
		return nil, stmt.Error
	}
	rows, err := s.sqlDB.QueryContext(ctx, stmt.SQL.String(), append([]any{pgx.QueryExecModeCacheDescribe}, stmt.Vars...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v T
		if err := s.db.WithContext(ctx).ScanRows(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
