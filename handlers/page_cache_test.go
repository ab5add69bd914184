package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// Under concurrent load requests share data-version reads; no request that
// starts after another process's write has committed may get the cached page
// from before it.
func TestResponseCacheUnderLoadShowsAWriteOnTheNextRequest(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		other := testdb.MustOpen(t, dsn)
		var written atomic.Bool
		var stale, served, servedAfter atomic.Int64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					after := written.Load() // read before the request starts
					rec := httptest.NewRecorder()
					s.e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/leaderboards/fps", nil))
					if rec.Code != http.StatusOK {
						t.Errorf("status %d", rec.Code)
						return
					}
					served.Add(1)
					if after {
						servedAfter.Add(1)
						if !strings.Contains(rec.Body.String(), "4,242") {
							stale.Add(1)
						}
					}
				}
			}()
		}
		time.Sleep(100 * time.Millisecond) // the cache is warm and busy
		abs := "We reach 4242 FPS on a GPU."
		_, err := other.SavePapers(context.Background(), []models.PaperInput{{Title: "Written elsewhere", Abstract: abs,
			Claims: []models.ClaimInput{{Metric: "fps", Value: 4242, Unit: "FPS", Evidence: "4242 FPS", EvidenceStart: 9, EvidenceEnd: 17}}}})
		if err != nil {
			t.Fatal(err)
		}
		written.Store(true)
		time.Sleep(100 * time.Millisecond)
		close(stop)
		wg.Wait()
		if n := stale.Load(); n > 0 {
			t.Fatalf("%d of %d responses that started after the write showed the page from before it", n, servedAfter.Load())
		}
		if servedAfter.Load() == 0 || served.Load() == servedAfter.Load() {
			t.Fatalf("load before/after the write: %d/%d requests; the test checked nothing", served.Load()-servedAfter.Load(), servedAfter.Load())
		}
	})
}

func TestCachedResponsesAnswerConditionalGETAndSetNoCookieOnData(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	first, _ := s.get(t, "/leaderboards/fps")
	cached, _ := s.get(t, "/leaderboards/fps")
	if cl := cached.Header().Get("Content-Length"); cl != strconv.Itoa(cached.Body.Len()) || cached.Body.String() != first.Body.String() {
		t.Fatalf("cached replay: Content-Length %q for %d bytes, same body %v", cl, cached.Body.Len(), cached.Body.String() == first.Body.String())
	}
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
