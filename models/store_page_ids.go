package models

import (
	"context"
	"database/sql"
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
	rows, err := s.query(ctx, q.Session(&gorm.Session{DryRun: true}).Pluck("c.id", &[]int64{}).Statement, valuesPlan)
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
	rows, err := s.query(ctx, q.Session(&gorm.Session{DryRun: true}).Find(&[]T{}).Statement, valuesPlan)
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

// rowQuery is how a statement runs on PostgreSQL: reusing a prepared
// statement and whatever plan PostgreSQL keeps for it, or planned for this
// request's values (see pluckIDs).
type rowQuery int

const (
	preparedPlan rowQuery = iota // a lookup of ids: any plan is the right one
	valuesPlan                   // filters and a sort: the values choose the plan
)

// query runs a statement GORM built (in a DryRun session) through
// database/sql, as plan says. Not GORM's Raw: that reads PostgreSQL's @@ as
// a named parameter, and would bind the mode as a value.
func (s *Store) query(ctx context.Context, stmt *gorm.Statement, plan rowQuery) (*sql.Rows, error) {
	if stmt.Error != nil {
		return nil, stmt.Error
	}
	args := stmt.Vars
	if s.dialect == DialectPostgres && plan == valuesPlan {
		args = append([]any{pgx.QueryExecModeCacheDescribe}, args...)
	}
	return s.sqlDB.QueryContext(ctx, stmt.SQL.String(), args...)
}
