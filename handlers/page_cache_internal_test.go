package handlers

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/internal/testdb"
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
	if renders != 1 || len(a.cache.entries) != 1 {
		t.Fatalf("200 cache-busting requests: %d renders, %d entries; want 1 and 1", renders, len(a.cache.entries))
	}
}
