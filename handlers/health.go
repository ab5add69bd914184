package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// healthz says the process is alive; it touches nothing else so it is the
// cheapest possible reference for load tests.
func (a *app) healthz(c echo.Context) error {
	return c.String(http.StatusOK, "ok\n")
}

// readyz says whether this process can serve pages: the database answers and
// its schema is current.
func (a *app) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := a.store.Ping(ctx); err != nil {
		a.log.Warn("readyz: database unreachable", "err", err)
		return c.String(http.StatusServiceUnavailable, "database unreachable\n")
	}
	if err := a.store.CheckSchema(ctx); err != nil {
		a.log.Warn("readyz: schema", "err", err)
		return c.String(http.StatusServiceUnavailable, "database schema is not current\n")
	}
	return c.String(http.StatusOK, "ready\n")
}
