// Package handlers is claimboard's web layer: one route table, one file per
// page or action, one error handler.
package handlers

import (
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/claimboard/claimboard/models"
)

// Config is what the web layer needs from the program that wires it.
type Config struct {
	Store  *models.Store
	Logger *slog.Logger
	// BaseURL is the site's public address (--base-url, checked by
	// ParseBaseURL): the only source of absolute links. Without it feeds
	// link relatively and what must be absolute (Atom ids, CSV claim_url)
	// starts with ListenURL.
	BaseURL   string
	ListenURL string // default http://127.0.0.1:8080
	// TrustedProxies may set X-Forwarded-For and X-Forwarded-Proto; nobody
	// else's are read.
	TrustedProxies []netip.Prefix
	// HardwareAliases returns the slugs of the devices a search text names
	// by one of their spellings ("rtx3090"); nil resolves none.
	HardwareAliases func(string) []string
}

// app carries the dependencies every handler shares.
type app struct {
	store   *models.Store
	log     *slog.Logger
	cache   *responseCache
	base    string // configured base URL, or ""
	absBase string // base, else the listen address: for links that must be absolute
	proxies []netip.Prefix
	aliases func(string) []string
}

// New returns the Echo router with every route of the site.
func New(cfg Config) *echo.Echo {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	a := &app{store: cfg.Store, log: cfg.Logger, cache: newResponseCache(), base: cfg.BaseURL,
		absBase: cfg.BaseURL, proxies: cfg.TrustedProxies, aliases: cfg.HardwareAliases}
	// Every free-text search (leaderboards, their CSV and API, /search)
	// finds the devices the text names by an alias.
	if cfg.Store != nil {
		cfg.Store.SetTextAliases(cfg.HardwareAliases)
	}
	if a.absBase == "" {
		a.absBase = cfg.ListenURL
	}
	if a.absBase == "" {
		a.absBase = "http://127.0.0.1:8080"
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = a.handleError
	// Limits key on the connection's address; X-Forwarded-For is read only
	// from a configured proxy, because any client can set it.
	e.IPExtractor = ipExtractor(cfg.TrustedProxies)
	cop := crossOrigin(cfg.BaseURL)

	e.Use(a.recoverPanics)
	e.Use(a.logRequests)
	e.Use(a.markHTTPS)
	e.Use(securityHeaders)
	e.Use(apiCORS) // GET /api/* is readable from any origin
	e.Use(middleware.BodyLimit("1M"))
	e.Use(middleware.ContextTimeoutWithConfig(middleware.ContextTimeoutConfig{
		Timeout: 30 * time.Second,
		Skipper: streaming, // full exports set their own, longer deadline
	}))
	e.Use(a.loadModerator) // the logged-in moderator, if any
	e.Use(csrfIssue)       // the _csrf token for forms (a moderator's is tied to the session); post() checks it

	// Every readable page answers HEAD too (net/http drops the body).
	get := func(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		e.Match([]string{http.MethodGet, http.MethodHead}, path, h, m...)
	}
	// Every form posts through post(): a cross-origin browser request is
	// refused first (Sec-Fetch-Site, Origin), then the CSRF token is checked.
	post := func(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		e.POST(path, h, append(append([]echo.MiddlewareFunc{cop}, m...), csrfCheck)...)
	}

	get("/healthz", a.healthz)
	get("/readyz", a.readyz)
	get("/status", a.statusShow)
	get("/static/*", staticFiles())

	// a.cached: the same for every visitor, served from memory until the data changes;
	// a.cachedMetric: the same, until that metric's data (or what every leaderboard shows) changes.
	get("/", a.homeShow, a.cached)
	// Echo cannot route ":metric.csv"; the suffix picks the encoding of one filter.
	get("/leaderboards/:metric", bySuffix(a.leaderboardShow, ".csv", a.leaderboardCSV), a.cachedMetric)
	get("/leaderboards/:metric/feed.atom", a.feedAtom, a.cachedMetric)
	get("/feed.atom", a.feedAtom, a.cached)
	get("/papers/:id", a.paperShow, a.cached)
	get("/claims/:id", a.claimShow)
	get("/hardware", a.hardwareIndex, a.cached)
	get("/hardware/:slug", a.hardwareShow, a.cached)
	get("/tasks", a.taskList, a.cached)
	get("/tasks/:slug", a.taskShow, a.cached)
	get("/search", a.searchShow, a.cached)

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
	get("/papers/:id/edit", a.paperEditForm, requireModerator)
	post("/papers/:id/edit", a.paperEditSubmit, requireModerator)

	// Data out: full dump and the read-only JSON API.
	get("/export/claims.csv", a.exportAll)

	get("/api/v1/openapi.json", a.apiOpenAPI)
	get("/api/v1/metrics", a.apiMetrics, a.cached)
	get("/api/v1/hardware", a.apiHardware, a.cached)
	get("/api/v1/leaderboards/:metric", a.apiLeaderboard, a.cachedMetric)
	get("/api/v1/papers/:id", a.apiPaper, a.cached)
	get("/api/v1/claims/:id", a.apiClaim, a.cached)
	get("/api/v1/claims/:id/history", a.apiClaimHistory, a.cached)
	get("/api/v1/status", a.apiStatus)
	return e
}

// bySuffix serves paths whose last parameter ends in suffix with alt, the
// parameter stripped of it, and everything else with h.
func bySuffix(h echo.HandlerFunc, suffix string, alt echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		names, vals := c.ParamNames(), c.ParamValues()
		last := len(vals) - 1
		if last < 0 || !strings.HasSuffix(vals[last], suffix) {
			return h(c)
		}
		vals = slices.Clone(vals)
		vals[last] = strings.TrimSuffix(vals[last], suffix)
		c.SetParamNames(names...)
		c.SetParamValues(vals...)
		return alt(c)
	}
}

// streaming reports the routes that stream whole exports.
func streaming(c echo.Context) bool {
	return strings.HasSuffix(c.Request().URL.Path, ".csv")
}
