package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func TestCacheClaimLetsOneRequestRender(t *testing.T) {
	rc := newResponseCache()
	wait, done := rc.claim("/leaderboards/fps")
	if wait != nil || done == nil {
		t.Fatal("the first request must render")
	}
	wait2, done2 := rc.claim("/leaderboards/fps")
	if wait2 == nil || done2 != nil {
		t.Fatal("a second request for the same key must wait")
	}
	if _, other := rc.claim("/"); other == nil {
		t.Fatal("another key must not wait")
	}
	select {
	case <-wait2:
		t.Fatal("released before the renderer finished")
	default:
	}
	done()
	<-wait2 // released
	if w, d := rc.claim("/leaderboards/fps"); w != nil || d == nil {
		t.Fatal("after it finished, the key can be claimed again")
	}
}

func TestCacheKeyIgnoresUnderscoreParameters(t *testing.T) {
	for in, want := range map[string]string{
		"/leaderboards/fps":                           "/leaderboards/fps",
		"/leaderboards/fps?_=1":                       "/leaderboards/fps",
		"/leaderboards/fps?_=1&sort=value&_x=2":       "/leaderboards/fps?sort=value",
		"/leaderboards/fps?%5Fbust=3&&page=2&":        "/leaderboards/fps?page=2",
		"/leaderboards/fps?sort=value&hardware=a%20b": "/leaderboards/fps?sort=value&hardware=a%20b",
		"/leaderboards/fps?_%zz=1":                    "/leaderboards/fps?_%zz=1", // malformed: the handler refuses it
	} {
		u, err := url.ParseRequestURI(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := cacheKey(u); got != want {
			t.Errorf("cacheKey(%s) = %s, want %s", in, got, want)
		}
	}
}

// The attack: every "?_=N" rendered the page again and kept another copy,
// until 64 MB of copies filled the cache. Now they share one entry.
func TestCacheBustersShareOneEntry(t *testing.T) {
	a := &app{store: testdb.MustOpen(t, testdb.SQLiteURL(t)), cache: newResponseCache()}
	renders := 0
	h := a.cached(func(c echo.Context) error {
		renders++
		return c.String(http.StatusOK, "page")
	})
	e := echo.New()
	for i := 0; i < 200; i++ {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/leaderboards/fps?_="+strconv.Itoa(i)+"&_t"+strconv.Itoa(i)+"=x", nil)
		if err := h(e.NewContext(req, rec)); err != nil || rec.Body.String() != "page" {
			t.Fatalf("request %d: %v %q", i, err, rec.Body.String())
		}
	}
	if renders != 1 || a.cache.len() != 1 {
		t.Fatalf("200 cache-busting requests: %d renders, %d entries; want 1 and 1", renders, a.cache.len())
	}
}

// Groups that no write touches keep their entries, so a full cache must make
// room rather than refuse every new page until some write comes.
func TestCacheEvictsWhenFullAndDropsOnlyTheChangedGroup(t *testing.T) {
	rc := newResponseCache()
	body := make([]byte, cacheMaxEntry)
	for i := range 2 * cacheMaxBytes / cacheMaxEntry {
		rc.put("metric:fps", 1, "/leaderboards/fps?min="+strconv.Itoa(i), &cachedResponse{body: body})
		if rc.bytes > cacheMaxBytes {
			t.Fatalf("after %d puts the cache holds %d bytes, over its %d", i+1, rc.bytes, cacheMaxBytes)
		}
	}
	last := "/leaderboards/fps?min=" + strconv.Itoa(2*cacheMaxBytes/cacheMaxEntry-1)
	if rc.get("metric:fps", 1, last) == nil {
		t.Fatal("a full cache refused the newest page")
	}
	rc.put("site", 7, "/", &cachedResponse{body: []byte("home")})
	if rc.get("metric:fps", 2, last) != nil || rc.get("site", 7, "/") == nil {
		t.Fatal("a newer fps version must drop fps pages and keep the others")
	}
	if rc.bytes != len("home") || rc.len() != 1 {
		t.Fatalf("after dropping fps: %d bytes in %d entries, want only the home page", rc.bytes, rc.len())
	}
}

// Requests that arrive after a write wait for the render already running
// (of the version before it); when it ends they must not all render at
// once: one renders the new version and the rest take its copy.
func TestCacheWaitersOfANewerVersionRenderOnce(t *testing.T) {
	s := testdb.MustOpen(t, testdb.SQLiteURL(t))
	a := &app{store: s, cache: newResponseCache()}
	gate := make(chan struct{})
	var renders atomic.Int64
	h := a.cached(func(c echo.Context) error {
		if renders.Add(1) == 1 {
			<-gate // the first render waits for the write and the twelve
		} else {
			time.Sleep(50 * time.Millisecond) // every render takes a while
		}
		return c.String(http.StatusOK, "page")
	})
	e := echo.New()
	serve := func(wg *sync.WaitGroup) {
		defer wg.Done()
		rec := httptest.NewRecorder()
		if err := h(e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)); err != nil || rec.Body.String() != "page" {
			t.Errorf("GET /: %v %q", err, rec.Body.String())
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go serve(&wg)
	for renders.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	abs := "We reach 4242 FPS on a GPU."
	if _, err := s.SavePapers(context.Background(), []models.PaperInput{{Title: "A write", Abstract: abs,
		Claims: []models.ClaimInput{{Metric: "fps", Value: 4242, Unit: "FPS", Evidence: "4242 FPS", EvidenceStart: 9, EvidenceEnd: 17}}}}); err != nil {
		t.Fatal(err)
	}
	for range 12 {
		wg.Add(1)
		go serve(&wg)
	}
	time.Sleep(200 * time.Millisecond) // all twelve are waiting for the first render
	close(gate)
	wg.Wait()
	if n := renders.Load(); n > 2 {
		t.Fatalf("12 requests after a write rendered the page %d times besides the first; want 1", n-1)
	}
}
