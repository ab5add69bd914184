package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

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
	Claims      []ClaimInput
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
}

// SaveStats counts what SavePapers did.
type SaveStats struct {
	Added, Updated, Unchanged int
	Claims                    int // claims written
}

// NormalizeTitle lower-cases a title and collapses runs of anything but
// letters and digits to one space, so trivially different scrapes of one
// title identify the same paper (the gold files are joined the same way).
func NormalizeTitle(title string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

func contentKey(title string) string { return "title:" + NormalizeTitle(title) }

func hashText(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// SavePapers writes papers and their claims in one transaction: all of them or
// none. A paper already present (same arXiv id, else same normalised title)
// with the same title and abstract is left alone, so saving twice changes nothing.
func (s *Store) SavePapers(ctx context.Context, papers []PaperInput) (SaveStats, error) {
	var stats SaveStats
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		metrics, err := metricIDs(tx)
		if err != nil {
			return err
		}
		hw := map[string]int64{}
		for i := range papers {
			if err := savePaper(tx, &papers[i], metrics, hw, &stats); err != nil {
				return fmt.Errorf("paper %d (%q): %w", i+1, truncate(papers[i].Title, 60), err)
			}
		}
		return nil
	})
	if err != nil {
		return SaveStats{}, fmt.Errorf("store: save papers: %w", err)
	}
	return stats, nil
}

func savePaper(tx *gorm.DB, in *PaperInput, metrics map[string]int64, hw map[string]int64, stats *SaveStats) error {
	title := strings.TrimSpace(in.Title)
	if title == "" {
		return FieldErrorf("title", "is empty")
	}
	if strings.TrimSpace(in.Abstract) == "" {
		return FieldErrorf("abstract", "is empty")
	}
	key := contentKey(title)
	var existing Paper
	q := tx.Where("content_key = ?", key)
	if in.ArxivID != "" {
		q = tx.Where("arxiv_id = ? OR content_key = ?", in.ArxivID, key)
	}
	err := q.Order("id").Take(&existing).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		p := Paper{
			ContentKey:   key,
			Title:        title,
			Abstract:     in.Abstract,
			AbstractHash: hashText(in.Abstract),
			ArxivID:      nullString(in.ArxivID),
			SourceURL:    in.SourceURL,
			CodeURL:      in.CodeURL,
			Authors:      in.Authors,
			PublishedOn:  in.PublishedOn,
		}
		if err := tx.Create(&p).Error; err != nil {
			return fmt.Errorf("insert paper: %w", err)
		}
		n, err := insertClaims(tx, p.ID, in.Claims, metrics, hw)
		if err != nil {
			return err
		}
		stats.Added++
		stats.Claims += n
		return nil
	case err != nil:
		return fmt.Errorf("find paper: %w", err)
	}
	if existing.AbstractHash == hashText(in.Abstract) && NormalizeTitle(existing.Title) == NormalizeTitle(title) {
		stats.Unchanged++
		return nil
	}
	// A new version of the paper: update it and replace only the claims no
	// human has touched; corrected, verified or retracted claims stay.
	updates := map[string]any{
		"title": title, "abstract": in.Abstract, "abstract_hash": hashText(in.Abstract),
		"content_key": key, "updated_at": time.Now().UTC(),
	}
	if err := tx.Model(&Paper{}).Where("id = ?", existing.ID).Updates(updates).Error; err != nil {
		return fmt.Errorf("update paper %d: %w", existing.ID, err)
	}
	err = tx.Where("paper_id = ? AND status = ? AND NOT EXISTS (SELECT 1 FROM claim_revisions r WHERE r.claim_id = claims.id)",
		existing.ID, StatusExtracted).Delete(&Claim{}).Error
	if err != nil {
		return fmt.Errorf("replace claims of paper %d: %w", existing.ID, err)
	}
	n, err := insertClaims(tx, existing.ID, in.Claims, metrics, hw)
	if err != nil {
		return err
	}
	stats.Updated++
	stats.Claims += n
	return nil
}

func insertClaims(tx *gorm.DB, paperID int64, in []ClaimInput, metrics map[string]int64, hw map[string]int64) (int, error) {
	if len(in) == 0 {
		return 0, nil
	}
	rows := make([]Claim, 0, len(in))
	for i, c := range in {
		metricID, ok := metrics[c.Metric]
		if !ok {
			return 0, FieldErrorf("metric", "claim %d: unknown metric %q", i+1, c.Metric)
		}
		row := Claim{
			PaperID:          paperID,
			MetricID:         metricID,
			Value:            c.Value,
			ValueHigh:        c.ValueHigh,
			Unit:             c.Unit,
			RawText:          c.RawText,
			Qualifier:        c.Qualifier,
			Baseline:         c.Baseline,
			Subject:          c.Subject,
			Condition:        c.Condition,
			Evidence:         c.Evidence,
			EvidenceStart:    c.EvidenceStart,
			EvidenceEnd:      c.EvidenceEnd,
			Confidence:       c.Confidence,
			ExtractorVersion: c.ExtractorVersion,
			Status:           StatusExtracted,
			Version:          1,
		}
		if c.HardwareCount > 0 {
			n := c.HardwareCount
			row.HardwareCount = &n
		}
		if c.Hardware != nil {
			id, err := hardwareID(tx, *c.Hardware, hw)
			if err != nil {
				return 0, err
			}
			row.HardwareID = &id
		}
		rows = append(rows, row)
	}
	if err := tx.CreateInBatches(rows, 200).Error; err != nil {
		return 0, fmt.Errorf("insert claims: %w", err)
	}
	return len(rows), nil
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
	err := tx.Where("slug = ?", h.Slug).Take(&row).Error
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
