package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/static"
)

// staticFiles serves the embedded assets. A URL carrying the current asset
// version may be cached forever; anything else only briefly.
func staticFiles() echo.HandlerFunc {
	fileServer := http.StripPrefix("/static/", http.FileServer(http.FS(static.FS())))
	return func(c echo.Context) error {
		h := c.Response().Header()
		if c.QueryParam("v") == static.Version {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "public, max-age=300")
		}
		if c.Param("*") == "" {
			return echo.ErrNotFound
		}
		fileServer.ServeHTTP(c.Response(), c.Request())
		return nil
	}
}
