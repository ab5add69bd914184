package handlers

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// contentSecurityPolicy allows nothing inline and nothing from elsewhere, and
// forbids framing (clickjacking).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		return next(c)
	}
}

// logRequests writes one structured line per request.
func (a *app) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err) // commit the error response so the logged status is the real one
		}
		res := c.Response()
		attrs := []slog.Attr{
			slog.String("method", c.Request().Method),
			slog.String("path", c.Request().URL.Path),
			slog.Int("status", res.Status),
			slog.Int64("bytes", res.Size),
			slog.Duration("duration", time.Since(start)),
		}
		// Never the raw address: beside the POST of a suggestion it would undo
		// the hashed-address design. Requests that derived the keyed hash
		// (suggestions, logins) log that, which ties a flood together as
		// well as the address would.
		if k, ok := c.Get(addressKeyKey).(string); ok {
			attrs = append(attrs, slog.String("addr", k))
		}
		a.log.LogAttrs(c.Request().Context(), failureLevel(res.Status, err), "request", attrs...)
		return nil
	}
}

// recoverPanics turns a panic into a logged 500 page instead of a dropped connection.
func (a *app) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				a.log.Error("panic", "path", c.Request().URL.Path, "panic", r, "stack", string(debug.Stack()))
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

// apiCORS lets pages on any origin read the JSON API with GET: it is public,
// read-only and uses no cookies that a cross-origin read could abuse
// (credentialed requests are not allowed with "*").
func apiCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if strings.HasPrefix(req.URL.Path, "/api/") && (req.Method == http.MethodGet || req.Method == http.MethodHead) {
			c.Response().Header().Set("Access-Control-Allow-Origin", "*")
		}
		return next(c)
	}
}
