package handlers

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// statusClientClosed is what the access log records for a request whose
// client disconnected before the answer (nginx's 499); it is never sent.
const statusClientClosed = 499

// failureLevel is how loudly a failed request is logged. A 503 because the
// database is away is a warning (/readyz reports it too); a 503 because a
// request ran out of time is a slow query of ours, an error like any 500.
func failureLevel(status int, err error) slog.Level {
	switch {
	case status < 500:
		return slog.LevelInfo
	case status == http.StatusServiceUnavailable && !errors.Is(err, context.DeadlineExceeded):
		return slog.LevelWarn
	}
	return slog.LevelError
}

// statusOf maps domain error codes to HTTP status: the only place that does.
func statusOf(err error) int {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return he.Code
	}
	switch models.ErrorCode(err) {
	case models.EInvalid:
		return http.StatusBadRequest
	case models.ENotFound:
		return http.StatusNotFound
	case models.EConflict:
		return http.StatusConflict
	case models.EUnauthorized:
		return http.StatusUnauthorized
	case models.ETooMany:
		return http.StatusTooManyRequests
	case models.EUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// handleError renders every failed request as a proper page. Domain errors
// show their user-safe message; anything else is logged and shown generically,
// never with internals or a stack trace.
func (a *app) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil {
		// The client went away (closed the tab, or a load generator stopped)
		// while we worked: nobody reads a reply, and nothing failed here.
		c.Response().WriteHeader(statusClientClosed)
		return
	}
	status := statusOf(err)
	msg := models.ErrorMessage(err)
	if limit := (*models.LimitError)(nil); errors.As(err, &limit) && c.Response().Header().Get("Retry-After") == "" {
		setRetryAfter(c, limit.Wait)
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		msg = statusText(he.Code) + "."
		if m, ok := he.Message.(string); ok && he.Code < 500 && m != "" {
			msg = m // echo's and our own messages are written for users
		}
		if he.Code == http.StatusNotFound {
			msg = "There is no page at this address."
		}
	}
	if status >= 500 {
		a.log.Log(c.Request().Context(), failureLevel(status, err), "request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
		msg = "Something went wrong on our side. It has been logged."
		if status == http.StatusServiceUnavailable {
			msg = "The service is temporarily unavailable. Please try again shortly."
			// The database is restarting or unreachable: tell clients when to retry.
			if c.Response().Header().Get("Retry-After") == "" {
				c.Response().Header().Set("Retry-After", "5")
			}
		}
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		// API clients get the same message as JSON, with the parameter at fault.
		body := apiError{Error: msg, Code: models.ErrorCode(err)}
		var de *models.Error
		if errors.As(err, &de) && de.Field != "" && status < 500 {
			body.Field = &de.Field
		}
		if errors.As(err, &he) {
			body.Code = "http"
		}
		if jerr := c.JSON(status, body); jerr != nil {
			a.log.Error("render error json", "err", jerr)
		}
		return
	}
	v := views.ErrorView{Layout: layout(statusText(status)), Status: status, Message: msg}
	if rerr := render(c, status, views.Error(v)); rerr != nil {
		a.log.Error("render error page", "err", rerr)
		_ = c.String(status, msg)
	}
}

// apiError is the body of every failed /api/ request.
type apiError struct {
	Error string  `json:"error"`
	Field *string `json:"field"`
	Code  string  `json:"code"`
}
