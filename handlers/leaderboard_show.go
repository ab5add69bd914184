package handlers

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// leaderboardFilter parses the query string into the one filter type that the
// store validates; unknown values are errors naming the parameter.
func leaderboardFilter(c echo.Context) (models.LeaderboardFilter, error) {
	f := models.LeaderboardFilter{Metric: c.Param("metric")}
	var err error
	if f.Page, err = queryInt(c, "page", 1); err != nil {
		return f, err
	}
	if f.PerPage, err = queryInt(c, "per_page", models.DefaultPerPage); err != nil {
		return f, err
	}
	return f, f.Normalize()
}

// leaderboardShow renders one metric's leaderboard, best first.
func (a *app) leaderboardShow(c echo.Context) error {
	f, err := leaderboardFilter(c)
	if err != nil {
		return err
	}
	lb, err := a.store.Leaderboard(c.Request().Context(), f)
	if err != nil {
		return err
	}
	m := lb.Metric
	v := views.LeaderboardView{
		Layout: layout(m.Name), Slug: m.Slug, Name: m.Name, Description: m.Description,
		Unit: m.Unit, Direction: direction(m.HigherIsBetter), Total: lb.Total, Page: f.Page,
		Pages: int((lb.Total + int64(f.PerPage) - 1) / int64(f.PerPage)),
	}
	offset := (f.Page - 1) * f.PerPage
	for i, r := range lb.Rows {
		v.Rows = append(v.Rows, rowView(r, offset+i+1))
	}
	pageURL := func(page int) string {
		q := url.Values{}
		if page > 1 {
			q.Set("page", strconv.Itoa(page))
		}
		if f.PerPage != models.DefaultPerPage {
			q.Set("per_page", strconv.Itoa(f.PerPage))
		}
		u := "/leaderboards/" + url.PathEscape(m.Slug)
		if len(q) > 0 {
			u += "?" + q.Encode()
		}
		return u
	}
	if f.Page > 1 {
		v.PrevURL = pageURL(f.Page - 1)
	}
	if f.Page < v.Pages {
		v.NextURL = pageURL(f.Page + 1)
	}
	return render(c, http.StatusOK, views.Leaderboard(v))
}
