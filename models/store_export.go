package models

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ExportRow is one claim as the CSV and JSON Lines exports write it: what a
// reader needs to cite the paper, and the claim's fields, whose exported
// ones (ExportedFields) are the columns after paper_url.
type ExportRow struct {
	ID         int64
	PaperID    int64
	PaperTitle string
	ArxivID    string // "" when the paper has none
	SourceURL  string
	ClaimFields
	// After the claim's fields and claim_url, what a reader needs to
	// check the number against its source.
	RawText      string // the value as written in the abstract
	CodeURL      string
	Published    string // the paper's publication date, YYYY-MM-DD, or ""
	ArxivVersion int    // the paper's newest arXiv version, 0 when unknown
	// HardwareSlug and Peak: the claim against its device's peak (peak.go),
	// nil when there is nothing to compare with.
	HardwareSlug string
	Peak         *PeakComparison
}

// exportColumns replaces only the projection of LeaderboardQuery: the joins,
// conditions and order stay those of the page, so the export cannot drift from it.
var exportColumns = func() string {
	cols := []string{"c.id", "c.paper_id", "p.title", "COALESCE(p.arxiv_id, '')", "p.source_url"}
	for _, f := range ExportedFields() {
		cols = append(cols, f.Select)
	}
	cols = append(cols, "c.raw_text", "p.code_url", "p.published_on", "p.arxiv_version", "COALESCE(h.slug, '')")
	return strings.Join(cols, ", ")
}()

// ExportLeaderboard calls fn with every claim matching f, in f's order and
// without paging, one row at a time straight from the database cursor so
// memory stays constant however many rows match. It reads through the export
// pool (store_export_pool.go), never the connections pages and forms need. fn gets the same *ExportRow
// each time and must not keep it. A non-nil error from fn stops the export.
func (s *Store) ExportLeaderboard(ctx context.Context, f LeaderboardFilter, fn func(*ExportRow) error) error {
	if err := f.Normalize(); err != nil {
		return err
	}
	m, err := s.GetMetric(ctx, f.Metric)
	if err != nil {
		return err
	}
	if err := s.resolveTask(ctx, m, &f); err != nil {
		return err
	}
	es, done, err := s.exporter(ctx)
	if err != nil {
		return err
	}
	defer done()
	return es.exportMetric(ctx, m, f, fn)
}

// ExportAll streams the live claims of every metric (or only of metricSlug
// when it is not empty), each metric in vocabulary order and within it in its
// leaderboard's default order: the dump is the site's leaderboards, one after
// another.
//
// On PostgreSQL the whole dump reads one snapshot (a read-only REPEATABLE READ
// transaction), so a claim moved between metrics meanwhile is neither listed
// twice nor lost. SQLite reads each metric's snapshot in turn: a transaction
// there would be BEGIN IMMEDIATE (see sqliteDSN) and block every writer for
// the length of the download.
func (s *Store) ExportAll(ctx context.Context, metricSlug string, fn func(*ExportRow) error) error {
	if metricSlug != "" {
		return s.ExportLeaderboard(ctx, LeaderboardFilter{Metric: metricSlug}, fn)
	}
	es, done, err := s.exporter(ctx)
	if err != nil {
		return err
	}
	defer done()
	if s.dialect != DialectPostgres {
		return es.exportAll(ctx, fn)
	}
	return es.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return (&Store{db: tx, sqlDB: es.sqlDB, dialect: es.dialect}).exportAll(ctx, fn)
	}, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
}

func (s *Store) exportAll(ctx context.Context, fn func(*ExportRow) error) error {
	var metrics []Metric
	if err := s.db.WithContext(ctx).Order("position, id").Find(&metrics).Error; err != nil {
		return fmt.Errorf("store: export: list metrics: %w", err)
	}
	for i := range metrics {
		f := LeaderboardFilter{Metric: metrics[i].Slug}
		if err := f.Normalize(); err != nil {
			return fmt.Errorf("store: export %q: %w", metrics[i].Slug, err)
		}
		if err := s.exportMetric(ctx, &metrics[i], f, fn); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) exportMetric(ctx context.Context, m *Metric, f LeaderboardFilter, fn func(*ExportRow) error) error {
	// Scanning into fixed fields through database/sql, not GORM's reflection,
	// keeps a million-row export close to the database's own COPY speed.
	q, err := s.flaggedQuery(ctx, s.LeaderboardQuery(ctx, m, f), m, f)
	if err != nil {
		return err
	}
	specs := map[string][]HardwareSpec{}
	if peakMetrics[m.Slug] {
		all, err := s.HardwareSpecs(ctx)
		if err != nil {
			return err
		}
		for _, sp := range all {
			specs[sp.HardwareSlug] = append(specs[sp.HardwareSlug], sp)
		}
	}
	rows, err := q.Select(exportColumns).Rows()
	if err != nil {
		return fmt.Errorf("store: export %q: %w", m.Slug, err)
	}
	defer rows.Close()
	var (
		r   ExportRow
		pub any
	)
	dest := []any{&r.ID, &r.PaperID, &r.PaperTitle, &r.ArxivID, &r.SourceURL}
	for _, f := range ExportedFields() {
		dest = append(dest, f.ScanDest(&r.ClaimFields))
	}
	dest = append(dest, &r.RawText, &r.CodeURL, &pub, &r.ArxivVersion, &r.HardwareSlug)
	for rows.Next() {
		// Optional fields scan through pointers, which NULL sets to nil.
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("store: export %q: scan: %w", m.Slug, err)
		}
		r.Published = dateText(pub)
		r.Peak = nil
		if sp := specs[r.HardwareSlug]; len(sp) > 0 {
			r.Peak = ComparePeak(m.Slug, r.Value, r.HardwareCount, peakText(&r.ClaimFields, r.RawText), sp)
		}
		if f.Flag != "" && (r.Peak == nil || !r.Peak.Above) {
			continue
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: export %q: %w", m.Slug, err)
	}
	return nil
}

// FeedEntry is a claim with the times an Atom feed needs.
type FeedEntry struct {
	ClaimRow
	CreatedAt time.Time
	UpdatedAt time.Time
}

// NewestClaims lists the most recently added live claims that match f, newest
// first: one metric's (f.Metric) or, with f.Metric empty, every metric's. f's
// filters apply as on the leaderboard; its sort and paging do not. Ids grow
// with insertion, so the primary key orders them without another index.
func (s *Store) NewestClaims(ctx context.Context, f LeaderboardFilter, limit int) ([]FeedEntry, error) {
	f.Sort, f.Order, f.Page, f.PerPage = "", "", 1, 0
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	if f.Flag != "" {
		return nil, FieldErrorf("flag", "is not offered on feeds: a feed lists new claims whatever their flags")
	}
	q := s.claimRows(ctx).Select(claimRowColumns(s.db) + ", c.created_at, c.updated_at")
	if f.Metric != "" {
		m, err := s.GetMetric(ctx, f.Metric)
		if err != nil {
			return nil, err
		}
		q = s.filtered(q, m, f)
	} else {
		q = s.conditions(q.Where(liveClaim), f)
	}
	var out []FeedEntry
	if err := q.Order("c.id DESC").Limit(limit).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("store: newest claims of %q: %w", f.Metric, err)
	}
	return out, nil
}

// dateText formats a DATE column as YYYY-MM-DD: PostgreSQL's driver gives a
// time, SQLite's the stored text.
func dateText(v any) string {
	switch d := v.(type) {
	case time.Time:
		return d.UTC().Format("2006-01-02")
	case string:
		return clipDate(d)
	case []byte:
		return clipDate(string(d))
	}
	return ""
}

func clipDate(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}
