package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// sessionCookie holds a moderator's session token; the database holds only
// its hash, so sessions work across server processes and survive restarts.
const (
	sessionCookie = "claimboard_session"
	moderatorKey  = "moderator"
	addressKeyKey = "addressKey"
)

// loadModerator puts the logged-in moderator, if any, in the context. An
// invalid or expired cookie is simply no login.
func (a *app) loadModerator(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
			m, err := a.store.SessionModerator(c.Request().Context(), ck.Value, time.Now())
			switch models.ErrorCode(err) {
			case "":
				c.Set(moderatorKey, m)
			case models.EUnauthorized:
			default:
				return err
			}
		}
		return next(c)
	}
}

// moderatorOf returns the logged-in moderator, or nil.
func moderatorOf(c echo.Context) *models.Moderator {
	m, _ := c.Get(moderatorKey).(*models.Moderator)
	return m
}

// requireModerator sends visitors of moderation pages to the login form and
// refuses moderation actions with 401.
func requireModerator(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if moderatorOf(c) != nil {
			return next(c)
		}
		req := c.Request()
		if req.Method == http.MethodGet || req.Method == http.MethodHead {
			return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(req.URL.RequestURI()))
		}
		return models.Errorf(models.EUnauthorized, "Please log in as a moderator to do this.")
	}
}

// setSessionCookie stores a session token: HttpOnly so scripts never see it,
// SameSite=Lax so other sites cannot post with it, Secure over HTTPS (TLS
// here, or X-Forwarded-Proto from a trusted proxy; see markHTTPS).
func setSessionCookie(c echo.Context, token string, expires time.Time) {
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: token, Path: "/", Expires: expires,
		MaxAge: int(time.Until(expires).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: overHTTPS(c)})
}

func clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: overHTTPS(c)})
}

// addressKey pseudonymises the client address for limits (models.AddressKey):
// equal addresses give equal keys, but the tables do not list addresses. The
// router takes the address from the connection, not from spoofable headers.
// It is derived once per request: the submission limit and the handler
// behind it both need it.
func (a *app) addressKey(c echo.Context) (string, error) {
	if k, ok := c.Get(addressKeyKey).(string); ok {
		return k, nil
	}
	k, err := a.store.AddressKey(c.Request().Context(), c.RealIP())
	if err == nil {
		c.Set(addressKeyKey, k)
	}
	return k, err
}

// safeNext keeps a post-login redirect on this site. Browsers forgive a lot
// in a Location header ("/\t/host" and "/\\host" both mean "//host"), so
// only a plain local path passes: it parses without scheme, host or user,
// starts with a single "/", and neither it nor its decoded path holds a
// control character, a backslash or a leading "//". Anything else goes to
// the moderation queue.
func safeNext(next string) string {
	const fallback = "/moderation"
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return fallback
	}
	for _, s := range []string{next, u.Path} {
		if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") ||
			strings.ContainsFunc(s, func(r rune) bool { return r == '\\' || unicode.IsControl(r) || unicode.IsSpace(r) }) {
			return fallback
		}
	}
	return next
}
