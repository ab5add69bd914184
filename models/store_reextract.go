package models

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// ClaimStats counts what replacing extracted claims did.
type ClaimStats struct {
	Added   int // fresh claims written
	Removed int // untouched extracted claims deleted
	Kept    int // claims that keep their row and id: Human plus extracted ones found again
	Human   int // claims a human has touched (corrected, verified, retracted, revised or with a suggestion)
	// Superseded counts untouched claims of an older arXiv version that the
	// new version no longer makes: kept, marked superseded, not deleted.
	Superseded int
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

// claimRow is a claim as written, with metric and hardware resolved, and
// how much humans have done with it.
type claimRow struct {
	Claim
	Revisions   int
	Corrections int // suggestions about the claim, whatever their state
	// Keys are the claim's comparability keys; Added is how a stored row's
	// are read (addedFieldsSelect).
	Keys  KeyFilter   `gorm:"-"`
	Added FieldValues `gorm:"column:added_fields"`
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

// content is the signature without the evidence's offsets: a new version
// that adds a sentence before a claim moves it without changing it.
func (c *claimRow) content() string {
	sig := strings.Split(c.signature(), "\x1f")
	return strings.Join(sig[:len(sig)-2], "\x1f")
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

// history says the claim is a record of an older version (superseded and not
// touched since): a re-extraction neither keeps it live nor deletes it, and
// its spot does not hold back a fresh claim.
func (c *claimRow) history() bool {
	return c.Status == StatusSuperseded && c.Revisions == 0 && c.Corrections == 0
}

func checkClaims(claims []ClaimInput, metrics map[string]int64) error {
	return checkPaper(&PaperInput{Title: "x", Abstract: "x", Claims: claims}, metrics)
}

// claimRows resolves the fresh claims of the papers ids into rows.
func (b *Batch) claimRows(ids []int64, fresh map[int64][]ClaimInput) ([]claimRow, error) {
	var rows []claimRow
	for _, id := range ids {
		for _, c := range fresh[id] {
			row := claimRow{Claim: Claim{
				PaperID: id, MetricID: b.metrics[c.Metric], Value: c.Value, ValueHigh: c.ValueHigh,
				Unit: c.Unit, RawText: c.RawText, Qualifier: c.Qualifier, Baseline: c.Baseline,
				Subject: c.Subject, Condition: c.Condition, Evidence: c.Evidence,
				EvidenceStart: c.EvidenceStart, EvidenceEnd: c.EvidenceEnd, Confidence: c.Confidence,
				ExtractorVersion: c.ExtractorVersion, Status: StatusExtracted, ArxivVersion: b.versions[id],
			}, Keys: c.Keys}
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
			c.evidence_start, c.evidence_end, c.confidence, c.extractor_version, c.status, c.arxiv_version,
			(SELECT COUNT(*) FROM claim_revisions r WHERE r.claim_id = c.id) AS revisions,
			(SELECT COUNT(*) FROM corrections k WHERE k.claim_id = c.id) AS corrections, `+addedFieldsSelect(b.dialect)+`
			FROM claims c WHERE c.paper_id IN ?`+lockRows, ids[lo:min(lo+saveChunk, len(ids))]).Scan(&rows).Error
		if err != nil {
			return cs, fmt.Errorf("read claims: %w", err)
		}
		for _, r := range rows {
			r.Keys = ClaimFields{Added: r.Added}.KeyValues()
			r.Keys.Devices = 0
			stored[r.PaperID] = append(stored[r.PaperID], r)
		}
	}
	if err := b.loadVersions(ids); err != nil {
		return cs, err
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
	supersede := map[int][]int64{} // by the version that supersedes them
	var pending []*claimRow
	for _, id := range ids {
		untouched := map[string][]*claimRow{}
		decided := map[string]bool{}
		for i := range stored[id] {
			c := &stored[id][i]
			if c.history() {
				continue
			}
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
				// An upgrade that reads new keys refreshes them too; a claim a
				// human touched is not here (touched), so its keys stay.
				if old := same[0]; old.ExtractorVersion != c.ExtractorVersion || old.Confidence != c.Confidence || old.Keys != c.Keys {
					// (The exact signature includes the offsets: they are the same.)
					r := *c
					r.ID = old.ID
					refresh = append(refresh, r)
				}
				continue
			}
			if sp := c.spot(); sp != "" && decided[sp] {
				continue
			}
			pending = append(pending, c)
		}
		// A claim only moved (text added before it) keeps its row too, with
		// the new offsets.
		moved := map[string][]*claimRow{}
		for _, left := range untouched {
			for _, c := range left {
				moved[c.content()] = append(moved[c.content()], c)
			}
		}
		gone := map[int64]bool{}
		for _, c := range pending {
			if same := moved[c.content()]; len(same) > 0 {
				moved[c.content()] = same[1:]
				r := *c
				r.ID = same[0].ID
				refresh = append(refresh, r)
				gone[r.ID] = true
				cs.Kept++
				continue
			}
			insert = append(insert, *c)
		}
		pending = pending[:0]
		version := b.versions[id]
		for _, left := range untouched {
			for _, c := range left {
				switch {
				case gone[c.ID]:
				case version > 0 && c.ArxivVersion < version:
					// Read from an older arXiv version, not made by this one.
					supersede[version] = append(supersede[version], c.ID)
				default:
					drop = append(drop, c.ID)
				}
			}
		}
	}
	for v, part := range supersede {
		for lo := 0; lo < len(part); lo += saveChunk {
			chunk := part[lo:min(lo+saveChunk, len(part))]
			res := b.tx.Exec(`UPDATE claims SET status = ?, superseded_in = ?, updated_at = ? WHERE id IN ? AND `+stillUntouched,
				StatusSuperseded, v, b.now, chunk, StatusExtracted)
			if res.Error != nil {
				return cs, fmt.Errorf("supersede claims: %w", res.Error)
			}
			cs.Superseded += int(res.RowsAffected)
			cs.Human += len(chunk) - int(res.RowsAffected)
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
			values[i] = "(CAST(? AS bigint), CAST(? AS text), CAST(? AS double precision), CAST(? AS integer), CAST(? AS integer)" +
				", CAST(? AS text), CAST(? AS integer), CAST(? AS text), CAST(? AS integer), CAST(? AS double precision), CAST(? AS text))"
			args = append(args, r.ID, r.ExtractorVersion, r.Confidence, r.EvidenceStart, r.EvidenceEnd)
			args = append(args, keyColumnValues(r.Keys)...)
		}
		args = append(args, b.now, StatusExtracted)
		q := `WITH v (id, ev, conf, es, ee, k1, k2, k3, k4, k5, k6) AS (VALUES ` + strings.Join(values, ", ") + `)
			UPDATE claims SET extractor_version = v.ev, confidence = v.conf,
				evidence_start = v.es, evidence_end = v.ee, precision = v.k1, batch_size = v.k2, resolution = v.k3,
				seq_len = v.k4, model_size = v.k5, dataset = v.k6, updated_at = ?
			FROM v WHERE claims.id = v.id AND ` + stillUntouched
		if err := b.tx.Exec(q, args...).Error; err != nil {
			return fmt.Errorf("refresh kept claims: %w", err)
		}
	}
	return nil
}

// loadVersions reads the arXiv version of the papers ids the batch has not
// written itself: new claims record it, and an older one marks claims to supersede.
func (b *Batch) loadVersions(ids []int64) error {
	var need []int64
	for _, id := range ids {
		if _, ok := b.versions[id]; !ok {
			need = append(need, id)
		}
	}
	for lo := 0; lo < len(need); lo += saveChunk {
		var rows []struct {
			ID           int64
			ArxivVersion int
		}
		if err := b.tx.Raw("SELECT id, arxiv_version FROM papers WHERE id IN ?", need[lo:min(lo+saveChunk, len(need))]).Scan(&rows).Error; err != nil {
			return fmt.Errorf("read paper versions: %w", err)
		}
		for _, r := range rows {
			b.versions[r.ID] = r.ArxivVersion
		}
	}
	return nil
}
