package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// A cached page must change on the next request after a write made through
// another connection pool (standing in for another server process).
func TestResponseCacheFollowsWritesFromOtherProcesses(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		other := testdb.MustOpen(t, dsn)
		for _, target := range []string{"/leaderboards/fps", "/", "/api/v1/leaderboards/fps", "/leaderboards/fps.csv"} {
			first, _ := s.get(t, target)
			again, _ := s.get(t, target)
			if first.Code != 200 || again.Body.String() != first.Body.String() {
				t.Fatalf("GET %s twice: %d, bodies equal %v", target, first.Code, again.Body.String() == first.Body.String())
			}
			if again.Header().Get("ETag") == "" && strings.HasPrefix(target, "/leaderboards") {
				t.Fatalf("GET %s from the cache lost its ETag", target)
			}
			if strings.Contains(first.Body.String(), "4242") {
				t.Fatalf("GET %s shows 4242 before it was written", target)
			}
		}
		abs := "We reach 4242 FPS on a GPU."
		_, err := other.SavePapers(context.Background(), []models.PaperInput{{Title: "Written elsewhere", Abstract: abs,
			Claims: []models.ClaimInput{{Metric: "fps", Value: 4242, Unit: "FPS", Evidence: "4242 FPS", EvidenceStart: 9, EvidenceEnd: 17}}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range []string{"/leaderboards/fps", "/", "/api/v1/leaderboards/fps", "/leaderboards/fps.csv"} {
			rec, _ := s.get(t, target)
			if body := rec.Body.String(); !strings.Contains(body, "4242") && !strings.Contains(body, "4,242") {
				t.Errorf("GET %s after a write elsewhere still shows the old data", target)
			}
		}
	})
}

func TestCachedResponsesAnswerConditionalGETAndSetNoCookieOnData(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	first, _ := s.get(t, "/leaderboards/fps")
	s.get(t, "/leaderboards/fps") // now cached
	req := httptest.NewRequest(http.MethodGet, "/leaderboards/fps", nil)
	req.Header.Set("If-None-Match", first.Header().Get("ETag"))
	rec := httptest.NewRecorder()
	s.e.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Fatalf("conditional GET of a cached page = %d, want 304", rec.Code)
	}
	for _, target := range []string{"/api/v1/metrics", "/leaderboards/fps.csv", "/leaderboards/fps/feed.atom"} {
		rec, _ := s.get(t, target)
		if c := rec.Header().Get("Set-Cookie"); c != "" {
			t.Errorf("GET %s sets a cookie (%s): shared caches could not store it", target, c)
		}
	}
}
