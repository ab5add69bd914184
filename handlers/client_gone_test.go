package handlers_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/testdb"
)

// A client that disconnects mid-request is not a server failure: no 500 in
// the access log and nothing at ERROR, on pages, the CSV and the API alike.
func TestClientGoneIsNotAServerError(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		var logs bytes.Buffer
		e := handlers.New(handlers.Config{Store: s.store, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		for _, target := range []string{"/leaderboards/fps?sort=paper", "/leaderboards/fps.csv?q=gpu", "/api/v1/leaderboards/fps?page=2", "/search?q=nerf"} {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, target, nil).WithContext(ctx))
		}
		out := logs.String()
		if strings.Contains(out, "level=ERROR") || strings.Contains(out, "status=500") {
			t.Fatalf("a disconnected client was logged as a server error:\n%s", out)
		}
		if !strings.Contains(out, "status=499") {
			t.Fatalf("no request was logged as closed by the client:\n%s", out)
		}
	})
}
