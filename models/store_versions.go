package models

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// DataVersion identifies the state of everything a leaderboard shows. It
// changes in the same transaction as any write to claims, papers, metrics or
// hardware (triggers of migration 00005), so caches keyed on it never serve
// data older than what another server process has committed.
type DataVersion struct {
	Version   int64
	ChangedAt time.Time // second resolution
}

// DataVersion returns the counter as of a read that started after the call:
// never older than any write committed before it. Concurrent callers share
// reads (see versionRounds), so the cost under load is one primary-key
// lookup per database round trip, not per request.
func (s *Store) DataVersion(ctx context.Context) (DataVersion, error) {
	if s.versions == nil { // a Store made for a transaction reads directly
		return readDataVersion(ctx, s.sqlDB)
	}
	return s.versions.get(ctx)
}

// readDataVersion reads the counter: one primary-key lookup, whatever the table sizes.
func readDataVersion(ctx context.Context, db *sql.DB) (DataVersion, error) {
	var (
		v  DataVersion
		at int64
	)
	err := db.QueryRowContext(ctx, "SELECT version, changed_at FROM data_version WHERE id = 1").Scan(&v.Version, &at)
	if err != nil {
		return DataVersion{}, fmt.Errorf("store: data version: %w", err)
	}
	v.ChangedAt = time.Unix(at, 0).UTC()
	return v, nil
}
