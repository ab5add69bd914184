package models

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// CorrectionItem is a suggestion with what a reviewer needs beside it.
type CorrectionItem struct {
	Correction
	PaperTitle     string
	Proposed       ClaimFields  // the claim as the suggestion would leave it now
	ProposedFields []string     // the fields the suggestion sets, in ClaimFieldTable order
	Current        *ClaimFields // the claim now; nil for a missing claim not yet accepted
	ClaimVersion   int
	ModeratorName  string
	// NewDevice is the hardware a pending suggestion proposes when it
	// matches no known device: accepting it needs Decision.NewDevice.
	NewDevice string
	// RevertedAt is when a moderator reverted the change this accepted
	// suggestion made (the first such revert); nil if it stands.
	RevertedAt *time.Time
}

// PendingCorrections lists the oldest page of suggestions awaiting a
// decision, each with its claim's current values and version for
// optimistic locking.
func (s *Store) PendingCorrections(ctx context.Context) ([]CorrectionItem, error) {
	items, _, err := s.PendingQueue(ctx, QueueFilter{})
	return items, err
}

// QueuePerPage is how many pending suggestions one page of the queue shows.
const QueuePerPage = pendingQueueLimit

// QueueFilter narrows the moderation queue to one claim or one submitting
// address (its keyed hash), so a flood from one address neither hides the
// suggestions of others nor needs deciding one page at a time.
type QueueFilter struct {
	ClaimID         int64  // 0: any claim
	SubmitterIPHash string // "": any address
	Page            int    // 1-based; 0 means 1
}

// PendingQueue lists one page of pending suggestions matching f, oldest
// first, and how many match in all.
func (s *Store) PendingQueue(ctx context.Context, f QueueFilter) ([]CorrectionItem, int64, error) {
	if f.Page < 1 {
		f.Page = 1
	}
	where, args := "c.status = ?", []any{CorrectionPending}
	if f.ClaimID != 0 {
		where, args = where+" AND c.claim_id = ?", append(args, f.ClaimID)
	}
	if f.SubmitterIPHash != "" {
		where, args = where+" AND c.submitter_ip_hash = ?", append(args, f.SubmitterIPHash)
	}
	var total int64
	if err := s.db.WithContext(ctx).Table("corrections c").Where(where, args...).Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("store: count pending corrections: %w", err)
	}
	items, err := s.correctionItems(ctx, where, args, "c.created_at, c.id", QueuePerPage, (f.Page-1)*QueuePerPage)
	return items, total, err
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
	// The claims of the whole page in one query, not one per suggestion.
	var ids []int64
	for _, r := range rows {
		if r.ClaimID != nil {
			ids = append(ids, *r.ClaimID)
		}
	}
	claims := map[int64]*ClaimDetail{}
	if len(ids) > 0 {
		var ds []ClaimDetail
		if err := claimDetails(s.db.WithContext(ctx)).Where("c.id IN ?", ids).Scan(&ds).Error; err != nil {
			return nil, fmt.Errorf("store: claims of corrections: %w", err)
		}
		for i := range ds {
			claims[ds[i].ID] = &ds[i]
		}
	}
	out := make([]CorrectionItem, 0, len(rows))
	for _, r := range rows {
		it := CorrectionItem{Correction: r.Correction, PaperTitle: r.PaperTitle, ModeratorName: r.ModeratorName}
		if r.ClaimID != nil {
			d := claims[*r.ClaimID]
			if d == nil {
				return nil, Errorf(ENotFound, "claim %d not found", *r.ClaimID)
			}
			cur := fieldsOf(d)
			it.Current, it.ClaimVersion = &cur, d.Version
			if r.Kind == KindChange {
				it.Proposed = cur
			}
		}
		names, err := decodeJSON(r.Proposed, &it.Proposed)
		if err != nil {
			return nil, fmt.Errorf("store: correction %d: proposed: %w", r.ID, err)
		}
		it.ProposedFields = names
		out = append(out, it)
	}
	if err := s.markNewDevices(ctx, out); err != nil {
		return nil, err
	}
	return out, s.markReverts(ctx, out)
}

// markNewDevices sets NewDevice on the pending suggestions whose proposed
// hardware matches no stored or gazetteer device.
func (s *Store) markNewDevices(ctx context.Context, items []CorrectionItem) error {
	var stored []Hardware
	loaded := false
	for i := range items {
		it := &items[i]
		if it.Status != CorrectionPending || it.Proposed.HardwareName == "" ||
			it.Kind != KindMissing && !slices.Contains(it.ProposedFields, "hardware") {
			continue
		}
		if !loaded {
			var err error
			if stored, err = storedDevices(s.db.WithContext(ctx)); err != nil {
				return err
			}
			loaded = true
		}
		if _, ok := resolveDevice(stored, it.Proposed.HardwareName); !ok {
			it.NewDevice = it.Proposed.HardwareName
		}
	}
	return nil
}

// markReverts sets RevertedAt on the accepted suggestions whose revision a
// later revision reverted, in one query for the page.
func (s *Store) markReverts(ctx context.Context, items []CorrectionItem) error {
	var ids []int64
	for _, it := range items {
		if it.Status == CorrectionAccepted {
			ids = append(ids, it.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var rows []struct {
		CorrectionID int64
		RevertedAt   time.Time
	}
	err := s.db.WithContext(ctx).Table("claim_revisions r").
		Select("r.correction_id, v.created_at AS reverted_at").
		Joins("JOIN claim_revisions v ON v.revert_of = r.id").
		Where("r.correction_id IN ?", ids).Order("v.created_at DESC, v.id DESC").Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("store: reverts of corrections: %w", err)
	}
	at := map[int64]time.Time{}
	for _, r := range rows { // newest first, so the first revert is written last
		at[r.CorrectionID] = r.RevertedAt
	}
	for i := range items {
		if t, ok := at[items[i].ID]; ok {
			items[i].RevertedAt = &t
		}
	}
	return nil
}
