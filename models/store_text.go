package models

import (
	"strings"
	"unicode"
)

// Free text is searched by words in full-text indexes (migration 00023):
// PostgreSQL's tsvector columns with GIN, SQLite's FTS5 tables. This file is
// the one builder of those conditions; the leaderboard's q (page, CSV, API,
// feed) and /search both take theirs from here, so they match the same rows.

// maxTextWords bounds how many words one search looks for.
const maxTextWords = 16

// minPrefix is the shortest word matched as a prefix too ("gpu" finds
// "gpus"): there is no stemming, and shorter prefixes would match most of
// the index.
const minPrefix = 3

// RankWindow is how many matches a ranked search orders by relevance: the
// best SearchLimit of the first RankWindow matches are shown, so a common
// word costs a bounded read instead of ranking every match.
const RankWindow = 1000

// textSearch is a free-text query cut into words, the way both databases'
// tokenizers cut the indexed texts: runs of letters and digits, lowercased.
// A row matches when it holds every word, or the name of one of devices.
type textSearch struct {
	words   []string
	devices [][]string // words of each device the text names by an alias
}

// TextWords returns the words free text q is searched for.
func TextWords(q string) []string {
	w := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(w) > maxTextWords {
		w = w[:maxTextWords]
	}
	return w
}

// newTextSearch parses q; deviceSlugs are devices the caller resolved from q
// through the extractor's aliases ("rtx3090" names nvidia-rtx-3090), matched
// by their slug's words, which every claim on the device holds.
func newTextSearch(q string, deviceSlugs []string) textSearch {
	t := textSearch{words: TextWords(q)}
	for _, slug := range deviceSlugs {
		if w := TextWords(slug); len(w) > 0 && len(t.devices) < maxListLen {
			t.devices = append(t.devices, w)
		}
	}
	return t
}

func (t textSearch) empty() bool { return len(t.words) == 0 && len(t.devices) == 0 }

// tsquery is t for to_tsquery('simple', ...). Words are letters and digits
// only, so nothing in them is tsquery syntax; they are quoted all the same.
func (t textSearch) tsquery() string {
	var alts []string
	if len(t.words) > 0 {
		terms := make([]string, len(t.words))
		for i, w := range t.words {
			terms[i] = "'" + w + "'"
			if len([]rune(w)) >= minPrefix {
				terms[i] += ":*"
			}
		}
		alts = append(alts, "("+strings.Join(terms, " & ")+")")
	}
	for _, d := range t.devices {
		terms := make([]string, len(d))
		for i, w := range d {
			terms[i] = "'" + w + "'"
		}
		alts = append(alts, "("+strings.Join(terms, " <-> ")+")")
	}
	return strings.Join(alts, " | ")
}

// match is t for an FTS5 MATCH: each word a quoted string, a prefix query
// from minPrefix letters; a device is a phrase.
func (t textSearch) match() string {
	var alts []string
	if len(t.words) > 0 {
		terms := make([]string, len(t.words))
		for i, w := range t.words {
			terms[i] = `"` + w + `"`
			if len([]rune(w)) >= minPrefix {
				terms[i] += "*"
			}
		}
		alts = append(alts, "("+strings.Join(terms, " AND ")+")")
	}
	for _, d := range t.devices {
		alts = append(alts, `("`+strings.Join(d, " ")+`")`)
	}
	return strings.Join(alts, " OR ")
}

// claimText is the condition that claim c matches t, and its argument.
// With no words to look for (q was only punctuation) nothing matches.
func (s *Store) claimText(t textSearch) (string, []any) {
	switch {
	case t.empty():
		return "1 = 0", nil
	case s.dialect == DialectSQLite:
		return "c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", []any{t.match()}
	}
	return "c.search_tsv @@ to_tsquery('simple', ?)", []any{t.tsquery()}
}

// rankedClaims selects (id, score) for up to RankWindow live claims matching
// t, higher scores more relevant: title words weigh most, then subject,
// baseline and device, then evidence.
func (s *Store) rankedClaims(t textSearch) (string, []any) {
	if s.dialect == DialectSQLite {
		return `SELECT f.rowid AS id, -bm25(claims_fts, 4.0, 2.0, 2.0, 1.0) AS score FROM claims_fts f
			JOIN claims c ON c.id = f.rowid WHERE claims_fts MATCH ? AND ` + liveClaim + ` LIMIT ?`,
			[]any{t.match(), RankWindow}
	}
	q := t.tsquery()
	return `SELECT c.id, ts_rank(c.search_tsv, to_tsquery('simple', ?)) AS score FROM claims c
		WHERE c.search_tsv @@ to_tsquery('simple', ?) AND ` + liveClaim + ` LIMIT ?`, []any{q, q, RankWindow}
}

// rankedPapers selects (id, score) for up to RankWindow papers whose title
// or abstract holds t's words, title words weighing more.
func (s *Store) rankedPapers(t textSearch) (string, []any) {
	if s.dialect == DialectSQLite {
		return `SELECT rowid AS id, -bm25(papers_fts, 4.0, 1.0) AS score FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?`,
			[]any{t.match(), RankWindow}
	}
	q := t.tsquery()
	return `SELECT id, ts_rank(search_tsv, to_tsquery('simple', ?)) AS score FROM papers
		WHERE search_tsv @@ to_tsquery('simple', ?) LIMIT ?`, []any{q, q, RankWindow}
}

// SetTextAliases gives the store the extractor's device aliases: fn returns
// the slugs of the devices a search text names by one of their spellings
// ("rtx3090"), so every free-text search finds those devices' claims.
func (s *Store) SetTextAliases(fn func(string) []string) {
	if fn != nil {
		s.aliases.Store(&fn)
	}
}

func (s *Store) textAliases(q string) []string {
	if fn := s.aliases.Load(); fn != nil && q != "" {
		return (*fn)(q)
	}
	return nil
}
