package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiMetrics lists every leaderboard in vocabulary order with its number of
// live claims and its best one, as the home page does.
func (a *app) apiMetrics(c echo.Context) error {
	if done, err := a.notModified(c, "api"); done || err != nil {
		return err
	}
	sums, err := a.store.MetricSummaries(c.Request().Context())
	if err != nil {
		return err
	}
	out := make([]apiMetricSummary, 0, len(sums))
	for _, s := range sums {
		m := apiMetricSummary{apiMetric: metricJSON(s.Metric), Claims: s.Claims}
		if s.Best != nil {
			b := claimJSON(*s.Best)
			m.Best = &b
		}
		out = append(out, m)
	}
	return c.JSON(http.StatusOK, map[string]any{"metrics": out})
}
