// Package handlers is claimboard's web layer: one route table, one file per
// page or action, one error handler.
package handlers

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/claimboard/claimboard/models"
)

// Config is what the web layer needs from the program that wires it.
type Config struct {
	Store  *models.Store
	Logger *slog.Logger
}

// app carries the dependencies every handler shares.
type app struct {
	store *models.Store
	log   *slog.Logger
}

// New returns the Echo router with every route of the site.
func New(cfg Config) *echo.Echo {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	a := &app{store: cfg.Store, log: cfg.Logger}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = a.handleError

	e.Use(a.recoverPanics)
	e.Use(a.logRequests)
	e.Use(securityHeaders)
	e.Use(middleware.BodyLimit("1M"))
	e.Use(middleware.ContextTimeout(30 * time.Second))

	// Every readable page answers HEAD too (net/http drops the body).
	get := func(path string, h echo.HandlerFunc) { e.Match([]string{http.MethodGet, http.MethodHead}, path, h) }

	get("/healthz", a.healthz)
	get("/readyz", a.readyz)
	get("/static/*", staticFiles())

	get("/", a.homeShow)
	get("/leaderboards/:metric", a.leaderboardShow)
	get("/papers/:id", a.paperShow)
	get("/claims/:id", a.claimShow)
	get("/hardware/:slug", a.hardwareShow)
	get("/search", a.searchShow)
	return e
}
