package models

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
)

// ClaimRow is a claim joined with what a listing shows beside it: its
// fields (ClaimFieldTable's, read by its Select expressions, the added ones
// as one JSON object) and the rest.
type ClaimRow struct {
	ID               int64
	PaperID          int64
	PaperTitle       string
	PaperMethod      string // the method the paper names, '' if none
	PaperPublishedOn *time.Time
	MetricName       string
	RawText          string
	HardwareSlug     string
	EvidenceStart    int
	EvidenceEnd      int
	PaperTitleLC     string `gorm:"column:paper_title_lc"` // the paper sort's key (and its cursor's)
	// Abstract is the paper's abstract where the query read it (a
	// leaderboard page, to show each claim's evidence in its clause); ""
	// elsewhere.
	Abstract     string `gorm:"column:abstract"`
	ArxivVersion int    // the arXiv version the claim was read from, 0 if unknown
	SupersededIn *int   // the version that no longer makes it, for a superseded claim
	// Peak sets a throughput claim against its device's dense peak; nil
	// when there is nothing to compare with. Computed on read (peak.go).
	Peak *PeakComparison `gorm:"-"`
	ClaimFields
}

// claimRowColumns is the projection of a ClaimRow query in db's dialect,
// built once per dialect.
func claimRowColumns(db *gorm.DB) string {
	dialect := db.Dialector.Name()
	if s, ok := rowColumnsByDialect.Load(dialect); ok {
		return s.(string)
	}
	cols := []string{"c.id", "c.paper_id", "p.title AS paper_title", "p.method AS paper_method", "p.published_on AS paper_published_on",
		"m.name AS metric_name", "c.raw_text", "COALESCE(h.slug, '') AS hardware_slug", "c.evidence_start", "c.evidence_end",
		"c.arxiv_version", "c.superseded_in", "c.paper_title_lc"}
	s := strings.Join(append(cols, claimFieldColumns(dialect)...), ", ")
	rowColumnsByDialect.Store(dialect, s)
	return s
}

var rowColumnsByDialect sync.Map // dialect name -> claimRowColumns

func (s *Store) claimRows(ctx context.Context) *gorm.DB {
	return claimRowsIn(s.db.WithContext(ctx))
}

// claimRowsIn is the one query of claims with their paper, metric and
// device, in db (a transaction, or the store's handle).
func claimRowsIn(db *gorm.DB) *gorm.DB {
	return db.Table("claims c").
		Select(claimRowColumns(db)).
		Joins("JOIN papers p ON p.id = c.paper_id").
		Joins("JOIN metrics m ON m.id = c.metric_id").
		Joins("LEFT JOIN hardware h ON h.id = c.hardware_id")
}

// Leaderboard is one page of a metric's claims.
type Leaderboard struct {
	Metric Metric
	Rows   []ClaimRow
	// Total is how many claims match: exact unless TotalCapped, which says
	// there are more than Total, or TotalEstimated, which says Total is
	// the planner's estimate (PostgreSQL) of a count no page pays for.
	Total          int64
	TotalCapped    bool
	TotalEstimated bool
	HasNext        bool
	// NextAfter is the cursor of the next page (LeaderboardFilter.After),
	// "" on the last.
	NextAfter string
	Filter    LeaderboardFilter
}

// minFetch is the fewest ids a page query asks for. Asked for one to three
// rows, SQLite 3.54's planner skip-scans claims_live_hardware_idx and sorts
// the whole metric (0.5 s at 100k papers) instead of reading the first rows
// of the sort's index, which it does from four up; the extra ids cost
// nothing and are dropped.
const minFetch = 8

// sortColumns maps sort keys to SQL; user text only ever selects a key.
var sortColumns = map[string]string{
	"value":      "c.value",
	"paper":      "c.paper_title_lc", // the title lowercased, kept on the claim (migration 00010)
	"hardware":   "c.hardware_sort",  // the device's name, '' for none, kept on the claim (migration 00030)
	"baseline":   "c.baseline",
	"qualifier":  "c.qualifier",
	"subject":    "c.subject",
	"condition":  "c.condition",
	"status":     "c.status",
	"date":       "c.paper_published_on", // the paper's date, kept on the claim (migration 00027)
	"confidence": "c.confidence",
}

// Leaderboard lists one page of the claims that match f, ordered as f says,
// ties broken by id so pages are stable.
//
// Its total costs nothing beyond the page: a kept counter when f is the whole
// metric or one task; otherwise the page query reads up to twice the page's
// ids, and if that reached the end the total is exact, else it is estimated
// (store_totals.go). No view counts its matches.
func (s *Store) Leaderboard(ctx context.Context, f LeaderboardFilter) (*Leaderboard, error) {
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	m, err := s.GetMetric(ctx, f.Metric)
	if err != nil {
		return nil, err
	}
	if err := s.resolveFilter(ctx, m, &f); err != nil {
		return nil, err
	}
	lb := &Leaderboard{Metric: *m, Filter: f}
	if f.Flag != "" {
		// Flags are computed on read: the flagged view pages in memory.
		if err := s.flaggedLeaderboard(ctx, m, f, lb); err != nil {
			return nil, err
		}
		return lb, nil
	}
	counted, err := s.keptTotal(ctx, m, f, &lb.Total)
	if err != nil {
		return nil, err
	}
	// Deferred join: find the page's ids with the narrowest query the filter
	// allows (an index walk for most views), then read the full rows of just
	// those ids. Skipping rows for a deep page then costs index entries only.
	var ids []int64
	offset, reach := (f.Page-1)*f.PerPage, max(pageReach(f, counted), minFetch)
	q, err := s.pageIDs(ctx, m, f)
	if err != nil {
		return nil, err
	}
	if f.After == "" {
		q = q.Offset(offset)
	}
	ids, err = s.pluckIDs(ctx, q.Limit(reach))
	if err != nil {
		return nil, fmt.Errorf("store: list leaderboard %q: %w", f.Metric, err)
	}
	if !counted {
		if err := s.pageTotal(ctx, m, f, int64(offset), reach, len(ids), lb); err != nil {
			return nil, err
		}
	}
	if len(ids) > f.PerPage {
		ids, lb.HasNext = ids[:f.PerPage], true
	}
	if len(ids) == 0 {
		return lb, nil
	}
	// The abstracts come with the rows: the page shows each claim's evidence
	// in its clause, and a second read of the same papers cost a round trip.
	rq := s.claimRows(ctx)
	rows, err := s.scanClaimRows(ctx, rq.Select(claimRowColumns(rq)+", p.abstract AS abstract").Where("c.id IN ?", ids), true, preparedPlan)
	if err != nil {
		return nil, fmt.Errorf("store: read leaderboard rows %q: %w", f.Metric, err)
	}
	lb.Rows = inIDOrder(ids, rows)
	if err := s.comparePeaks(ctx, lb.Rows); err != nil {
		return nil, err
	}
	if lb.HasNext && len(lb.Rows) > 0 {
		lb.NextAfter = nextAfter(f, f.Descending(m.HigherIsBetter), lb.Rows[len(lb.Rows)-1])
	}
	return lb, nil
}

// pageIDs is orderedIDs starting after f.After when f has a cursor.
func (s *Store) pageIDs(ctx context.Context, m *Metric, f LeaderboardFilter) (*gorm.DB, error) {
	q := s.orderedIDs(ctx, m, f)
	if f.After == "" {
		return q, nil
	}
	c, err := parseAfter(f, f.Descending(m.HigherIsBetter))
	if err != nil {
		return nil, err
	}
	return s.seek(q, f, c), nil
}

// orderedIDs selects the ids of the claims matching f in f's order, joining
// papers and hardware only when the filter or the sort needs them.
func (s *Store) orderedIDs(ctx context.Context, m *Metric, f LeaderboardFilter) *gorm.DB {
	// The paper and date sorts and the year filter read the claim's copies
	// of its paper's title and date (migrations 00010, 00027).
	q := s.db.WithContext(ctx).Table("claims c")
	if f.needsPapers() {
		q = q.Joins("JOIN papers p ON p.id = c.paper_id")
	}
	if f.needsHardware() {
		q = q.Joins("LEFT JOIN hardware h ON h.id = c.hardware_id")
	}
	return s.ordered(s.filtered(q, m, f), m, f)
}

// countedRows selects the rows matching f, the query whose size a total
// estimates (store_totals.go), joining only the tables f's conditions name.
func (s *Store) countedRows(ctx context.Context, m *Metric, f LeaderboardFilter) *gorm.DB {
	q := s.db.WithContext(ctx).Table("claims c").Select("1")
	if f.needsPapers() {
		q = q.Joins("JOIN papers p ON p.id = c.paper_id")
	}
	if f.needsHardware() {
		q = q.Joins("LEFT JOIN hardware h ON h.id = c.hardware_id")
	}
	// Counting a large task by walking the metric's claims would read most
	// claims that are not the task's: start from its papers.
	f.task.large = false
	return s.filtered(q, m, f)
}

// LeaderboardQuery is the one query behind every view of a leaderboard (page,
// CSV, API): the claim rows matching f in f's order, without paging. f must
// be normalized.
func (s *Store) LeaderboardQuery(ctx context.Context, m *Metric, f LeaderboardFilter) *gorm.DB {
	return s.ordered(s.filtered(s.claimRows(ctx), m, f), m, f)
}

// ordered adds f's ORDER BY; the column comes from the sortColumns allowlist.
func (s *Store) ordered(q *gorm.DB, m *Metric, f LeaderboardFilter) *gorm.DB {
	dir := "ASC"
	if f.Descending(m.HigherIsBetter) {
		dir = "DESC"
	}
	key := f.Sort
	if sortColumns[key] == "" {
		key = "value"
	}
	col := sortColumns[key]
	if f.textRare {
		col = unindexedOrder(key, col)
	}
	order := col + " " + dir
	if f.Sort == "date" {
		order += " NULLS LAST"
	}
	// Ties go by id in the same direction, so (metric_id, value, id) serves
	// the default order as one index scan in either direction.
	return q.Order(order + ", c.id " + dir)
}

// filtered adds f's conditions to a query over claims c, papers p, hardware h.
// Every value is a bound parameter.
func (s *Store) filtered(q *gorm.DB, m *Metric, f LeaderboardFilter) *gorm.DB {
	if f.WantsRetracted() {
		// The status list names what to show, retracted included.
		return s.conditions(q.Where("c.metric_id = ?", m.ID), f)
	}
	return s.conditions(q.Where("c.metric_id = ? AND "+liveClaim, m.ID), f)
}

// conditions adds f's filters, every metric's alike, to a query over claims
// c, papers p, hardware h. Every value is a bound parameter.
func (s *Store) conditions(q *gorm.DB, f LeaderboardFilter) *gorm.DB {
	if len(f.Status) > 0 {
		q = q.Where("c.status IN ?", f.Status)
	}
	switch {
	case f.hardwareIDs != nil && len(f.hardwareIDs) == 0:
		q = q.Where("1 = 0") // no slug names a device
	case f.hardwareIDs != nil:
		// The claim's own column: the planner knows how common each device
		// is, where "h.slug IN" through the join left it guessing. The ids
		// are written into the SQL, like the task's (taskCondition): integers
		// read from the hardware table, never user text, and a generic plan
		// for bound ids would assume an average device.
		ids := make([]string, len(f.hardwareIDs))
		for i, id := range f.hardwareIDs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		q = q.Where("c.hardware_id IN (" + strings.Join(ids, ", ") + ")")
	case len(f.Hardware) > 0:
		q = q.Where("h.slug IN ?", f.Hardware)
	}
	if len(f.Qualifier) > 0 {
		quals := make([]string, len(f.Qualifier))
		for i, v := range f.Qualifier {
			if v != "none" {
				quals[i] = v
			}
		}
		q = q.Where("c.qualifier IN ?", quals)
	}
	if f.Query != "" {
		cond, args := s.claimText(newTextSearch(f.Query, s.textAliases(f.Query)))
		q = q.Where(cond, args...)
	}
	value := s.rangeColumn(f)
	if f.Min != nil {
		q = q.Where(value+" >= ?", *f.Min)
	}
	if f.Max != nil {
		q = q.Where(value+" <= ?", *f.Max)
	}
	if f.MinConf != nil {
		q = q.Where("c.confidence >= ?", *f.MinConf)
	}
	if f.Year != 0 {
		from := time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		date := "c.paper_published_on"
		if s.dialect == DialectSQLite && f.Sort != "date" {
			date = "+" + date // as rangeColumn: a year is a wide range, walk the sort's index
		}
		q = q.Where(date+" >= ? AND "+date+" < ?", from, from.AddDate(1, 0, 0))
	}
	if f.Task != "" {
		if f.task.id == 0 && !f.task.none {
			// Not resolved (a caller skipped resolveTask): match nothing
			// rather than every claim.
			q = q.Where("1 = 0")
		} else {
			q = q.Where(taskCondition(f, s.dialect))
		}
	}
	if f.HasCode != nil {
		if *f.HasCode {
			q = q.Where("p.code_url <> ''")
		} else {
			q = q.Where("p.code_url = ''")
		}
	}
	return keyConditions(q, f.Keys)
}

// rangeColumn is how the value range names the value: on SQLite, under a
// sort by anything but the value, as "+c.value", which no index serves. Its
// planner took any value range for a narrow one, searched the value index
// for it and sorted the metric (0.9 s a page at 1M claims for a range that
// held every claim), where walking the sort's index stops at the page; the
// year filter is written the same way (a year is a fifth of the metric, and
// its range in the date index cost 150 ms of sorting). A range so narrow
// that the walk passes most of the metric before filling a page is the
// price, and rarer. PostgreSQL's planner knows a range's share from its
// statistics.
func (s *Store) rangeColumn(f LeaderboardFilter) string {
	if s.dialect == DialectSQLite && f.Sort != "" && f.Sort != "value" {
		return "+c.value"
	}
	return "c.value"
}

// escapeLike makes user text match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// ClaimsOfPaper lists a paper's claims in the order they appear in its abstract.
func (s *Store) ClaimsOfPaper(ctx context.Context, paperID int64) ([]ClaimRow, error) {
	var rows []ClaimRow
	err := s.claimRows(ctx).Where("c.paper_id = ?", paperID).
		Order("c.evidence_start, c.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: claims of paper %d: %w", paperID, err)
	}
	if err := s.comparePeaks(ctx, rows); err != nil {
		return nil, err
	}
	return rows, nil
}

// GetClaim returns one claim with its paper and metric, or ENotFound.
func (s *Store) GetClaim(ctx context.Context, id int64) (*ClaimDetail, error) {
	d, err := getClaim(s.db.WithContext(ctx), id)
	if err != nil {
		if ErrorCode(err) != ENotFound {
			err = fmt.Errorf("store: %w", err)
		}
		return nil, err
	}
	rows := []ClaimRow{d.ClaimRow}
	if err := s.comparePeaks(ctx, rows); err != nil {
		return nil, err
	}
	d.Peak = rows[0].Peak
	return d, nil
}

// claimDetailColumns are what a claim's own page and moderation read beyond a row.
const claimDetailColumns = ", c.extractor_version, c.version, c.created_at, c.updated_at, p.abstract AS paper_abstract"

// claimDetails reads claims with everything their page shows, in db.
func claimDetails(db *gorm.DB) *gorm.DB {
	return claimRowsIn(db).Select(claimRowColumns(db) + claimDetailColumns)
}

// getClaim reads one claim in db (a transaction, or the store's handle).
func getClaim(db *gorm.DB, id int64) (*ClaimDetail, error) {
	var d ClaimDetail
	err := claimDetails(db).Where("c.id = ?", id).Take(&d).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "claim %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("get claim %d: %w", id, err)
	}
	return &d, nil
}

// ClaimDetail is a claim with everything its own page shows.
type ClaimDetail struct {
	ClaimRow
	ExtractorVersion string
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
	PaperAbstract    string
}
