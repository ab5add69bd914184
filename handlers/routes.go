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
	// Limits key on the connection's address; X-Forwarded-For is not trusted
	// because any client can set it.
	e.IPExtractor = echo.ExtractIPDirect()

	e.Use(a.recoverPanics)
	e.Use(a.logRequests)
	e.Use(securityHeaders)
	e.Use(middleware.BodyLimit("1M"))
	e.Use(middleware.ContextTimeout(30 * time.Second))
	e.Use(csrfIssue)       // the _csrf token for forms; post() checks it
	e.Use(a.loadModerator) // the logged-in moderator, if any

	// Every readable page answers HEAD too (net/http drops the body).
	get := func(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		e.Match([]string{http.MethodGet, http.MethodHead}, path, h, m...)
	}
	// Every form posts through post(), which checks the CSRF token last.
	post := func(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		e.POST(path, h, append(m, csrfCheck)...)
	}

	get("/healthz", a.healthz)
	get("/readyz", a.readyz)
	get("/static/*", staticFiles())

	get("/", a.homeShow)
	get("/leaderboards/:metric", a.leaderboardShow)
	get("/papers/:id", a.paperShow)
	get("/claims/:id", a.claimShow)
	get("/hardware/:slug", a.hardwareShow)
	get("/search", a.searchShow)

	// Suggestions: anyone, limited per address.
	get("/claims/:id/corrections", a.correctionFormClaim)
	post("/claims/:id/corrections", a.correctionSubmitClaim, a.limitSubmissions)
	get("/papers/:id/corrections", a.correctionFormPaper)
	post("/papers/:id/corrections", a.correctionSubmitPaper, a.limitSubmissions)
	get("/corrections", a.correctionsList)
	get("/corrections/:id", a.correctionShow)

	// Moderation: pages redirect to /login, actions answer 401 without a session.
	get("/login", a.loginForm)
	post("/login", a.loginSubmit)
	post("/logout", a.logout)
	get("/moderation", a.moderationQueue, requireModerator)
	post("/moderation/:id/accept", a.moderationAccept, requireModerator)
	post("/moderation/:id/reject", a.moderationReject, requireModerator)
	post("/moderation/claims/:id/verify", a.moderationVerify, requireModerator)
	post("/moderation/revisions/:id/revert", a.moderationRevert, requireModerator)
	return e
}
