package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

type apiSync struct {
	Source       string     `json:"source"`
	Running      bool       `json:"running"`
	LastStarted  *time.Time `json:"last_started"`
	LastFinished *time.Time `json:"last_finished"`
	PapersAdded  int        `json:"papers_added"`
	ClaimsAdded  int        `json:"claims_added"`
	NextRun      *time.Time `json:"next_run"`
	LastError    *string    `json:"last_error"`
	LastErrorAt  *time.Time `json:"last_error_at"`
	Runs         int        `json:"runs"`
}

// apiStatus is /status as JSON.
func (a *app) apiStatus(c echo.Context) error {
	syncs, papers, err := a.readStatus(c)
	if err != nil {
		return err
	}
	out := make([]apiSync, 0, len(syncs))
	for _, s := range syncs {
		out = append(out, apiSync{
			Source: s.Source, Running: syncRunning(s), LastStarted: utc(s.LastStarted), LastFinished: utc(s.LastFinished),
			PapersAdded: s.PapersAdded, ClaimsAdded: s.ClaimsAdded, NextRun: utc(s.NextRun),
			LastError: orNull(s.LastError), LastErrorAt: utc(s.LastErrorAt), Runs: s.Runs,
		})
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.JSON(http.StatusOK, map[string]any{"papers": papers, "syncs": out})
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
