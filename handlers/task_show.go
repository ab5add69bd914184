package handlers

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// taskShow lists every metric that has claims on the task's papers, with the
// best entry of each and a link to the task-filtered leaderboard.
func (a *app) taskShow(c echo.Context) error {
	ctx := c.Request().Context()
	t, err := a.store.GetTask(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	metrics, err := a.store.MetricsOfTask(ctx, t)
	if err != nil {
		return err
	}
	v := views.TaskView{Layout: layout(t.Name), Slug: t.Slug, Name: t.Name, Area: t.Area}
	for _, m := range metrics {
		card := views.TaskMetricCard{
			Slug: m.Slug, Name: m.Name, Direction: direction(m.HigherIsBetter),
			Claims: views.Number(float64(m.Claims)),
			URL:    withQuery("/leaderboards/"+url.PathEscape(m.Slug), filterQuery(models.LeaderboardFilter{Task: t.Slug})),
		}
		if m.Capped {
			card.Claims += "+"
		}
		if b := m.Best; b != nil {
			card.Best = views.Value(b.Value, b.ValueHigh, b.Unit)
			card.BestPaper, card.BestPaperID, card.BestClaimID = b.PaperTitle, b.PaperID, b.ID
			card.BestDevice = b.HardwareName
		}
		v.Metrics = append(v.Metrics, card)
	}
	return render(c, http.StatusOK, views.TaskPage(v))
}
