package models

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// DataVersion identifies the state of what one page shows. It changes in the
// same transaction as any write that page depends on (the triggers of
// migration 00024), so caches keyed on it never serve data older than what
// another server process has committed.
type DataVersion struct {
	Version   int64
	ChangedAt time.Time // second resolution
}

// Versions is one read of every cache scope (migration 00024): "all", which
// every write moves; "base", which writes that change every leaderboard move
// (metrics, tasks, device names, hardware specs); and one per metric, which
// its claims and the papers and tasks of its claims move.
type Versions struct {
	All, Base DataVersion
	Metrics   map[string]DataVersion // by metric slug
	ByID      map[int64]DataVersion  // the same, by metric id
}

// Site is the version of pages that span metrics: it moves on every write.
func (v Versions) Site() DataVersion { return v.All }

// Metric is the version of one metric's leaderboard, its CSV, feed and API
// view: the sum of the base and the metric's counters, so it grows whenever
// either does. An unknown slug has only the base.
func (v Versions) Metric(slug string) DataVersion {
	m := v.Metrics[slug]
	out := DataVersion{Version: v.Base.Version + m.Version, ChangedAt: v.Base.ChangedAt}
	if m.ChangedAt.After(out.ChangedAt) {
		out.ChangedAt = m.ChangedAt
	}
	return out
}

// Versions returns every scope's counter as of a read that started after the
// call: never older than any write committed before it. Concurrent callers
// share reads (see versionRounds), so the cost under load is one read of a
// table of a few dozen rows per database round trip, not per request.
func (s *Store) Versions(ctx context.Context) (Versions, error) {
	if s.versions == nil { // a Store made for a transaction reads directly
		return readVersions(ctx, s.sqlDB)
	}
	return s.versions.get(ctx)
}

// DataVersion is the site-wide version: it moves on every write.
func (s *Store) DataVersion(ctx context.Context) (DataVersion, error) {
	v, err := s.Versions(ctx)
	return v.Site(), err
}

// readVersions reads every counter: one small table, whatever the data's size.
func readVersions(ctx context.Context, db *sql.DB) (Versions, error) {
	rows, err := db.QueryContext(ctx, `SELECT cv.scope, cv.version, cv.changed_at, COALESCE(m.slug, ''), COALESCE(m.id, 0)
		FROM cache_versions cv LEFT JOIN metrics m ON cv.scope = 'metric:' || m.id`)
	if err != nil {
		return Versions{}, fmt.Errorf("store: data version: %w", err)
	}
	defer rows.Close()
	out := Versions{Metrics: map[string]DataVersion{}, ByID: map[int64]DataVersion{}}
	for rows.Next() {
		var (
			scope, slug string
			v           DataVersion
			at, id      int64
		)
		if err := rows.Scan(&scope, &v.Version, &at, &slug, &id); err != nil {
			return Versions{}, fmt.Errorf("store: data version: %w", err)
		}
		v.ChangedAt = time.Unix(at, 0).UTC()
		switch {
		case scope == "all":
			out.All = v
		case scope == "base":
			out.Base = v
		case strings.HasPrefix(scope, "metric:") && slug != "":
			out.Metrics[slug] = v
			out.ByID[id] = v
		case scope == "batch":
			// Committed, it would stop every later write from moving the
			// versions (store_version_batch.go): refuse rather than serve stale pages.
			return Versions{}, fmt.Errorf("store: data version: a version batch was committed open; delete the 'batch' row of cache_versions")
		}
	}
	if err := rows.Err(); err != nil {
		return Versions{}, fmt.Errorf("store: data version: %w", err)
	}
	if out.All.Version == 0 {
		return Versions{}, fmt.Errorf("store: data version: no 'all' row in cache_versions")
	}
	return out, nil
}
