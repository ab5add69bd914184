package handlers

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// CSRF protection is a double-submit cookie: every response carries a random
// token in an HttpOnly cookie and every form carries the same token in the
// hidden field _csrf; a state-changing request must send both, equal. Another
// site can make a browser send the cookie but cannot read it to fill the
// field. It needs no JavaScript and no server state, so it works across
// processes. (Echo's CSRF middleware is not used: on browsers that send
// Sec-Fetch-Site it skips the token and puts a placeholder in forms.)
//
// A logged-in moderator's forms carry a token derived from the session
// instead (sessionCSRF): a site that can plant cookies for our domain (a
// sibling subdomain, plain HTTP) could set a matching cookie and field pair,
// but it cannot know the session token behind a moderator's.
const (
	csrfCookie   = "_csrf"
	csrfField    = "_csrf"
	csrfKey      = "csrf"
	maxFormBytes = 64 << 10 // every form of the site is small; refuse big bodies before parsing
)

// csrfIssue gives every visitor a token (cookie) and puts it in the context
// for the response's forms.
func csrfIssue(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := c.Request().URL.Path
		if strings.HasPrefix(p, "/static/") || strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/export/") ||
			strings.HasSuffix(p, ".csv") || strings.HasSuffix(p, ".atom") || p == "/healthz" || p == "/readyz" {
			return next(c) // data, cacheable or probed responses carry no cookie
		}
		token := cookieToken(c)
		if token == "" {
			var b [32]byte
			if _, err := rand.Read(b[:]); err != nil {
				return err
			}
			token = base64.RawURLEncoding.EncodeToString(b[:])
			c.SetCookie(&http.Cookie{Name: csrfCookie, Value: token, Path: "/", HttpOnly: true,
				SameSite: http.SameSiteLaxMode, Secure: overHTTPS(c)})
		}
		if ck, err := c.Cookie(sessionCookie); err == nil && moderatorOf(c) != nil {
			token = sessionCSRF(ck.Value)
		}
		c.Set(csrfKey, token)
		return next(c)
	}
}

// crossOrigin refuses a state-changing request that a browser marks as
// coming from another site (Sec-Fetch-Site, else an Origin that is not the
// Host), before the token is even read: net/http's CrossOriginProtection, a
// second layer that needs no cookie. The configured base URL's origin is
// trusted too, for a proxy that rewrites Host.
func crossOrigin(baseURL string) echo.MiddlewareFunc {
	cop := http.NewCrossOriginProtection()
	if baseURL != "" {
		if u, err := url.Parse(baseURL); err == nil {
			_ = cop.AddTrustedOrigin(u.Scheme + "://" + u.Host) // ParseBaseURL checked it
		}
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := cop.Check(c.Request()); err != nil {
				return echo.NewHTTPError(http.StatusForbidden,
					"This form was sent from another site. Open the page on this site and send it from there.")
			}
			return next(c)
		}
	}
}

// csrfCheck refuses a POST whose _csrf field does not match the cookie. The
// route table adds it to every POST route (after the login check, so an
// anonymous moderation action is a plain 401). It reads the form itself, so
// it bounds the body first.
func csrfCheck(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		req.Body = http.MaxBytesReader(c.Response(), req.Body, maxFormBytes)
		if err := req.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge, "The form is too large.")
			}
			return echo.NewHTTPError(http.StatusBadRequest, "The form could not be read.")
		}
		token, sent := cookieToken(c), req.PostForm.Get(csrfField)
		if ck, err := c.Cookie(sessionCookie); err == nil && moderatorOf(c) != nil {
			token = sessionCSRF(ck.Value)
		}
		if token == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
			return echo.NewHTTPError(http.StatusForbidden,
				"This form has expired or did not come from this site. Go back, reload the page and send it again.")
		}
		return next(c)
	}
}

// cookieToken is the visitor's token, or "" when the cookie is absent or malformed.
func cookieToken(c echo.Context) string {
	if ck, err := c.Cookie(csrfCookie); err == nil && len(ck.Value) == 43 {
		return ck.Value
	}
	return ""
}

// csrfToken is the token to put in this response's forms.
func csrfToken(c echo.Context) string {
	s, _ := c.Get(csrfKey).(string)
	return s
}

// sessionCSRF is the form token of a moderator's session: a hash, so pages
// never show the session token itself.
func sessionCSRF(session string) string {
	h := sha256.Sum256([]byte("claimboard-csrf:" + session))
	return base64.RawURLEncoding.EncodeToString(h[:])
}
