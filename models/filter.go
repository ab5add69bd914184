package models

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Page-size bounds shared by every listing.
const (
	DefaultPerPage = 50
	MaxPerPage     = 200
	// maxQueryLen bounds free-text search so a request cannot ship megabytes into LIKE.
	maxQueryLen = 200
	// maxListLen bounds repeatable parameters (hardware=..&hardware=..).
	maxListLen = 50
)

// Sort keys a leaderboard may be ordered by. User text never reaches ORDER BY:
// it selects one of these keys, and the store maps keys to SQL.
// Every column a leaderboard shows has one, so any column can be sorted.
var SortKeys = []string{"value", "paper", "hardware", "baseline", "qualifier", "subject", "condition", "date", "status", "confidence"}

// Qualifiers of the claim schema; "none" selects claims without one.
var Qualifiers = []string{"up_to", "at_least", "approx", "average", "none"}

// FilterStatuses are the statuses a visitor may filter on; retracted claims
// are listed only to moderators who ask for them (ModeratorStatuses).
var FilterStatuses = []string{StatusExtracted, StatusCorrected, StatusVerified}

// ModeratorStatuses are FilterStatuses plus retracted, for a logged-in moderator.
var ModeratorStatuses = append(slices.Clone(FilterStatuses), StatusRetracted)

// LeaderboardFilter selects and orders one metric's claims. It is parsed once
// from a request and used alike by the HTML page, the CSV export and the API,
// so all three show the same rows in the same order.
type LeaderboardFilter struct {
	Metric    string   // vocabulary slug
	Sort      string   // one of SortKeys; "" means value
	Order     string   // "asc", "desc" or "" for the key's natural direction
	Hardware  []string // hardware slugs, any of
	Qualifier []string // any of Qualifiers
	Status    []string // any of FilterStatuses (ModeratorStatuses when Moderator)
	Moderator bool     // set by the web layer for a logged-in moderator: may ask for retracted claims
	Query     string   // free text over title, subject, baseline, evidence
	Min, Max  *float64 // value bounds in the metric's unit
	MinConf   *float64 // lowest extractor confidence, 0 to 1
	Year      int      // publication year, 0 for any
	HasCode   *bool
	Task      string // task slug (migration 00019), "" for any
	// Comparability keys (issue 14); zero is any. Keys names the filter
	// parameters, and keys.go reads and writes them.
	Keys    KeyFilter
	Flag    string // one of Flags: only claims flagged so ("above_peak"), "" for any
	Page    int    // 1-based
	PerPage int
	// After is a keyset cursor (store_seek.go) from Leaderboard.NextAfter:
	// the page starts after that row, and Page only labels it.
	After string

	// task is Task resolved by the store (resolveTask): its id, and whether
	// it holds more papers than smallTask, which picks the query's shape.
	task resolvedTask
	// hardwareIDs are f.Hardware's ids once resolveHardware has looked them
	// up (nil before; empty when no slug names a device).
	hardwareIDs []int64
	// textRare says f.Query matches few of the metric's claims, so the page
	// sorts the matches instead of walking a sort index (store_text_rare.go).
	textRare bool
}

type resolvedTask struct {
	id    int64
	large bool
	none  bool // task=none: papers with no task
}

// Normalize fills defaults and validates every field against its allowlist or
// bounds, naming the offending parameter.
func (f *LeaderboardFilter) Normalize() error {
	if f.Page == 0 {
		f.Page = 1
	}
	if f.PerPage == 0 {
		f.PerPage = DefaultPerPage
	}
	if f.Page < 1 {
		return FieldErrorf("page", "must be 1 or more")
	}
	if f.Page > 1_000_000 {
		return FieldErrorf("page", "is too large")
	}
	if f.PerPage < 1 || f.PerPage > MaxPerPage {
		return FieldErrorf("per_page", "must be between 1 and %d", MaxPerPage)
	}
	if f.Sort == "" {
		f.Sort = "value"
	}
	if !slices.Contains(SortKeys, f.Sort) {
		return FieldErrorf("sort", "must be one of %s", strings.Join(SortKeys, ", "))
	}
	if f.Order != "" && f.Order != "asc" && f.Order != "desc" {
		return FieldErrorf("order", "must be asc or desc")
	}
	if err := checkList("hardware", f.Hardware, nil); err != nil {
		return err
	}
	for _, h := range f.Hardware {
		if !validSlug(h) {
			return FieldErrorf("hardware", "%q is not a hardware slug", clipText(h, 40))
		}
	}
	if err := checkList("qualifier", f.Qualifier, Qualifiers); err != nil {
		return err
	}
	if slices.Contains(f.Status, StatusRetracted) && !f.Moderator {
		return FieldErrorf("status", "retracted claims are shown to moderators only; log in as a moderator to see them")
	}
	statuses := FilterStatuses
	if f.Moderator {
		statuses = ModeratorStatuses
	}
	if err := checkList("status", f.Status, statuses); err != nil {
		return err
	}
	if !utf8.ValidString(f.Query) || strings.ContainsRune(f.Query, 0) {
		return FieldErrorf("q", "is not valid text")
	}
	f.Query = strings.TrimSpace(f.Query)
	if utf8.RuneCountInString(f.Query) > maxQueryLen {
		return FieldErrorf("q", "must be at most %d characters", maxQueryLen)
	}
	for name, v := range map[string]*float64{"min": f.Min, "max": f.Max} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return FieldErrorf(name, "must be a finite number")
		}
	}
	if f.MinConf != nil && !(*f.MinConf >= 0 && *f.MinConf <= 1) {
		return FieldErrorf("min_confidence", "must be a number from 0 to 1")
	}
	if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
		return FieldErrorf("min", "must not be greater than max")
	}
	if f.Task != "" && !validSlug(f.Task) {
		return FieldErrorf("task", "%q is not a task slug", clipText(f.Task, 40))
	}
	if f.Flag != "" && !slices.Contains(Flags, f.Flag) {
		return FieldErrorf("flag", "must be one of %s", strings.Join(Flags, ", "))
	}
	if f.Year != 0 && (f.Year < 1900 || f.Year > 2200) {
		return FieldErrorf("year", "must be a year between 1900 and 2200")
	}
	return f.Keys.normalize()
}

// Unfiltered reports whether f selects every live claim of its metric, so
// its total is the maintained per-metric count.
func (f LeaderboardFilter) Unfiltered() bool {
	return len(f.Hardware) == 0 && len(f.Qualifier) == 0 && len(f.Status) == 0 && f.Query == "" &&
		f.Min == nil && f.Max == nil && f.MinConf == nil && f.Year == 0 && f.HasCode == nil && f.Task == "" &&
		f.Keys == KeyFilter{} && f.Flag == ""
}

// onlyTask reports whether f's one condition is a task, whose total is the
// maintained per-task count.
func (f LeaderboardFilter) onlyTask() bool {
	g := f
	g.Task = ""
	return f.Task != "" && f.Task != TaskNone && g.Unfiltered()
}

// WantsRetracted reports whether f lists retracted claims (a moderator asked).
func (f LeaderboardFilter) WantsRetracted() bool {
	return f.Moderator && slices.Contains(f.Status, StatusRetracted)
}

// Descending reports the effective direction: an explicit order, else the
// natural one (best first on value; newest and most confident first; A-Z on text).
func (f LeaderboardFilter) Descending(higherIsBetter bool) bool {
	switch f.Order {
	case "asc":
		return false
	case "desc":
		return true
	}
	switch f.Sort {
	case "", "value":
		return higherIsBetter
	case "date", "confidence":
		return true
	}
	return false
}

func checkList(field string, vals, allowed []string) error {
	if len(vals) > maxListLen {
		return FieldErrorf(field, "given more than %d times", maxListLen)
	}
	for _, v := range vals {
		if allowed != nil && !slices.Contains(allowed, v) {
			return FieldErrorf(field, "%q is not one of %s", clipText(v, 40), strings.Join(allowed, ", "))
		}
	}
	return nil
}

func validSlug(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func clipText(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "?")
	}
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// needsPapers and needsHardware say whether f's conditions (not its sort)
// read columns of papers p or hardware h; filtered's joins follow them. The
// year is the claim's copy of its paper's date (migration 00027).
func (f LeaderboardFilter) needsPapers() bool { return f.HasCode != nil }

func (f LeaderboardFilter) needsHardware() bool { return len(f.Hardware) > 0 && f.hardwareIDs == nil }
