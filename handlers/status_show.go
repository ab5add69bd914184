package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// statusShow shows what the background sync last did, for every source any
// server process syncs (the status lives in the database).
func (a *app) statusShow(c echo.Context) error {
	syncs, papers, err := a.readStatus(c)
	if err != nil {
		return err
	}
	v := views.StatusView{Layout: layout("Status"), Papers: papers}
	for _, s := range syncs {
		v.Syncs = append(v.Syncs, views.SyncView{
			Source: s.Source, LastStarted: statusTime(s.LastStarted), LastFinished: statusTime(s.LastFinished),
			Running: syncRunning(s), PapersAdded: s.PapersAdded, ClaimsAdded: s.ClaimsAdded,
			NextRun: statusTime(s.NextRun), LastError: s.LastError, LastErrorAt: statusTime(s.LastErrorAt), Runs: s.Runs,
		})
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	return render(c, http.StatusOK, views.StatusPage(v))
}

// readStatus is what /status and /api/v1/status both show: every source's
// sync status and the number of papers.
func (a *app) readStatus(c echo.Context) ([]models.SyncStatus, int64, error) {
	ctx := c.Request().Context()
	syncs, err := a.store.SyncStatuses(ctx)
	if err != nil {
		return nil, 0, err
	}
	papers, err := a.store.CountPapers(ctx)
	if err != nil {
		return nil, 0, err
	}
	return syncs, papers, nil
}

// syncRunning tells whether a sync has started and not finished since.
func syncRunning(s models.SyncStatus) bool {
	return s.LastStarted != nil && (s.LastFinished == nil || s.LastFinished.Before(*s.LastStarted))
}

func statusTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}
