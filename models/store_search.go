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
	// PapersTotal is how many papers there are, all of them searched.
	PapersTotal int64
}

// PaperHit is a paper found by its title or abstract.
type PaperHit struct {
	Paper
	InAbstract bool // found in the abstract (and not in the title)
}

// Search finds, by words (store_text.go): papers by title or abstract and
// live claims by their texts, paper title or device (the leaderboard's text
// condition), each ranked by relevance among the first RankWindow matches;
// and devices by name, slug or the aliases the text names.
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
	slugs := sq.HardwareSlugs
	if slugs == nil {
		slugs = s.textAliases(query)
	}
	t := newTextSearch(query, slugs)

	var err error
	if res.PapersTotal, err = s.CountPapers(ctx); err != nil {
		return nil, err
	}
	if !t.empty() {
		papers, err := findPlanned[Paper](ctx, s, s.rankedPaperRows(db, t))
		if err != nil {
			return nil, fmt.Errorf("store: search papers: %w", err)
		}
		for _, p := range papers {
			res.Papers = append(res.Papers, PaperHit{Paper: p, InAbstract: !holdsWords(p.Title, t.words)})
		}
	}

	// Devices: a small table, read whole by the condition.
	like := "%" + escapeLike(strings.ToLower(query)) + "%"
	hw := db.Where(`LOWER(name) LIKE ? ESCAPE '\' OR LOWER(slug) LIKE ? ESCAPE '\'`, like, like)
	if len(slugs) > 0 {
		hw = hw.Or("slug IN ?", slugs)
	}
	if err := hw.Order("name").Limit(SearchLimit).Find(&res.Hardware).Error; err != nil {
		return nil, fmt.Errorf("store: search hardware: %w", err)
	}

	if !t.empty() {
		if res.Claims, err = s.scanClaimRows(ctx, s.rankedClaimRows(s.claimRows(ctx), t), false, valuesPlan); err != nil {
			return nil, fmt.Errorf("store: search claims: %w", err)
		}
	}
	return res, nil
}

// rankedPaperRows reads the SearchLimit most relevant papers matching t.
func (s *Store) rankedPaperRows(db *gorm.DB, t textSearch) *gorm.DB {
	sql, args := bestRanked(s.rankedPapers(t))
	return db.Table("papers p").Select("p.*").Joins("JOIN ("+sql+") r ON r.id = p.id", args...).
		Order("r.score DESC, p.id").Limit(SearchLimit)
}

// rankedClaimRows reads, from q over claims c, the SearchLimit most relevant
// live claims matching t.
func (s *Store) rankedClaimRows(q *gorm.DB, t textSearch) *gorm.DB {
	sql, args := bestRanked(s.rankedClaims(t))
	return q.Joins("JOIN ("+sql+") r ON r.id = c.id", args...).Order("r.score DESC, c.id").Limit(SearchLimit)
}

// bestRanked keeps the SearchLimit best of a ranked window's (id, score)
// rows before anything is joined to them: joined first, every one of the
// RankWindow matches read its row and built the listing's columns, to be
// sorted and all but fifty thrown away (a quarter of a second per /search
// at 1M claims under load, issue 17).
func bestRanked(sql string, args []any) (string, []any) {
	return "SELECT id, score FROM (" + sql + ") w ORDER BY score DESC, id LIMIT ?", append(args, SearchLimit)
}

// holdsWords reports whether text holds every one of words, as a word or,
// from minPrefix letters, a word's beginning: what the index matched.
func holdsWords(text string, words []string) bool {
	have := TextWords(text)
	for _, w := range words {
		found := false
		for _, h := range have {
			if h == w || len([]rune(w)) >= minPrefix && strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(words) > 0
}
