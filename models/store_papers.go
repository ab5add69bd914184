package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/claimboard/claimboard/extract"
	"gorm.io/gorm"
)

// PaperInput is a paper as a source delivers it, with the claims extracted from it.
type PaperInput struct {
	Title       string
	Abstract    string
	ArxivID     string
	SourceURL   string
	CodeURL     string
	Authors     string
	PublishedOn *time.Time
	// ArxivVersion is the version of an arXiv abstract (2 for 2401.01234v2), 0 if unknown.
	ArxivVersion    int
	PrimaryCategory string
	ProjectURL      string
	Claims          []ClaimInput
	// Tasks are the extractor's task slugs for the paper (migration 00019).
	Tasks []string
	// Method is the method the paper names, by extract.MethodName ('' if none).
	Method string
}

// ClaimInput is an extracted claim ready to store; Metric is a vocabulary slug.
type ClaimInput struct {
	Metric           string
	Value            float64
	ValueHigh        *float64
	Unit             string
	RawText          string
	Qualifier        string
	Hardware         *Hardware // nil when the claim names no device
	HardwareCount    int
	Baseline         string
	Subject          string
	Condition        string
	Evidence         string
	EvidenceStart    int
	EvidenceEnd      int
	Confidence       float64
	ExtractorVersion string
	// Keys are the comparability keys read with the claim; its device count
	// is HardwareCount, so Keys.Devices is not stored.
	Keys KeyFilter
}

// SaveStats counts what SavePapers or an ingest Batch did.
type SaveStats struct {
	Added, Updated, Unchanged int
	Claims                    int // claims written
	ClaimsRemoved             int // extracted claims of updated papers replaced
	ClaimsKept                int // claims of updated papers kept (human-touched or found again)
	ClaimsSuperseded          int // claims of an older arXiv version the new one no longer makes
}

// NormalizeTitle lower-cases a title and collapses runs of anything but
// letters and digits to one space: extract.NormTitle, the one normaliser,
// under the name the store's callers know.
func NormalizeTitle(title string) string { return extract.NormTitle(title) }

// contentKey identifies a paper without an arXiv id by its title, normalised
// as the gold files are joined, so trivially different scrapes of one title
// are one paper.
func contentKey(title string) string { return "title:" + extract.NormTitle(title) }

func hashText(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// SavePapers writes papers and their claims in one transaction: all of them or
// none. A paper already present (same arXiv id, else same normalised title)
// with the same title and abstract is left alone, so saving twice changes nothing.
func (s *Store) SavePapers(ctx context.Context, papers []PaperInput) (SaveStats, error) {
	st, err := s.Ingest(ctx, Source{}, func(b *Batch) error { return b.Save(papers) })
	if err != nil {
		var se *SaveError
		if errors.As(err, &se) && se.Index < len(papers) {
			return SaveStats{}, fmt.Errorf("store: save papers: paper %d (%q): %w", se.Index+1, truncate(papers[se.Index].Title, 60), se.Err)
		}
		return SaveStats{}, fmt.Errorf("store: save papers: %w", err)
	}
	return st, nil
}

// hardwareID finds or creates a hardware row by slug, caching within one save.
func hardwareID(tx *gorm.DB, h Hardware, cache map[string]int64) (int64, error) {
	if h.Slug == "" || h.Name == "" {
		return 0, FieldErrorf("hardware", "device %q has no slug", h.Name)
	}
	if id, ok := cache[h.Slug]; ok {
		return id, nil
	}
	var row Hardware
	// Name is unique too: a device known under another slug is that device.
	err := tx.Where("slug = ? OR name = ?", h.Slug, h.Name).Order("id").Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		row = Hardware{Slug: h.Slug, Name: h.Name, Vendor: h.Vendor, Family: h.Family}
		err = tx.Create(&row).Error
	}
	if err != nil {
		return 0, fmt.Errorf("hardware %q: %w", h.Slug, err)
	}
	cache[h.Slug] = row.ID
	return row.ID, nil
}

func metricIDs(tx *gorm.DB) (map[string]int64, error) {
	var ms []Metric
	if err := tx.Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("load metrics: %w", err)
	}
	out := make(map[string]int64, len(ms))
	for _, m := range ms {
		out[m.Slug] = m.ID
	}
	return out, nil
}

// CountPapers returns how many papers are stored.
func (s *Store) CountPapers(ctx context.Context) (int64, error) {
	// paper_count is kept by triggers: one row read instead of a table count.
	var n int64
	if err := s.db.WithContext(ctx).Table("paper_count").Select("total").Where("id = 1").Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("store: count papers: %w", err)
	}
	return n, nil
}

// GetPaper returns one paper, or an ENotFound error.
func (s *Store) GetPaper(ctx context.Context, id int64) (*Paper, error) {
	var p Paper
	err := s.db.WithContext(ctx).Take(&p, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "paper %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: get paper %d: %w", id, err)
	}
	return &p, nil
}

func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// FindPaper returns the stored paper an input with this arXiv id (without
// version; may be empty) and title is, by the rule ingestion identifies papers by, or ENotFound.
func (s *Store) FindPaper(ctx context.Context, arxivID, title string) (*Paper, error) {
	var p Paper
	db := s.db.WithContext(ctx)
	err := gorm.ErrRecordNotFound
	if arxivID != "" {
		err = db.Where("arxiv_id = ?", arxivID).Take(&p).Error
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		err = db.Where("content_key = ?", contentKey(strings.TrimSpace(title))).Take(&p).Error
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "no paper %q", truncate(title, 60))
	}
	if err != nil {
		return nil, fmt.Errorf("store: find paper: %w", err)
	}
	return &p, nil
}

// AbstractsOf returns the abstracts of the given papers by id, for showing
// each claim's evidence in its clause. One primary-key read for a page.
func (s *Store) AbstractsOf(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ID       int64
		Abstract string
	}
	if err := s.db.WithContext(ctx).Table("papers").Select("id, abstract").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: abstracts of %d papers: %w", len(ids), err)
	}
	for _, r := range rows {
		out[r.ID] = r.Abstract
	}
	return out, nil
}
