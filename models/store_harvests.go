package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Harvest is the checkpoint of one arXiv query: the offset of the next entry
// to fetch, as of the last page committed.
type Harvest struct {
	Query     string `gorm:"primaryKey"`
	NextStart int
	Total     int // totalResults the API last reported
	Entries   int // entries written so far, over every run
	// LastRequestAt is when the last request for the query was sent.
	LastRequestAt *time.Time
	StartedAt     time.Time
	UpdatedAt     time.Time
}

// GetHarvest returns the checkpoint of a query, or a zero one (NextStart 0)
// when it was never harvested.
func (s *Store) GetHarvest(ctx context.Context, query string) (Harvest, error) {
	var h Harvest
	err := s.db.WithContext(ctx).Where("query = ?", query).Take(&h).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Harvest{Query: query}, nil
	}
	if err != nil {
		return Harvest{}, fmt.Errorf("store: read harvest checkpoint: %w", err)
	}
	return h, nil
}

// SaveHarvest writes a query's checkpoint in the batch's transaction, so the
// page's papers and the offset after them commit together or not at all.
func (b *Batch) SaveHarvest(h Harvest) error { return saveHarvest(b.tx, h, b.now) }

// SaveHarvest writes a query's checkpoint on its own, for a page with no
// papers to write.
func (s *Store) SaveHarvest(ctx context.Context, h Harvest) error {
	return saveHarvest(s.db.WithContext(ctx), h, time.Now().UTC())
}

func saveHarvest(db *gorm.DB, h Harvest, now time.Time) error {
	h.UpdatedAt = now
	if h.StartedAt.IsZero() {
		h.StartedAt = now
	}
	err := db.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "query"}},
		DoUpdates: clause.AssignmentColumns([]string{"next_start", "total", "entries", "updated_at"}),
	}).Create(&h).Error
	if err != nil {
		return fmt.Errorf("store: save harvest checkpoint: %w", err)
	}
	return nil
}

// MarkHarvestRequest records, before a request goes out, a time no earlier
// than it will: a run that starts next (after a kill, say) waits its interval
// from it.
func (s *Store) MarkHarvestRequest(ctx context.Context, query string, at time.Time) error {
	h := Harvest{Query: query, LastRequestAt: &at, StartedAt: at, UpdatedAt: at}
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "query"}},
		DoUpdates: clause.AssignmentColumns([]string{"last_request_at"}),
	}).Create(&h).Error
	if err != nil {
		return fmt.Errorf("store: mark harvest request: %w", err)
	}
	return nil
}

// SyncStatus is what the background sync of one source last did.
type SyncStatus struct {
	Source       string `gorm:"primaryKey"`
	LastStarted  *time.Time
	LastFinished *time.Time
	PapersAdded  int
	ClaimsAdded  int
	NextRun      *time.Time
	LastError    string
	LastErrorAt  *time.Time
	Runs         int
}

// TableName keeps the table's name as in the migration.
func (SyncStatus) TableName() string { return "sync_status" }

// SyncStatuses returns every source's sync status, by source.
func (s *Store) SyncStatuses(ctx context.Context) ([]SyncStatus, error) {
	var out []SyncStatus
	if err := s.db.WithContext(ctx).Order("source").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("store: read sync status: %w", err)
	}
	return out, nil
}

// SaveSyncStatus writes a source's whole sync status.
func (s *Store) SaveSyncStatus(ctx context.Context, st SyncStatus) error {
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&st).Error
	if err != nil {
		return fmt.Errorf("store: save sync status: %w", err)
	}
	return nil
}
