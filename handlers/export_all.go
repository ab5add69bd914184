package handlers

import (
	"context"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// exportAll serves /export/claims.csv: every live claim of every metric, each
// metric in its leaderboard's default order, streamed like a leaderboard CSV.
// Query parameters are ignored; a filtered download is a leaderboard's CSV.
func (a *app) exportAll(c echo.Context) error {
	return a.streamCSV(c, "all", "claimboard-claims", func(ctx context.Context, fn func(*models.ExportRow) error) error {
		return a.store.ExportAll(ctx, "", fn)
	})
}
