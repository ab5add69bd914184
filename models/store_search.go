package models

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// SearchLimit caps each kind of search result; search is for finding, not export.
const SearchLimit = 50

// AbstractScanLimit bounds how many papers' abstracts a search reads: there
// is no text index on abstracts, and scanning all of them took seconds at
// 600k papers. A search reads the abstracts of the newest this many papers
// and says so when there are more.
const AbstractScanLimit = 20_000

// SearchQuery is what /search looks for.
type SearchQuery struct {
	Text string
	// HardwareSlugs are devices the caller resolved from Text through the
	// gazetteer's aliases ("rtx3090", "ga100"); devices whose name or slug
	// contains Text are found here as well.
	HardwareSlugs []string
}

// SearchResults are the papers, devices and claims matching a free-text query.
type SearchResults struct {
	Query    string
	Papers   []PaperHit
	Hardware []Hardware
	Claims   []ClaimRow
	// PapersTotal is how many papers there are; AbstractsRead how many of
	// them had their abstract searched (all of them up to AbstractScanLimit).
	PapersTotal   int64
	AbstractsRead int64
}

// PaperHit is a paper found by its title or abstract.
type PaperHit struct {
	Paper
	InAbstract bool // found in the abstract (and not in the title)
}

// Search finds, case-insensitively and as literal text: papers by title or
// abstract; devices by name, slug or the caller's aliases; and live claims by
// subject, baseline, evidence, paper title or device. Each part is one
// bound-parameter query; the claims' condition is textMatch, the leaderboard's,
// plus a list of device ids, so its plan has no subplan.
func (s *Store) Search(ctx context.Context, sq SearchQuery) (*SearchResults, error) {
	query := strings.TrimSpace(sq.Text)
	if !utf8.ValidString(query) || strings.ContainsRune(query, 0) {
		return nil, FieldErrorf("q", "is not valid text")
	}
	if utf8.RuneCountInString(query) > maxQueryLen {
		return nil, FieldErrorf("q", "must be at most %d characters", maxQueryLen)
	}
	res := &SearchResults{Query: query}
	if query == "" {
		return res, nil
	}
	db := s.db.WithContext(ctx)
	like := "%" + escapeLike(strings.ToLower(query)) + "%"

	n, err := s.CountPapers(ctx)
	if err != nil {
		return nil, err
	}
	res.PapersTotal, res.AbstractsRead = n, min(n, AbstractScanLimit)
	// Titles are trigram-indexed on PostgreSQL; abstracts are read for the
	// newest AbstractScanLimit papers only (see there).
	var papers []Paper
	err = db.Where(`LOWER(title) LIKE ? ESCAPE '\'`, like).
		Order("title, id").Limit(SearchLimit).Find(&papers).Error
	if err != nil {
		return nil, fmt.Errorf("store: search paper titles: %w", err)
	}
	seen := map[int64]bool{}
	for _, p := range papers {
		seen[p.ID] = true
		res.Papers = append(res.Papers, PaperHit{Paper: p})
	}
	if len(res.Papers) < SearchLimit {
		var inAbstract []Paper
		err = s.abstractMatches(db, like).Limit(SearchLimit + len(papers)).Find(&inAbstract).Error
		if err != nil {
			return nil, fmt.Errorf("store: search abstracts: %w", err)
		}
		for _, p := range inAbstract {
			if !seen[p.ID] && len(res.Papers) < SearchLimit {
				res.Papers = append(res.Papers, PaperHit{Paper: p, InAbstract: true})
			}
		}
	}

	// Devices: a small table, read whole by the condition.
	hw := db.Where(`LOWER(name) LIKE ? ESCAPE '\' OR LOWER(slug) LIKE ? ESCAPE '\'`, like, like)
	if len(sq.HardwareSlugs) > 0 {
		hw = hw.Or("slug IN ?", sq.HardwareSlugs)
	}
	if err := hw.Order("name").Limit(SearchLimit).Find(&res.Hardware).Error; err != nil {
		return nil, fmt.Errorf("store: search hardware: %w", err)
	}

	ids := make([]int64, len(res.Hardware))
	for i, h := range res.Hardware {
		ids[i] = h.ID
	}
	if err := s.searchClaims(s.claimRows(ctx), like, ids).Scan(&res.Claims).Error; err != nil {
		return nil, fmt.Errorf("store: search claims: %w", err)
	}
	return res, nil
}

// abstractMatches selects the papers among the newest AbstractScanLimit
// whose abstract contains like, by title.
func (s *Store) abstractMatches(db *gorm.DB, like string) *gorm.DB {
	newest := db.Table("papers").Select("id").Order("id DESC").Limit(AbstractScanLimit)
	return db.Model(&Paper{}).Where("id IN (?)", newest).Where(`LOWER(abstract) LIKE ? ESCAPE '\'`, like).Order("title, id")
}

// searchClaims adds the search's condition to q, a query over claims c: the
// leaderboard's text match, or a claim on one of the devices hardwareIDs.
func (s *Store) searchClaims(q *gorm.DB, like string, hardwareIDs []int64) *gorm.DB {
	q = q.Where(liveClaim)
	if len(hardwareIDs) > 0 {
		q = q.Where("("+textMatch+" OR c.hardware_id IN ?)", like, like, like, like, hardwareIDs)
	} else {
		q = q.Where(textMatch, like, like, like, like)
	}
	return q.Order("m.position, c.id").Limit(SearchLimit)
}
