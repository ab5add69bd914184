package models

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"gorm.io/gorm"
)

// Keyset (seek) pagination: a leaderboard's next page starts after the last
// row shown, by its sort value and id, so reading page 500 costs what page 1
// does; an offset would read every row before it. LeaderboardFilter.After
// carries the cursor, Leaderboard.NextAfter makes it. A page=N link without
// a cursor still works, by offset (a shared deep link); its next link seeks.

// cursor is the position after which a page starts: the sort it was made
// for, its direction, the last row's sort value and id.
type cursor struct {
	Sort string   `json:"s"`
	Desc bool     `json:"d"`
	Num  *float64 `json:"n,omitempty"`
	Text *string  `json:"t,omitempty"`
	Date *string  `json:"a,omitempty"` // 2006-01-02; absent with Num and Text for an undated paper
	ID   int64    `json:"i"`
}

// sortValue is row's value of the sort key.
func sortValue(sort string, r ClaimRow) (num *float64, text *string, date *string) {
	s := func(v string) *string { return &v }
	switch sort {
	case "value":
		return &r.Value, nil, nil
	case "confidence":
		return &r.Confidence, nil, nil
	case "paper":
		return nil, s(r.PaperTitleLC), nil
	case "hardware":
		return nil, s(r.HardwareName), nil
	case "baseline":
		return nil, s(r.Baseline), nil
	case "qualifier":
		return nil, s(r.Qualifier), nil
	case "subject":
		return nil, s(r.Subject), nil
	case "condition":
		return nil, s(r.Condition), nil
	case "status":
		return nil, s(r.Status), nil
	case "date":
		if r.PaperPublishedOn != nil {
			return nil, nil, s(r.PaperPublishedOn.UTC().Format(time.DateOnly))
		}
	}
	return nil, nil, nil
}

// nextAfter is the cursor of the page after the one ending with last.
func nextAfter(f LeaderboardFilter, desc bool, last ClaimRow) string {
	c := cursor{Sort: f.Sort, Desc: desc, ID: last.ID}
	c.Num, c.Text, c.Date = sortValue(f.Sort, last)
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// parseAfter reads f.After, which must have been made for f's sort and
// direction.
func parseAfter(f LeaderboardFilter, desc bool) (*cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(f.After)
	var c cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || len(f.After) > 1000 || c.ID < 1 {
		return nil, FieldErrorf("after", "is not a page position this site made")
	}
	if c.Sort != f.Sort || c.Desc != desc {
		return nil, FieldErrorf("after", "belongs to another sort order; follow the page links again from the first page")
	}
	isNum := f.Sort == "value" || f.Sort == "confidence"
	switch {
	case isNum && (c.Num == nil || c.Text != nil || c.Date != nil),
		!isNum && f.Sort != "date" && (c.Text == nil || c.Num != nil || c.Date != nil),
		f.Sort == "date" && (c.Num != nil || c.Text != nil):
		return nil, FieldErrorf("after", "is not a page position this site made")
	}
	if c.Date != nil {
		if _, err := time.Parse(time.DateOnly, *c.Date); err != nil {
			return nil, FieldErrorf("after", "is not a page position this site made")
		}
	}
	return &c, nil
}

// seek keeps the rows after c in f's order: (sort value, id) past the
// cursor's, as a row-value comparison an index on (metric, value, id) serves
// as a range. Dates sort undated papers last either way.
func (s *Store) seek(q *gorm.DB, f LeaderboardFilter, c *cursor) *gorm.DB {
	col := sortColumns[f.Sort]
	op := ">"
	if c.Desc {
		op = "<"
	}
	switch {
	case c.Num != nil:
		return q.Where("("+col+", c.id) "+op+" (?, ?)", *c.Num, c.ID)
	case c.Text != nil:
		return q.Where("("+col+", c.id) "+op+" (?, ?)", *c.Text, c.ID)
	case c.Date != nil:
		// PostgreSQL reads the text as a date; SQLite compares the stored
		// text, which is how the driver writes a time.
		var d any = *c.Date
		if s.dialect == DialectSQLite {
			d, _ = time.Parse(time.DateOnly, *c.Date)
		}
		return q.Where("(("+col+", c.id) "+op+" (?, ?) OR "+col+" IS NULL)", d, c.ID)
	}
	return q.Where(col+" IS NULL AND c.id "+op+" ?", c.ID)
}
