package models

import (
	"context"
	"fmt"
	"strconv"
)

// A leaderboard's free-text filter on PostgreSQL has two good plans, and the
// planner cannot tell them apart: walk the sort index and test each claim's
// words (fast for a common word: the page fills after a few hundred claims),
// or take the word index's matches and sort them (fast for a rare word, which
// the walk tests against every claim of the metric: 2 to 8 s at 1M claims
// for a word the metric's claims lack). It costs the word test as one
// operator, so it walks for both. One probe of the word index, up to
// rareTextMatches of the metric's matches, tells which the text is; for a
// rare one the page orders by an expression no index provides, so the
// planner takes the matches and sorts them (issue 17). The probe's answer is
// kept per metric version and text, so a word costs it once per change.
const rareTextMatches = 5000

// resolveText records on f whether its text is rare among metric m's live
// claims. SQLite's full-text match is a lookup in its own index already.
func (s *Store) resolveText(ctx context.Context, m *Metric, f *LeaderboardFilter) error {
	if f.Query == "" || s.dialect != DialectPostgres {
		return nil
	}
	cond, args := s.claimText(newTextSearch(f.Query, s.textAliases(f.Query)))
	key := "text-rare:" + strconv.FormatInt(m.ID, 10) + ":" + fmt.Sprint(args...)
	rare, err := cachedRead(ctx, s, key, metricScope(m.ID), func() (bool, error) {
		var n int64
		probe := s.db.WithContext(ctx).Table("claims c").Select("1").
			Where("c.metric_id = ? AND "+liveClaim, m.ID).Where(cond, args...).Limit(rareTextMatches)
		if err := s.db.WithContext(ctx).Table("(?) AS t", probe).Count(&n).Error; err != nil {
			return false, fmt.Errorf("store: probe text %q: %w", clipText(f.Query, 40), err)
		}
		return n < rareTextMatches, nil
	})
	f.textRare = rare
	return err
}

// unindexedOrder is col as an expression of the same order that no index
// serves, for ordered when the matches are few (resolveText).
func unindexedOrder(sort, col string) string {
	switch sort {
	case "value", "confidence":
		return "(" + col + " + 0)"
	case "date":
		return "(" + col + " + 0)" // date + integer is the same date
	}
	return "(" + col + " || '')"
}
