package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// A database that is away is a warning; a request that ran out of time is a
// slow query of ours and must stay an error, though both answer 503.
func TestFailureLevel(t *testing.T) {
	away := models.Errorf(models.EUnavailable, "database unavailable")
	slow := echo.ErrServiceUnavailable.WithInternal(fmt.Errorf("store: list leaderboard: %w", context.DeadlineExceeded))
	for _, tc := range []struct {
		status int
		err    error
		want   slog.Level
	}{
		{http.StatusOK, nil, slog.LevelInfo},
		{statusClientClosed, context.Canceled, slog.LevelInfo},
		{http.StatusNotFound, errors.New("no such page"), slog.LevelInfo},
		{http.StatusServiceUnavailable, away, slog.LevelWarn},
		{http.StatusServiceUnavailable, slow, slog.LevelError},
		{http.StatusInternalServerError, errors.New("bug"), slog.LevelError},
	} {
		if got := failureLevel(tc.status, tc.err); got != tc.want {
			t.Errorf("failureLevel(%d, %v) = %v, want %v", tc.status, tc.err, got, tc.want)
		}
	}
}
