package handlers

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"
)

// apiLeaderboard serves one page of a leaderboard as JSON: the parameters,
// parser and query of the HTML page, with next and prev links that keep them.
func (a *app) apiLeaderboard(c echo.Context) error {
	f, err := parseLeaderboardFilter(c)
	if err != nil {
		return err
	}
	if done, err := a.notModified(c, "api"); done || err != nil {
		return err
	}
	lb, err := a.store.Leaderboard(c.Request().Context(), f)
	if err != nil {
		return err
	}
	path := "/api/v1/leaderboards/" + url.PathEscape(lb.Metric.Slug)
	out := apiLeaderboard{
		Metric: metricJSON(lb.Metric), Page: f.Page, PerPage: f.PerPage, Total: lb.Total,
		TotalCapped: lb.TotalCapped, TotalEstimated: lb.TotalEstimated, Claims: claimsJSON(lb.Rows),
		CSVURL: withQuery("/leaderboards/"+url.PathEscape(lb.Metric.Slug)+".csv", withoutPaging(f)),
	}
	if lb.HasNext {
		next := withQuery(path, filterQuery(pageOf(f, f.Page+1, lb.NextAfter)))
		out.Next = &next
	}
	if f.Page > 1 {
		prev := withQuery(path, filterQuery(pageOf(f, f.Page-1, "")))
		out.Prev = &prev
	}
	return c.JSON(http.StatusOK, out)
}
