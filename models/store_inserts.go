package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Multi-row inserts of ingestion and re-extraction: one statement per chunk
// of rows, the fastest way each database takes them.

// bulkColumn is one column of a multi-row insert with its PostgreSQL type,
// which unnest needs for the column's array.
type bulkColumn struct{ name, pgType string }

// rowsPerInsert is how many rows one multi-row insert takes: on PostgreSQL
// (one array per column) a whole chunk; on SQLite few, because the driver
// binds parameters in time quadratic in their number (30,000 parameters a
// statement made 100,000 papers take six minutes).
func rowsPerInsert(dialect string, cols int) int {
	if dialect == DialectPostgres {
		return 60000 / cols
	}
	return 500 / cols
}

// paperColumns are what insertPapers writes of a new paper, in its argument order.
var paperColumns = []bulkColumn{
	{"content_key", "text"},
	{"title", "text"},
	{"abstract", "text"},
	{"abstract_hash", "text"},
	{"arxiv_id", "text"},
	{"arxiv_version", "int4"},
	{"source_url", "text"},
	{"code_url", "text"},
	{"project_url", "text"},
	{"authors", "text"},
	{"primary_category", "text"},
	{"published_on", "date"},
	{"method", "text"},
	{"source_name", "text"},
	{"source_file", "text"},
	{"ingested_at", "timestamptz"},
	{"created_at", "timestamptz"},
	{"updated_at", "timestamptz"},
}

// insertPapers writes new papers in multi-row inserts and learns their ids.
func (b *Batch) insertPapers(ps []*pending) error {
	per := rowsPerInsert(b.dialect, len(paperColumns))
	for lo := 0; lo < len(ps); lo += per {
		part := ps[lo:min(lo+per, len(ps))]
		args := make([]any, 0, len(part)*len(paperColumns))
		for _, p := range part {
			st := p.state
			args = append(args, st.ContentKey, st.Title, p.in.Abstract, st.AbstractHash, strOrNil(st.ArxivID),
				st.ArxivVersion, st.SourceURL, st.CodeURL, st.ProjectURL, st.Authors, st.PrimaryCategory,
				timeOrNil(st.PublishedOn), p.in.Method, b.src.Name, b.src.File, b.now, b.now, b.now)
		}
		q, args := insertStatement(b.dialect, "papers", paperColumns, len(part), args)
		q += " RETURNING id, content_key"
		rows, err := connPool(b.tx).QueryContext(b.ctx, q, args...)
		if err != nil {
			return fmt.Errorf("insert papers: %w", err)
		}
		ids := make(map[string]int64, len(part))
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return fmt.Errorf("insert papers: %w", err)
			}
			ids[key] = id
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("insert papers: %w", err)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("insert papers: %w", err)
		}
		for _, p := range part {
			if p.state.ID = ids[p.state.ContentKey]; p.state.ID == 0 {
				return fmt.Errorf("insert papers: no id returned for %q", p.state.ContentKey)
			}
		}
	}
	return nil
}

// updatePaper writes a new version of a paper, or only the metadata a second
// source added when in has no abstract.
func (b *Batch) updatePaper(st *paperState, in *PaperInput) error {
	u := map[string]any{
		"arxiv_id": st.ArxivID, "arxiv_version": st.ArxivVersion, "source_url": st.SourceURL,
		"code_url": st.CodeURL, "project_url": st.ProjectURL, "authors": st.Authors,
		"primary_category": st.PrimaryCategory, "published_on": st.PublishedOn, "updated_at": b.now,
	}
	if in.Abstract != "" {
		u["title"], u["abstract"], u["abstract_hash"], u["content_key"] = st.Title, in.Abstract, st.AbstractHash, st.ContentKey
		u["source_name"], u["source_file"], u["ingested_at"] = b.src.Name, b.src.File, b.now
	}
	if err := b.tx.Table("papers").Where("id = ?", st.ID).Updates(u).Error; err != nil {
		return fmt.Errorf("update paper %d: %w", st.ID, err)
	}
	return nil
}

// insertStatement returns one statement inserting n rows whose values args
// holds row by row: on PostgreSQL an INSERT ... SELECT FROM unnest of one
// array per column (a fixed text and a handful of parameters, several times
// faster than a VALUES list), on SQLite a multi-row VALUES list.
func insertStatement(dialect, table string, cols []bulkColumn, n int, args []any) (string, []any) {
	var sb strings.Builder
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	sb.WriteString("INSERT INTO " + table + " (" + strings.Join(names, ", ") + ") ")
	if dialect == DialectPostgres {
		arrays := make([]any, len(cols))
		for c := range cols {
			col := make([]any, n)
			for r := 0; r < n; r++ {
				col[r] = args[r*len(cols)+c]
			}
			arrays[c] = col
		}
		sb.WriteString("SELECT * FROM unnest(")
		for i, c := range cols {
			if i > 0 {
				sb.WriteString(", ")
			}
			fmt.Fprintf(&sb, "$%d::%s[]", i+1, c.pgType)
		}
		sb.WriteString(")")
		return sb.String(), arrays
	}
	sb.WriteString("VALUES ")
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	for r := 0; r < n; r++ {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(row)
	}
	return sb.String(), args
}

// connPool is the transaction's database/sql handle: bulk statements go to it
// directly, skipping GORM's per-row reflection.
func connPool(tx *gorm.DB) gorm.ConnPool { return tx.Statement.ConnPool }

func strOrNil(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func timeOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

// extractedClaimColumns are what insertClaimRows writes of an extracted claim, in its argument order.
var extractedClaimColumns = []bulkColumn{
	{"paper_id", "int8"},
	{"metric_id", "int8"},
	{"value", "float8"},
	{"value_high", "float8"},
	{"unit", "text"},
	{"raw_text", "text"},
	{"qualifier", "text"},
	{"hardware_id", "int8"},
	{"hardware_count", "int4"},
	{"baseline", "text"},
	{"subject", "text"},
	{"condition", "text"},
	{"evidence", "text"},
	{"evidence_start", "int4"},
	{"evidence_end", "int4"},
	{"confidence", "float8"},
	{"extractor_version", "text"},
	{"status", "text"},
	{"version", "int4"},
	{"created_at", "timestamptz"},
	{"updated_at", "timestamptz"},
	{"arxiv_version", "int4"},
	// the comparability keys, in keyColumnValues' order
	{"precision", "text"},
	{"batch_size", "int4"},
	{"resolution", "text"},
	{"seq_len", "int4"},
	{"model_size", "float8"},
	{"dataset", "text"},
}

// insertClaimRows writes claims in multi-row inserts.
func insertClaimRows(ctx context.Context, tx *gorm.DB, dialect string, rows []claimRow, now time.Time) error {
	per := rowsPerInsert(dialect, len(extractedClaimColumns))
	for lo := 0; lo < len(rows); lo += per {
		part := rows[lo:min(lo+per, len(rows))]
		args := make([]any, 0, len(part)*len(extractedClaimColumns))
		for i := range part {
			c := &part[i]
			var high, hw, count any
			if c.ValueHigh != nil {
				high = *c.ValueHigh
			}
			if c.HardwareID != nil {
				hw = *c.HardwareID
			}
			if c.HardwareCount != nil {
				count = *c.HardwareCount
			}
			args = append(args, c.PaperID, c.MetricID, c.Value, high, c.Unit, c.RawText, c.Qualifier, hw, count,
				c.Baseline, c.Subject, c.Condition, c.Evidence, c.EvidenceStart, c.EvidenceEnd, c.Confidence,
				c.ExtractorVersion, StatusExtracted, 1, now, now, c.ArxivVersion)
			args = append(args, keyColumnValues(c.Keys)...)
		}
		q, args := insertStatement(dialect, "claims", extractedClaimColumns, len(part), args)
		if _, err := connPool(tx).ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("insert claims: %w", err)
		}
	}
	return nil
}
