package models

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
)

// bulkBatch is how many papers go to the database at once.
const bulkBatch = 5000

// BulkLoad writes generated papers as fast as each database allows, for
// synthetic load-test data sets: PostgreSQL through COPY, SQLite through
// prepared statements in one transaction. Papers get content keys of their own
// ("bulk:<id>") and are never deduplicated; ids are assigned here so claims can
// be written beside their papers without a round trip per row.
func (s *Store) BulkLoad(ctx context.Context, next func() (PaperInput, bool), progress func(papers, claims int)) (SaveStats, error) {
	metrics, err := metricIDs(s.db.WithContext(ctx))
	if err != nil {
		return SaveStats{}, fmt.Errorf("store: bulk load: %w", err)
	}
	hw := map[string]int64{}
	tasks, err := taskIDs(s.db.WithContext(ctx))
	if err != nil {
		return SaveStats{}, fmt.Errorf("store: bulk load: %w", err)
	}
	// resolve checks metrics and finds or creates hardware rows through db
	// (the open transaction on SQLite, where a second writer would deadlock).
	resolve := func(db *gorm.DB, p *PaperInput) error {
		for i := range p.Claims {
			c := &p.Claims[i]
			if _, ok := metrics[c.Metric]; !ok {
				return FieldErrorf("metric", "unknown metric %q", c.Metric)
			}
			if c.Hardware != nil {
				if _, err := hardwareID(db, *c.Hardware, hw); err != nil {
					return err
				}
			}
		}
		for _, t := range p.Tasks {
			if _, ok := tasks[t]; !ok {
				return FieldErrorf("task", "unknown task %q", t)
			}
		}
		return nil
	}
	if s.dialect == DialectPostgres {
		return s.bulkPostgres(ctx, next, resolve, metrics, hw, tasks, progress)
	}
	return s.bulkSQLite(ctx, next, resolve, metrics, hw, tasks, progress)
}

type bulkRows struct {
	papers, claims, tasks [][]any
}

func (b *bulkRows) add(p PaperInput, paperID, claimID *int64, metrics, hw, tasks map[string]int64, now time.Time) {
	*paperID++
	var published any
	if p.PublishedOn != nil {
		published = *p.PublishedOn
	}
	b.papers = append(b.papers, []any{*paperID, fmt.Sprintf("bulk:%d", *paperID), p.Title, p.Abstract,
		hashText(p.Abstract), p.CodeURL, published, now, now})
	for _, c := range p.Claims {
		*claimID++
		var hwID, count, high any
		if c.Hardware != nil {
			hwID = hw[c.Hardware.Slug]
		}
		if c.HardwareCount > 0 {
			count = c.HardwareCount
		}
		if c.ValueHigh != nil {
			high = *c.ValueHigh
		}
		b.claims = append(b.claims, append([]any{*claimID, *paperID, metrics[c.Metric], c.Value, high, c.Unit, c.RawText,
			c.Qualifier, hwID, count, c.Baseline, c.Subject, c.Condition, c.Evidence, c.EvidenceStart, c.EvidenceEnd,
			c.Confidence, c.ExtractorVersion, StatusExtracted, 1, now, now}, keyColumnValues(c.Keys)...))
	}
	for _, t := range dedupe(p.Tasks) {
		b.tasks = append(b.tasks, []any{*paperID, tasks[t], TaskByExtractor, now})
	}
}

var (
	bulkPaperCols = []string{"id", "content_key", "title", "abstract", "abstract_hash", "code_url", "published_on", "created_at", "updated_at"}
	bulkClaimCols = []string{"id", "paper_id", "metric_id", "value", "value_high", "unit", "raw_text", "qualifier",
		"hardware_id", "hardware_count", "baseline", "subject", "condition", "evidence", "evidence_start",
		"evidence_end", "confidence", "extractor_version", "status", "version", "created_at", "updated_at",
		"precision", "batch_size", "resolution", "seq_len", "model_size", "dataset"}
	bulkTaskCols = []string{"paper_id", "task_id", "source", "created_at"}
)

func (s *Store) bulkPostgres(ctx context.Context, next func() (PaperInput, bool), resolve func(*gorm.DB, *PaperInput) error,
	metrics, hw, tasks map[string]int64, progress func(int, int)) (SaveStats, error) {
	var st SaveStats
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return st, fmt.Errorf("store: bulk load: %w", err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		// Ids are assigned here; keep other writers out until the sequences move on.
		if _, err := tx.Exec(ctx, "LOCK TABLE papers, claims IN EXCLUSIVE MODE"); err != nil {
			return err
		}
		var paperID, claimID int64
		if err := tx.QueryRow(ctx, "SELECT COALESCE(MAX(id), 0) FROM papers").Scan(&paperID); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, "SELECT COALESCE(MAX(id), 0) FROM claims").Scan(&claimID); err != nil {
			return err
		}
		flush := func(b *bulkRows) error {
			if len(b.papers) == 0 {
				return nil
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"papers"}, bulkPaperCols, pgx.CopyFromRows(b.papers)); err != nil {
				return fmt.Errorf("copy papers: %w", err)
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"claims"}, bulkClaimCols, pgx.CopyFromRows(b.claims)); err != nil {
				return fmt.Errorf("copy claims: %w", err)
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"paper_tasks"}, bulkTaskCols, pgx.CopyFromRows(b.tasks)); err != nil {
				return fmt.Errorf("copy paper tasks: %w", err)
			}
			st.Added += len(b.papers)
			st.Claims += len(b.claims)
			if progress != nil {
				progress(st.Added, st.Claims)
			}
			b.papers, b.claims, b.tasks = b.papers[:0], b.claims[:0], b.tasks[:0]
			return nil
		}
		b := &bulkRows{}
		now := time.Now().UTC()
		for p, ok := next(); ok; p, ok = next() {
			if err := resolve(s.db.WithContext(ctx), &p); err != nil {
				return err
			}
			b.add(p, &paperID, &claimID, metrics, hw, tasks, now)
			if len(b.papers) >= bulkBatch {
				if err := flush(b); err != nil {
					return err
				}
			}
		}
		if err := flush(b); err != nil {
			return err
		}
		for _, t := range []string{"papers", "claims"} {
			if _, err := tx.Exec(ctx, fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), GREATEST((SELECT MAX(id) FROM %s), 1))", t, t)); err != nil {
				return fmt.Errorf("move %s id sequence: %w", t, err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
		// VACUUM sets the visibility map, so leaderboard pages are index-only
		// scans at once instead of after autovacuum gets round to it.
		_, err = pc.Exec(ctx, "VACUUM ANALYZE papers, claims, paper_tasks")
		return err
	})
	if err != nil {
		return SaveStats{}, fmt.Errorf("store: bulk load: %w", err)
	}
	return st, nil
}

func (s *Store) bulkSQLite(ctx context.Context, next func() (PaperInput, bool), resolve func(*gorm.DB, *PaperInput) error,
	metrics, hw, tasks map[string]int64, progress func(int, int)) (SaveStats, error) {
	var st SaveStats
	err := s.db.WithContext(ctx).Transaction(func(gtx *gorm.DB) error {
		return inVersionBatch(gtx, DialectSQLite, func() error { return bulkSQLiteRows(ctx, gtx, next, resolve, metrics, hw, tasks, progress, &st) })
	})
	if err != nil {
		return SaveStats{}, fmt.Errorf("store: bulk load: %w", err)
	}
	if _, err := s.sqlDB.ExecContext(ctx, "ANALYZE"); err != nil {
		return st, fmt.Errorf("store: bulk load: analyze: %w", err)
	}
	return st, nil
}

// bulkSQLiteRows writes every paper of next in gtx, one prepared insert per row.
func bulkSQLiteRows(ctx context.Context, gtx *gorm.DB, next func() (PaperInput, bool), resolve func(*gorm.DB, *PaperInput) error,
	metrics, hw, tasks map[string]int64, progress func(int, int), st *SaveStats) error {
	tx, ok := gtx.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return fmt.Errorf("transaction is a %T, not *sql.Tx", gtx.Statement.ConnPool)
	}
	var paperID, claimID int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM papers").Scan(&paperID); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM claims").Scan(&claimID); err != nil {
		return err
	}
	insPaper, err := tx.PrepareContext(ctx, insertSQL("papers", bulkPaperCols))
	if err != nil {
		return err
	}
	insClaim, err := tx.PrepareContext(ctx, insertSQL("claims", bulkClaimCols))
	if err != nil {
		return err
	}
	insTask, err := tx.PrepareContext(ctx, insertSQL("paper_tasks", bulkTaskCols))
	if err != nil {
		return err
	}
	b := &bulkRows{}
	now := time.Now().UTC()
	write := func(stmt *sql.Stmt, rows [][]any) error {
		for _, r := range rows {
			if _, err := stmt.ExecContext(ctx, r...); err != nil {
				return err
			}
		}
		return nil
	}
	for p, ok := next(); ok; p, ok = next() {
		if err := resolve(gtx, &p); err != nil {
			return err
		}
		b.add(p, &paperID, &claimID, metrics, hw, tasks, now)
		if err := write(insPaper, b.papers); err != nil {
			return fmt.Errorf("paper %d: %w", paperID, err)
		}
		if err := write(insClaim, b.claims); err != nil {
			return fmt.Errorf("claims of paper %d: %w", paperID, err)
		}
		if err := write(insTask, b.tasks); err != nil {
			return fmt.Errorf("tasks of paper %d: %w", paperID, err)
		}
		st.Added++
		st.Claims += len(b.claims)
		b.papers, b.claims, b.tasks = b.papers[:0], b.claims[:0], b.tasks[:0]
		if progress != nil && st.Added%bulkBatch == 0 {
			progress(st.Added, st.Claims)
		}
	}
	return nil
}

func insertSQL(table string, cols []string) string {
	q := "INSERT INTO " + table + " ("
	for i, c := range cols {
		if i > 0 {
			q += ", "
		}
		q += c
	}
	q += ") VALUES ("
	for i := range cols {
		if i > 0 {
			q += ", "
		}
		q += "?"
	}
	return q + ")"
}
