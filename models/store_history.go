package models

import (
	"context"
	"encoding/json"
	"fmt"
)

// RevisionEntry is one revision with its author and readable changes.
type RevisionEntry struct {
	ClaimRevision
	ModeratorName string
	Changes       []FieldChange
}

// ClaimHistory lists a claim's revisions, oldest first.
func (s *Store) ClaimHistory(ctx context.Context, claimID int64) ([]RevisionEntry, error) {
	var rows []struct {
		ClaimRevision
		ModeratorName string
	}
	err := s.db.WithContext(ctx).Table("claim_revisions r").
		Select("r.*, COALESCE(m.username, '') AS moderator_name").
		Joins("LEFT JOIN moderators m ON m.id = r.moderator_id").
		Where("r.claim_id = ?", claimID).Order("r.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: history of claim %d: %w", claimID, err)
	}
	out := make([]RevisionEntry, 0, len(rows))
	for _, r := range rows {
		e := RevisionEntry{ClaimRevision: r.ClaimRevision, ModeratorName: r.ModeratorName}
		var before, after map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.BeforeState), &before); err != nil {
			return nil, fmt.Errorf("store: revision %d: before: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(r.AfterState), &after); err != nil {
			return nil, fmt.Errorf("store: revision %d: after: %w", r.ID, err)
		}
		for _, f := range RevisedFields() {
			if a, ok := after[f.Name]; ok {
				e.Changes = append(e.Changes, FieldChange{Field: f.Name, Before: f.storedText(before[f.Name]), After: f.storedText(a)})
			}
		}
		out = append(out, e)
	}
	return out, nil
}
