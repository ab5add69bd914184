package models

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// SearchLimit caps each kind of search result; search is for finding, not export.
const SearchLimit = 50

// SearchResults are the papers and claims matching a free-text query.
type SearchResults struct {
	Query  string
	Papers []Paper
	Claims []ClaimRow
}

// Search finds papers by title and live claims by subject,
// baseline or evidence, case-insensitively, as literal text.
func (s *Store) Search(ctx context.Context, query string) (*SearchResults, error) {
	query = strings.TrimSpace(query)
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
	like := "%" + escapeLike(strings.ToLower(query)) + "%"
	// Papers are found by title (trigram-indexed on PostgreSQL); text inside
	// abstracts is reached through the claims' evidence below. Scanning every
	// abstract took seconds at 600k papers.
	err := s.db.WithContext(ctx).
		Where(`LOWER(title) LIKE ? ESCAPE '\'`, like).
		Order("title, id").Limit(SearchLimit).Find(&res.Papers).Error
	if err != nil {
		return nil, fmt.Errorf("store: search papers: %w", err)
	}
	err = s.claimRows(ctx).
		Where("c.status <> ?", StatusRetracted).
		Where(textMatch, like, like, like, like).
		Order("m.position, c.id").Limit(SearchLimit).Scan(&res.Claims).Error
	if err != nil {
		return nil, fmt.Errorf("store: search claims: %w", err)
	}
	return res, nil
}
