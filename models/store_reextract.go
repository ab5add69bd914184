package models

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ClaimStats counts what replacing extracted claims did.
type ClaimStats struct {
	Added   int // fresh claims written
	Removed int // untouched extracted claims deleted
	Kept    int // claims that keep their row and id: Human plus extracted ones found again
	Human   int // claims a human has touched (corrected, verified, retracted, revised or with a suggestion)
}

// PaperText is what re-extraction reads of a paper.
type PaperText struct {
	ID       int64
	Title    string
	Abstract string
}

// PaperTexts returns up to limit papers with an id above after, in id order,
// so a caller can walk every paper in pages that stay valid while it writes.
func (s *Store) PaperTexts(ctx context.Context, after int64, limit int) ([]PaperText, error) {
	var out []PaperText
	err := s.db.WithContext(ctx).Table("papers").Select("id, title, abstract").
		Where("id > ?", after).Order("id").Limit(limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: list papers after %d: %w", after, err)
	}
	return out, nil
}

// ReplaceClaims gives each paper in fresh the claims of a new extraction, in
// one transaction. Claims a human has touched are kept exactly as they are and
// suppress a fresh claim taken from the same words; untouched extracted claims
// found again keep their row and id (pages and suggestions link to it), with
// the new extractor's version and confidence; the others are deleted and the
// new ones inserted.
func (s *Store) ReplaceClaims(ctx context.Context, fresh map[int64][]ClaimInput) (ClaimStats, error) {
	var cs ClaimStats
	ids := make([]int64, 0, len(fresh))
	for id := range fresh {
		ids = append(ids, id)
	}
	_, err := s.Ingest(ctx, Source{}, func(b *Batch) error {
		for id, claims := range fresh {
			if err := checkClaims(claims, b.metrics); err != nil {
				return fmt.Errorf("paper %d: %w", id, err)
			}
		}
		var err error
		cs, err = b.replaceClaims(ids, fresh)
		return err
	})
	if err != nil {
		return ClaimStats{}, fmt.Errorf("store: replace claims: %w", err)
	}
	return cs, nil
}

// claimRow is a claim as written, with metric and hardware resolved.
type claimRow struct {
	ID               int64
	PaperID          int64
	MetricID         int64
	Value            float64
	ValueHigh        *float64
	Unit             string
	RawText          string
	Qualifier        string
	HardwareID       *int64
	HardwareCount    *int
	Baseline         string
	Subject          string
	Condition        string
	Evidence         string
	EvidenceStart    int
	EvidenceEnd      int
	Confidence       float64
	ExtractorVersion string
	Status           string
	Revisions        int
	Corrections      int // suggestions about the claim, whatever their state
}

// signature identifies what an extraction said, so one found again by the
// next run keeps its row (and its id, which pages link to). Which extractor
// said it, and how sure it was, are not part of it: an extractor upgrade that
// reads the same claim must not churn every id.
func (c *claimRow) signature() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	high, hw, count := "-", "-", "-"
	if c.ValueHigh != nil {
		high = f(*c.ValueHigh)
	}
	if c.HardwareID != nil {
		hw = strconv.FormatInt(*c.HardwareID, 10)
	}
	if c.HardwareCount != nil {
		count = strconv.Itoa(*c.HardwareCount)
	}
	return strings.Join([]string{strconv.FormatInt(c.MetricID, 10), f(c.Value), high, c.Unit, c.RawText,
		c.Qualifier, hw, count, c.Baseline, c.Subject, c.Condition, c.Evidence, strconv.Itoa(c.EvidenceStart),
		strconv.Itoa(c.EvidenceEnd)}, "\x1f")
}

// spot is where in the abstract a claim was read: the number as written
// within its evidence. A human decision about a spot stands against any later
// extraction of it, so a retracted claim does not come back as a new one.
// Evidence alone may hold several numbers: without its raw text a claim has
// no spot ("").
func (c *claimRow) spot() string {
	if c.RawText == "" {
		return ""
	}
	return c.RawText + "\x1f" + c.Evidence
}

// touched says a human has acted on the claim. A suggestion counts, decided
// or not: deleting the claim would cascade to it and erase it from the public
// record of corrections.
func (c *claimRow) touched() bool {
	return c.Status != StatusExtracted || c.Revisions > 0 || c.Corrections > 0
}

func checkClaims(claims []ClaimInput, metrics map[string]int64) error {
	return checkPaper(&PaperInput{Title: "x", Abstract: "x", Claims: claims}, metrics)
}

// claimRows resolves the fresh claims of the papers ids into rows.
func (b *Batch) claimRows(ids []int64, fresh map[int64][]ClaimInput) ([]claimRow, error) {
	var rows []claimRow
	for _, id := range ids {
		for _, c := range fresh[id] {
			row := claimRow{
				PaperID: id, MetricID: b.metrics[c.Metric], Value: c.Value, ValueHigh: c.ValueHigh,
				Unit: c.Unit, RawText: c.RawText, Qualifier: c.Qualifier, Baseline: c.Baseline,
				Subject: c.Subject, Condition: c.Condition, Evidence: c.Evidence,
				EvidenceStart: c.EvidenceStart, EvidenceEnd: c.EvidenceEnd, Confidence: c.Confidence,
				ExtractorVersion: c.ExtractorVersion, Status: StatusExtracted,
			}
			if c.HardwareCount > 0 {
				n := c.HardwareCount
				row.HardwareCount = &n
			}
			if c.Hardware != nil {
				hid, err := hardwareID(b.tx, *c.Hardware, b.hw)
				if err != nil {
					return nil, err
				}
				row.HardwareID = &hid
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

var claimCols = []string{"paper_id", "metric_id", "value", "value_high", "unit", "raw_text", "qualifier",
	"hardware_id", "hardware_count", "baseline", "subject", "condition", "evidence", "evidence_start",
	"evidence_end", "confidence", "extractor_version", "status", "version", "created_at", "updated_at"}

// claimTypes are the PostgreSQL types of claimCols, for unnest.
var claimTypes = []string{"int8", "int8", "float8", "float8", "text", "text", "text", "int8", "int4", "text", "text",
	"text", "text", "int4", "int4", "float8", "text", "text", "int4", "timestamptz", "timestamptz"}

// insertClaimRows writes claims in multi-row inserts.
func insertClaimRows(ctx context.Context, tx *gorm.DB, dialect string, rows []claimRow, now time.Time) error {
	per := rowsPerInsert(dialect, len(claimCols))
	for lo := 0; lo < len(rows); lo += per {
		part := rows[lo:min(lo+per, len(rows))]
		args := make([]any, 0, len(part)*len(claimCols))
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
				c.ExtractorVersion, StatusExtracted, 1, now, now)
		}
		q, args := insertStatement(dialect, "claims", claimCols, claimTypes, len(part), args)
		if _, err := connPool(tx).ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("insert claims: %w", err)
		}
	}
	return nil
}

// replaceClaims gives the papers ids their fresh claims, keeping every claim a
// human has touched: see ReplaceClaims.
func (b *Batch) replaceClaims(ids []int64, fresh map[int64][]ClaimInput) (ClaimStats, error) {
	var cs ClaimStats
	// On PostgreSQL the claims read are locked until commit: a suggestion or
	// revision arriving meanwhile waits, then fails on a claim that is gone,
	// instead of committing beside the delete and being erased by its
	// cascade. (SQLite has one writer; the transaction already excludes it.)
	lockRows := ""
	if b.dialect == DialectPostgres {
		lockRows = " FOR UPDATE OF c"
	}
	stored := map[int64][]claimRow{}
	for lo := 0; lo < len(ids); lo += saveChunk {
		var rows []claimRow
		err := b.tx.Raw(`SELECT c.id, c.paper_id, c.metric_id, c.value, c.value_high, c.unit, c.raw_text,
			c.qualifier, c.hardware_id, c.hardware_count, c.baseline, c.subject, c.condition, c.evidence,
			c.evidence_start, c.evidence_end, c.confidence, c.extractor_version, c.status,
			(SELECT COUNT(*) FROM claim_revisions r WHERE r.claim_id = c.id) AS revisions,
			(SELECT COUNT(*) FROM corrections k WHERE k.claim_id = c.id) AS corrections
			FROM claims c WHERE c.paper_id IN ?`+lockRows, ids[lo:min(lo+saveChunk, len(ids))]).Scan(&rows).Error
		if err != nil {
			return cs, fmt.Errorf("read claims: %w", err)
		}
		for _, r := range rows {
			stored[r.PaperID] = append(stored[r.PaperID], r)
		}
	}
	rows, err := b.claimRows(ids, fresh)
	if err != nil {
		return cs, err
	}
	byPaper := map[int64][]claimRow{}
	for _, r := range rows {
		byPaper[r.PaperID] = append(byPaper[r.PaperID], r)
	}
	var insert, refresh []claimRow
	var drop []int64
	for _, id := range ids {
		untouched := map[string][]*claimRow{}
		decided := map[string]bool{}
		for i := range stored[id] {
			c := &stored[id][i]
			if c.touched() {
				if sp := c.spot(); sp != "" {
					decided[sp] = true
				}
				cs.Human++
				continue
			}
			untouched[c.signature()] = append(untouched[c.signature()], c)
		}
		for i := range byPaper[id] {
			c := &byPaper[id][i]
			sig := c.signature()
			if same := untouched[sig]; len(same) > 0 {
				untouched[sig] = same[1:]
				cs.Kept++
				if old := same[0]; old.ExtractorVersion != c.ExtractorVersion || old.Confidence != c.Confidence {
					r := *c
					r.ID = old.ID
					refresh = append(refresh, r)
				}
				continue
			}
			if sp := c.spot(); sp != "" && decided[sp] {
				continue
			}
			insert = append(insert, *c)
		}
		for _, left := range untouched {
			for _, c := range left {
				drop = append(drop, c.ID)
			}
		}
	}
	for lo := 0; lo < len(drop); lo += saveChunk {
		part := drop[lo:min(lo+saveChunk, len(drop))]
		// The guard is repeated in the statement: a moderator who touched a
		// claim since it was read above still wins.
		res := b.tx.Exec(`DELETE FROM claims WHERE id IN ? AND `+stillUntouched, part, StatusExtracted)
		if res.Error != nil {
			return cs, fmt.Errorf("delete replaced claims: %w", res.Error)
		}
		cs.Removed += int(res.RowsAffected)
		cs.Human += len(part) - int(res.RowsAffected)
	}
	if err := b.refreshClaims(refresh); err != nil {
		return cs, err
	}
	if err := insertClaimRows(b.ctx, b.tx, b.dialect, insert, b.now); err != nil {
		return cs, err
	}
	cs.Added = len(insert)
	cs.Kept += cs.Human
	return cs, nil
}

// stillUntouched repeats touched() in SQL over claims, with the status as its
// one parameter: a moderator who acted on a claim after it was read still wins.
const stillUntouched = `claims.status = ?
	AND NOT EXISTS (SELECT 1 FROM claim_revisions r WHERE r.claim_id = claims.id)
	AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.claim_id = claims.id)`

// refreshClaims writes the new extractor version and confidence of claims
// found again, a thousand per statement: after an extractor upgrade that is
// every claim in the database. Same guard as the delete: only a claim still
// untouched is refreshed.
func (b *Batch) refreshClaims(rows []claimRow) error {
	const per = 1000
	for lo := 0; lo < len(rows); lo += per {
		part := rows[lo:min(lo+per, len(rows))]
		values := make([]string, len(part))
		args := make([]any, 0, 3*len(part)+2)
		for i, r := range part {
			values[i] = "(CAST(? AS bigint), CAST(? AS text), CAST(? AS double precision))"
			args = append(args, r.ID, r.ExtractorVersion, r.Confidence)
		}
		args = append(args, b.now, StatusExtracted)
		q := `WITH v (id, ev, conf) AS (VALUES ` + strings.Join(values, ", ") + `)
			UPDATE claims SET extractor_version = v.ev, confidence = v.conf, updated_at = ?
			FROM v WHERE claims.id = v.id AND ` + stillUntouched
		if err := b.tx.Exec(q, args...).Error; err != nil {
			return fmt.Errorf("refresh kept claims: %w", err)
		}
	}
	return nil
}
