package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/views"
)

// homeShow lists every leaderboard with its size and best entry.
func (a *app) homeShow(c echo.Context) error {
	ctx := c.Request().Context()
	sums, err := a.store.MetricSummaries(ctx)
	if err != nil {
		return err
	}
	papers, err := a.store.CountPapers(ctx)
	if err != nil {
		return err
	}
	v := views.HomeView{Layout: layout("Leaderboards"), PaperCount: papers}
	v.FeedURL, v.FeedTitle = "/feed.atom", "New claims"
	for _, m := range sums {
		card := views.MetricCard{
			Slug: m.Slug, Name: m.Name, Description: m.Description, Unit: m.Unit,
			Direction: direction(m.HigherIsBetter), Claims: m.Claims,
		}
		if m.Best != nil {
			card.Best = views.Value(m.Best.Value, m.Best.ValueHigh, m.Best.Unit)
			card.BestPaper = m.Best.PaperTitle
			card.BestPaperID = m.Best.PaperID
		}
		v.ClaimCount += m.Claims
		v.Metrics = append(v.Metrics, card)
	}
	if v.Grid, err = a.taskGrid(ctx); err != nil {
		return err
	}
	return render(c, http.StatusOK, views.Home(v))
}

func direction(higherIsBetter bool) string {
	if higherIsBetter {
		return "higher is better"
	}
	return "lower is better"
}
