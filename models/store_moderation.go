package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// CorrectionItem is a suggestion with what a reviewer needs beside it.
type CorrectionItem struct {
	Correction
	PaperTitle     string
	Proposed       ClaimFields  // the claim as the suggestion would leave it now
	ProposedFields []string     // the fields the suggestion sets, in FieldNames order
	Current        *ClaimFields // the claim now; nil for a missing claim not yet accepted
	ClaimVersion   int
	ModeratorName  string
}

// PendingCorrections lists suggestions awaiting a decision, oldest first,
// each with its claim's current values and version for optimistic locking.
func (s *Store) PendingCorrections(ctx context.Context) ([]CorrectionItem, error) {
	return s.correctionItems(ctx, "c.status = ?", []any{CorrectionPending}, "c.created_at, c.id", pendingQueueLimit, 0)
}

// DecidedCorrections lists decided suggestions, newest decision first.
func (s *Store) DecidedCorrections(ctx context.Context, page, perPage int) ([]CorrectionItem, int64, error) {
	var total int64
	if err := s.db.WithContext(ctx).Model(&Correction{}).Where("status <> ?", CorrectionPending).Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("store: count decided corrections: %w", err)
	}
	items, err := s.correctionItems(ctx, "c.status <> ?", []any{CorrectionPending}, "c.decided_at DESC, c.id DESC", perPage, (page-1)*perPage)
	return items, total, err
}

// GetCorrection returns one suggestion with its context, or ENotFound.
func (s *Store) GetCorrection(ctx context.Context, id int64) (*CorrectionItem, error) {
	items, err := s.correctionItems(ctx, "c.id = ?", []any{id}, "c.id", 1, 0)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, Errorf(ENotFound, "suggestion %d not found", id)
	}
	return &items[0], nil
}

func (s *Store) correctionItems(ctx context.Context, where string, args []any, order string, limit, offset int) ([]CorrectionItem, error) {
	var rows []struct {
		Correction
		PaperTitle    string
		ModeratorName string
	}
	err := s.db.WithContext(ctx).Table("corrections c").
		Select("c.*, p.title AS paper_title, COALESCE(m.username, '') AS moderator_name").
		Joins("JOIN papers p ON p.id = c.paper_id").
		Joins("LEFT JOIN moderators m ON m.id = c.moderator_id").
		Where(where, args...).Order(order).Limit(limit).Offset(offset).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: list corrections: %w", err)
	}
	out := make([]CorrectionItem, 0, len(rows))
	for _, r := range rows {
		it := CorrectionItem{Correction: r.Correction, PaperTitle: r.PaperTitle, ModeratorName: r.ModeratorName}
		if r.ClaimID != nil {
			d, err := s.GetClaim(ctx, *r.ClaimID)
			if err != nil {
				return nil, err
			}
			cur := fieldsOf(d)
			it.Current, it.ClaimVersion = &cur, d.Version
			if r.Kind == KindChange {
				it.Proposed = cur
			}
		}
		var patch map[string]json.RawMessage
		err := json.Unmarshal([]byte(r.Proposed), &patch)
		if err == nil {
			err = json.Unmarshal([]byte(r.Proposed), &it.Proposed)
		}
		if err != nil {
			return nil, fmt.Errorf("store: correction %d: proposed: %w", r.ID, err)
		}
		for _, name := range FieldNames {
			if _, ok := patch[name]; ok {
				it.ProposedFields = append(it.ProposedFields, name)
			}
		}
		out = append(out, it)
	}
	return out, nil
}

// Decision is a moderator's verdict on a suggestion. ClaimVersion is the
// claim version the moderator reviewed; a different version is a conflict.
type Decision struct {
	CorrectionID int64
	ModeratorID  int64
	ClaimVersion int
	Note         string
}

// AcceptCorrection applies a suggestion in one transaction: the claim changes
// (corrected, retracted, or a new verified claim), a revision records the
// before and after of every changed field, and the suggestion is decided.
func (s *Store) AcceptCorrection(ctx context.Context, d Decision) (*ClaimRevision, error) {
	note, err := checkNote(d.Note)
	if err != nil {
		return nil, err
	}
	var rev *ClaimRevision
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := pendingCorrection(tx, d.CorrectionID)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		if c.Kind == KindMissing {
			var proposed ClaimFields
			if err := json.Unmarshal([]byte(c.Proposed), &proposed); err != nil {
				return fmt.Errorf("correction %d: proposed: %w", c.ID, err)
			}
			proposed.Status = StatusVerified
			id, err := insertHumanClaim(tx, c.PaperID, proposed, now)
			if err != nil {
				return err
			}
			c.ClaimID = &id
			before, after := diffFields(ClaimFields{}, proposed)
			before = map[string]json.RawMessage{} // the claim did not exist
			rev, err = addRevision(tx, id, &c.ID, d.ModeratorID, nil, before, after, note, now)
			if err != nil {
				return err
			}
		} else {
			cur, err := claimForUpdate(tx, *c.ClaimID, d.ClaimVersion)
			if err != nil {
				return err
			}
			// The stored fields apply over the claim as it is now.
			target := fieldsOf(cur)
			if err := json.Unmarshal([]byte(c.Proposed), &target); err != nil {
				return fmt.Errorf("correction %d: proposed: %w", c.ID, err)
			}
			target.Status = StatusCorrected
			if c.Kind == KindNotAClaim {
				target.Status = StatusRetracted
			}
			rev, err = applyFields(tx, cur, target, &c.ID, d.ModeratorID, nil, note, now)
			if err != nil {
				return err
			}
		}
		return decide(tx, c, CorrectionAccepted, d.ModeratorID, note, now)
	})
	if err != nil {
		return nil, fmt.Errorf("store: accept correction %d: %w", d.CorrectionID, err)
	}
	return rev, nil
}

// RejectCorrection marks a suggestion rejected with the moderator's note; the
// claim is untouched.
func (s *Store) RejectCorrection(ctx context.Context, d Decision) error {
	note, err := checkNote(d.Note)
	if err != nil {
		return err
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := pendingCorrection(tx, d.CorrectionID)
		if err != nil {
			return err
		}
		return decide(tx, c, CorrectionRejected, d.ModeratorID, note, time.Now().UTC())
	})
	if err != nil {
		return fmt.Errorf("store: reject correction %d: %w", d.CorrectionID, err)
	}
	return nil
}

// VerifyClaim marks a claim verified directly, recorded as a revision.
func (s *Store) VerifyClaim(ctx context.Context, claimID, moderatorID int64, version int, note string) (*ClaimRevision, error) {
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	var rev *ClaimRevision
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		cur, err := claimForUpdate(tx, claimID, version)
		if err != nil {
			return err
		}
		if cur.Status == StatusVerified {
			return Errorf(EConflict, "Claim %d is already verified.", claimID)
		}
		target := fieldsOf(cur)
		target.Status = StatusVerified
		rev, err = applyFields(tx, cur, target, nil, moderatorID, nil, note, time.Now().UTC())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: verify claim %d: %w", claimID, err)
	}
	return rev, nil
}

// RevertRevision restores the fields a revision changed to their values before
// it, as a new revision; the old one stays on the record. Reverting the
// creation of a claim retracts it.
func (s *Store) RevertRevision(ctx context.Context, revisionID, moderatorID int64, version int, note string) (*ClaimRevision, error) {
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	var rev *ClaimRevision
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var old ClaimRevision
		err := tx.Take(&old, revisionID).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return Errorf(ENotFound, "revision %d not found", revisionID)
		}
		if err != nil {
			return fmt.Errorf("load revision %d: %w", revisionID, err)
		}
		cur, err := claimForUpdate(tx, old.ClaimID, version)
		if err != nil {
			return err
		}
		var before map[string]json.RawMessage
		if err := json.Unmarshal([]byte(old.BeforeState), &before); err != nil {
			return fmt.Errorf("revision %d: before: %w", old.ID, err)
		}
		target := fieldsOf(cur)
		if len(before) == 0 {
			target.Status = StatusRetracted
		} else {
			m := target.asMap()
			for k, v := range before {
				m[k] = v
			}
			b, _ := json.Marshal(m)
			target = ClaimFields{}
			if err := json.Unmarshal(b, &target); err != nil {
				return fmt.Errorf("revision %d: restore: %w", old.ID, err)
			}
		}
		if note == "" {
			note = fmt.Sprintf("Reverts revision %d.", old.ID)
		}
		rev, err = applyFields(tx, cur, target, nil, moderatorID, &old.ID, note, time.Now().UTC())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: revert revision %d: %w", revisionID, err)
	}
	return rev, nil
}

func checkNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > MaxNoteLen {
		return "", FieldErrorf("note", "must be at most %d characters", MaxNoteLen)
	}
	return note, nil
}

func pendingCorrection(tx *gorm.DB, id int64) (*Correction, error) {
	var c Correction
	err := tx.Take(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "suggestion %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load correction %d: %w", id, err)
	}
	if c.Status != CorrectionPending {
		return nil, Errorf(EConflict, "Suggestion %d was already %s by another moderator; nothing was changed.", id, c.Status)
	}
	return &c, nil
}

// decide marks a pending suggestion decided; the status guard makes a second,
// concurrent decision fail instead of overwriting the first.
func decide(tx *gorm.DB, c *Correction, status string, moderatorID int64, note string, now time.Time) error {
	res := tx.Model(&Correction{}).Where("id = ? AND status = ?", c.ID, CorrectionPending).Updates(map[string]any{
		"status": status, "moderator_id": moderatorID, "decision_note": note, "decided_at": now, "claim_id": c.ClaimID,
	})
	if res.Error != nil {
		return fmt.Errorf("decide correction %d: %w", c.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return Errorf(EConflict, "Suggestion %d was decided by another moderator meanwhile; nothing was changed.", c.ID)
	}
	return nil
}

// claimForUpdate loads a claim inside a transaction and checks it is still at
// the version the moderator reviewed (0 skips the check, for scripts).
func claimForUpdate(tx *gorm.DB, id int64, version int) (*ClaimDetail, error) {
	var d ClaimDetail
	err := tx.Table("claims c").
		Select(claimRowColumns+", c.extractor_version, c.version, c.created_at, c.updated_at, p.abstract AS paper_abstract").
		Joins("JOIN papers p ON p.id = c.paper_id").
		Joins("JOIN metrics m ON m.id = c.metric_id").
		Joins("LEFT JOIN hardware h ON h.id = c.hardware_id").
		Where("c.id = ?", id).Take(&d).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "claim %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load claim %d: %w", id, err)
	}
	if version != 0 && d.Version != version {
		return nil, staleClaim(id)
	}
	return &d, nil
}

func staleClaim(id int64) error {
	return Errorf(EConflict, "Claim %d was changed by another moderator after you loaded this page; nothing was changed. Reload to see the current values and decide again.", id)
}

// applyFields writes target over the claim cur, bumping its version only if
// it is still cur's version, and records the change as a revision.
func applyFields(tx *gorm.DB, cur *ClaimDetail, target ClaimFields, correctionID *int64, moderatorID int64, revertOf *int64, note string, now time.Time) (*ClaimRevision, error) {
	before, after := diffFields(fieldsOf(cur), target)
	if len(after) == 0 {
		return nil, Errorf(EConflict, "Claim %d already has these values; nothing to change.", cur.ID)
	}
	cols, err := claimColumns(tx, target, cur.PaperAbstract)
	if err != nil {
		return nil, err
	}
	cols["version"] = cur.Version + 1
	cols["updated_at"] = now
	res := tx.Model(&Claim{}).Where("id = ? AND version = ?", cur.ID, cur.Version).Updates(cols)
	if res.Error != nil {
		return nil, fmt.Errorf("update claim %d: %w", cur.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, staleClaim(cur.ID)
	}
	return addRevision(tx, cur.ID, correctionID, moderatorID, revertOf, before, after, note, now)
}

// claimColumns turns schema fields into claims columns: the metric slug and
// hardware name become ids, the evidence its offsets in the abstract.
func claimColumns(tx *gorm.DB, f ClaimFields, abstract string) (map[string]any, error) {
	var m Metric
	if err := tx.Where("slug = ?", f.Metric).Take(&m).Error; err != nil {
		return nil, FieldErrorf("metric", "unknown metric %q", f.Metric)
	}
	start := strings.Index(abstract, f.Evidence)
	if start < 0 || f.Evidence == "" {
		return nil, FieldErrorf("evidence", "is no longer in the paper's abstract")
	}
	cols := map[string]any{
		"metric_id": m.ID, "value": f.Value, "value_high": f.ValueHigh, "unit": f.Unit, "qualifier": f.Qualifier,
		"hardware_count": f.HardwareCount, "baseline": f.Baseline, "subject": f.Subject, "condition": f.Condition,
		"evidence": f.Evidence, "evidence_start": start, "evidence_end": start + len(f.Evidence), "status": f.Status,
	}
	var hw *int64
	if f.Hardware != "" {
		id, err := hardwareByName(tx, f.Hardware)
		if err != nil {
			return nil, err
		}
		hw = &id
	}
	cols["hardware_id"] = hw
	return cols, nil
}

func insertHumanClaim(tx *gorm.DB, paperID int64, f ClaimFields, now time.Time) (int64, error) {
	var p Paper
	if err := tx.Take(&p, paperID).Error; err != nil {
		return 0, fmt.Errorf("load paper %d: %w", paperID, err)
	}
	cols, err := claimColumns(tx, f, p.Abstract)
	if err != nil {
		return 0, err
	}
	c := Claim{PaperID: paperID, MetricID: cols["metric_id"].(int64), Value: f.Value, ValueHigh: f.ValueHigh,
		Unit: f.Unit, Qualifier: f.Qualifier, HardwareID: cols["hardware_id"].(*int64), HardwareCount: f.HardwareCount,
		Baseline: f.Baseline, Subject: f.Subject, Condition: f.Condition, Evidence: f.Evidence,
		EvidenceStart: cols["evidence_start"].(int), EvidenceEnd: cols["evidence_end"].(int), Confidence: 1,
		Status: f.Status, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(&c).Error; err != nil {
		return 0, fmt.Errorf("insert claim: %w", err)
	}
	return c.ID, nil
}

func addRevision(tx *gorm.DB, claimID int64, correctionID *int64, moderatorID int64, revertOf *int64, before, after map[string]json.RawMessage, note string, now time.Time) (*ClaimRevision, error) {
	b, _ := json.Marshal(before)
	a, _ := json.Marshal(after)
	rev := ClaimRevision{ClaimID: claimID, CorrectionID: correctionID, BeforeState: string(b), AfterState: string(a),
		Note: note, CreatedAt: now, RevertOf: revertOf}
	if moderatorID != 0 {
		rev.ModeratorID = &moderatorID
	}
	if err := tx.Create(&rev).Error; err != nil {
		return nil, fmt.Errorf("record revision of claim %d: %w", claimID, err)
	}
	return &rev, nil
}
