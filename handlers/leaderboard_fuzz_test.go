package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/testdb"
)

// FuzzLeaderboardRoutes sends any query string to the leaderboard page, its
// CSV and its API through the real router over a real SQLite store: the
// answer is a page or a refusal with a message, never a 5xx or a panic.
//
//	go test ./handlers -run '^$' -fuzz FuzzLeaderboardRoutes -fuzztime 5m
func FuzzLeaderboardRoutes(f *testing.F) {
	for _, s := range []string{"", "sort=date&order=asc", "min=NaN", "min=1e309", "q=%00", "q=%ff", "page=99999",
		"per_page=-1", "sort=value;DROP TABLE claims", "q=%3Cscript%3E", "hardware=nvidia-rtx-3090", "a;b", "%zz"} {
		for _, route := range []uint8{0, 1, 2} {
			f.Add(route, s)
		}
	}
	st := testdb.MustOpen(f, testdb.SQLiteURL(f))
	if _, err := st.SavePapers(context.Background(), fixturePapers()); err != nil {
		f.Fatal(err)
	}
	e := handlers.New(handlers.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	paths := []string{"/leaderboards/fps", "/leaderboards/fps.csv", "/api/v1/leaderboards/fps"}
	f.Fuzz(func(t *testing.T, route uint8, raw string) {
		path := paths[int(route)%len(paths)]
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.URL.RawQuery = raw
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		switch {
		case rec.Code >= 500:
			t.Fatalf("GET %s?%s = %d:\n%s", path, raw, rec.Code, rec.Body.String())
		case rec.Code >= 400 && !strings.Contains(rec.Body.String(), "must") && !strings.Contains(rec.Body.String(), "is ") &&
			!strings.Contains(rec.Body.String(), "given"):
			t.Fatalf("GET %s?%s = %d without a message:\n%s", path, raw, rec.Code, rec.Body.String())
		}
	})
}
