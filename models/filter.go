package models

// Page-size bounds shared by every listing.
const (
	DefaultPerPage = 50
	MaxPerPage     = 200
)

// LeaderboardFilter selects and orders one metric's claims. It is parsed once
// from a request and used alike by the HTML page, the CSV export and the API,
// so all three show the same rows in the same order.
type LeaderboardFilter struct {
	Metric  string // vocabulary slug
	Page    int    // 1-based
	PerPage int
}

// Normalize fills defaults and validates bounds.
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
	if f.PerPage < 1 || f.PerPage > MaxPerPage {
		return FieldErrorf("per_page", "must be between 1 and %d", MaxPerPage)
	}
	return nil
}
