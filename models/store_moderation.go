package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// Decision is a moderator's verdict on a suggestion. ClaimVersion is the
// claim version the moderator reviewed; a different version is a conflict.
type Decision struct {
	CorrectionID int64
	ModeratorID  int64
	ClaimVersion int
	Note         string
	// NewDevice confirms that a hardware name matching no known device is
	// a new device; without it such an accept fails and changes nothing.
	NewDevice bool
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
			if _, err := decodeJSON(c.Proposed, &proposed); err != nil {
				return fmt.Errorf("correction %d: proposed: %w", c.ID, err)
			}
			proposed.Status = StatusVerified
			if err := canonicalDevice(tx, &proposed.HardwareName, d.NewDevice); err != nil {
				return err
			}
			id, err := insertHumanClaim(tx, c.PaperID, proposed, now)
			if err != nil {
				return err
			}
			c.ClaimID = &id
			before, after := diffFields(RevisedFields(), ClaimFields{}, proposed)
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
			if _, err := decodeJSON(c.Proposed, &target); err != nil {
				return fmt.Errorf("correction %d: proposed: %w", c.ID, err)
			}
			target.Status = StatusCorrected
			if c.Kind == KindNotAClaim {
				target.Status = StatusRetracted
			}
			if err := canonicalDevice(tx, &target.HardwareName, d.NewDevice); err != nil {
				return err
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
		// The fields the revision changed go back to their values before it.
		target := fieldsOf(cur)
		restored, err := decodeJSON(old.BeforeState, &target)
		if err != nil {
			return fmt.Errorf("revision %d: before: %w", old.ID, err)
		}
		if len(restored) == 0 {
			target.Status = StatusRetracted // the revision created the claim
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

// claimForUpdate loads a claim inside a transaction, through the same query
// as GetClaim, and checks it is still at the version the moderator reviewed
// (0 skips the check, for scripts).
func claimForUpdate(tx *gorm.DB, id int64, version int) (*ClaimDetail, error) {
	d, err := getClaim(tx, id)
	if err != nil {
		return nil, err
	}
	if version != 0 && d.Version != version {
		return nil, staleClaim(id)
	}
	return d, nil
}

func staleClaim(id int64) error {
	return Errorf(EConflict, "Claim %d was changed by another moderator after you loaded this page; nothing was changed. Reload to see the current values and decide again.", id)
}

// applyFields writes target over the claim cur, bumping its version only if
// it is still cur's version, and records the change as a revision.
func applyFields(tx *gorm.DB, cur *ClaimDetail, target ClaimFields, correctionID *int64, moderatorID int64, revertOf *int64, note string, now time.Time) (*ClaimRevision, error) {
	before, after := diffFields(RevisedFields(), fieldsOf(cur), target)
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

// insertHumanClaim adds a claim a moderator accepted as missing: its columns
// come from the field table like an edit's, and a human's confidence is 1.
func insertHumanClaim(tx *gorm.DB, paperID int64, f ClaimFields, now time.Time) (int64, error) {
	var p Paper
	if err := tx.Take(&p, paperID).Error; err != nil {
		return 0, fmt.Errorf("load paper %d: %w", paperID, err)
	}
	cols, err := claimColumns(tx, f, p.Abstract)
	if err != nil {
		return 0, err
	}
	cols["paper_id"], cols["confidence"], cols["version"], cols["created_at"], cols["updated_at"] = paperID, 1.0, 1, now, now
	names := slices.Sorted(maps.Keys(cols))
	vals := make([]any, len(names))
	for i, n := range names {
		vals[i] = cols[n]
	}
	// The column names are the table's constants, never input; RETURNING
	// (PostgreSQL, SQLite 3.35+) gives the id that GORM does not return
	// for an insert from a map.
	var id int64
	q := `INSERT INTO claims ("` + strings.Join(names, `", "`) + `") VALUES (?` + strings.Repeat(", ?", len(names)-1) + `) RETURNING id`
	if err := tx.Raw(q, vals...).Scan(&id).Error; err != nil {
		return 0, fmt.Errorf("insert claim: %w", err)
	}
	return id, nil
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
