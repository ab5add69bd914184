package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// poisonPaths are the cached responses that carry links.
var poisonPaths = []string{"/leaderboards/fps/feed.atom", "/feed.atom", "/leaderboards/fps/feed.atom?hardware=nvidia-rtx-3090", "/leaderboards/fps.csv", "/export/claims.csv",
	"/leaderboards/fps", "/papers/1", "/api/v1/leaderboards/fps", "/api/v1/papers/1", "/"}

// The attack: right after a write, one request with a hostile Host and
// X-Forwarded-Proto renders (and caches) each page; the next reader must not
// get a link to evil.example from it, with or without a base URL configured.
func TestHostHeaderCannotPoisonCachedResponses(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		for _, base := range []string{"", "https://claims.example.org"} {
			s := testdb.MustOpen(t, dsn)
			if _, err := s.SavePapers(context.Background(), fixturePapers()); err != nil {
				t.Fatal(err)
			}
			e := handlers.New(handlers.Config{Store: s, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
				BaseURL: base, ListenURL: "http://127.0.0.1:8080"})
			// A write: the cache starts over, so the attacker's request renders.
			more := fixturePapers()[0]
			more.Title = "Another Fast Renderer"
			if _, err := s.SavePapers(context.Background(), []models.PaperInput{more}); err != nil {
				t.Fatal(err)
			}
			for _, p := range poisonPaths {
				req := httptest.NewRequest(http.MethodGet, p, nil)
				req.Host = "evil.example"
				req.Header.Set("X-Forwarded-Proto", "https")
				req.Header.Set("X-Forwarded-Host", "evil.example")
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, req)
				if rec.Code != 200 {
					t.Fatalf("attacker GET %s = %d", p, rec.Code)
				}
				if strings.Contains(rec.Body.String(), "evil.example") {
					t.Errorf("base %q: %s answers the attacker with links to its Host", base, p)
				}
				rec = httptest.NewRecorder()
				e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
				if body := rec.Body.String(); rec.Code != 200 || strings.Contains(body, "evil.example") {
					t.Errorf("base %q: the next reader of %s gets %d with links to evil.example", base, p, rec.Code)
				}
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/leaderboards/fps/feed.atom", nil))
			feed := rec.Body.String()
			wantID, wantLink := "<id>http://127.0.0.1:8080/leaderboards/fps/feed.atom</id>", `href="/leaderboards/fps"`
			if base != "" {
				wantID, wantLink = "<id>"+base+"/leaderboards/fps/feed.atom</id>", `href="`+base+`/leaderboards/fps"`
			}
			if !strings.Contains(feed, wantID) || !strings.Contains(feed, wantLink) {
				t.Errorf("base %q: feed lacks %s or %s:\n%.600s", base, wantID, wantLink, feed)
			}
		}
	})
}

// X-Forwarded-Proto makes cookies Secure only from a configured proxy; and
// only from there does X-Forwarded-For name the client.
func TestForwardedHeadersTrustedOnlyFromConfiguredProxy(t *testing.T) {
	s := testdb.MustOpen(t, testdb.SQLiteURL(t))
	proxies, err := handlers.ParseTrustedProxies("10.1.2.3, 2001:db8::/32")
	if err != nil {
		t.Fatal(err)
	}
	e := handlers.New(handlers.Config{Store: s, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), TrustedProxies: proxies})
	for _, c := range []struct {
		remote string
		secure bool
	}{{"192.0.2.7:5000", false}, {"10.1.2.3:5000", true}, {"[2001:db8::1]:5000", true}, {"10.1.2.4:5000", false}} {
		req := httptest.NewRequest(http.MethodGet, "/login", nil)
		req.RemoteAddr = c.remote
		req.Header.Set("X-Forwarded-Proto", "https")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		var found bool
		for _, ck := range rec.Result().Cookies() {
			if ck.Name == "_csrf" {
				found = true
				if ck.Secure != c.secure {
					t.Errorf("from %s: _csrf cookie Secure = %v, want %v", c.remote, ck.Secure, c.secure)
				}
			}
		}
		if !found {
			t.Fatalf("from %s: no _csrf cookie", c.remote)
		}
	}
	// The address limits key on: X-Forwarded-For from a client is ignored
	// (echo's default would believe it: GO-2026-6872), from a proxy it names
	// the client.
	e.GET("/test-ip", func(c echo.Context) error { return c.String(http.StatusOK, c.RealIP()) })
	for _, c := range []struct{ remote, xff, want string }{
		{"192.0.2.7:5000", "203.0.113.9", "192.0.2.7"},
		{"192.0.2.7:5000", "10.1.2.3", "192.0.2.7"},
		{"10.1.2.3:5000", "203.0.113.9", "203.0.113.9"},
		{"10.1.2.3:5000", "198.51.100.1, 203.0.113.9", "203.0.113.9"},
		{"[2001:db8::1]:5000", "203.0.113.9", "203.0.113.9"},
	} {
		req := httptest.NewRequest(http.MethodGet, "/test-ip", nil)
		req.RemoteAddr = c.remote
		req.Header.Set("X-Forwarded-For", c.xff)
		req.Header.Set("X-Real-IP", "198.51.100.77")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Body.String() != c.want {
			t.Errorf("from %s with X-Forwarded-For %q: client address %q, want %q", c.remote, c.xff, rec.Body.String(), c.want)
		}
	}
	if _, err := handlers.ParseTrustedProxies("10.0.0.0/8,nonsense"); err == nil {
		t.Error("a bad --trusted-proxy entry was accepted")
	}
	if got := prefixes(t, "127.0.0.1"); got != "127.0.0.1/32" {
		t.Errorf("single address = %s", got)
	}
}

func prefixes(t *testing.T, s string) string {
	t.Helper()
	ps, err := handlers.ParseTrustedProxies(s)
	if err != nil || len(ps) != 1 {
		t.Fatalf("ParseTrustedProxies(%q) = %v, %v", s, ps, err)
	}
	return ps[0].String()
}

func TestParseBaseURLAndListenURL(t *testing.T) {
	for in, want := range map[string]string{"https://claims.example.org/": "https://claims.example.org", "http://h:8080/cb": "http://h:8080/cb"} {
		if got, err := handlers.ParseBaseURL(in); err != nil || got != want {
			t.Errorf("ParseBaseURL(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"claims.example.org", "//claims.example.org", "javascript:x", "https://u@h/", "https://h/?q=1", "ftp://h"} {
		if _, err := handlers.ParseBaseURL(in); err == nil {
			t.Errorf("ParseBaseURL(%q) accepted", in)
		}
	}
	for in, want := range map[string]string{"0.0.0.0:8080": "http://127.0.0.1:8080", "[::]:9000": "http://127.0.0.1:9000",
		"127.0.0.1:8080": "http://127.0.0.1:8080", "[::1]:80": "http://[::1]:80"} {
		if got := handlers.ListenURL(in); got != want {
			t.Errorf("ListenURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// A cross-origin POST is refused before the CSRF token is looked at, even
// one that carries a valid token pair (as a sibling subdomain that can plant
// cookies could send): Sec-Fetch-Site: cross-site, or an Origin that is not
// the Host on a browser without Sec-Fetch-Site.
func TestCrossOriginPostsAreRefused(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	for _, h := range []http.Header{
		{"Sec-Fetch-Site": {"cross-site"}},
		{"Sec-Fetch-Site": {"same-site"}},
		{"Origin": {"https://evil.example"}},
	} {
		cl := newClient(t, s, "192.0.2.91")
		login(t, cl, "alice")
		cl.header = h
		rec, _ := cl.post("/logout", nil)
		if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "another site") {
			t.Errorf("%v: cross-origin logout = %d, want 403", h, rec.Code)
		}
		cl.header = nil
		if rec, _ := cl.get("/moderation"); rec.Code != http.StatusOK {
			t.Errorf("%v: the session did not survive the refused post: %d", h, rec.Code)
		}
		anon := newClient(t, s, "192.0.2.92")
		anon.get("/login")
		anon.header = h
		if rec, _ := anon.post("/login", url.Values{"username": {"alice"}, "password": {"a long test password"}}); rec.Code != http.StatusForbidden {
			t.Errorf("%v: cross-origin login = %d, want 403", h, rec.Code)
		}
	}
	// The same posts from this site's own pages go through.
	for _, h := range []http.Header{{"Sec-Fetch-Site": {"same-origin"}}, {"Origin": {"http://example.com"}}, {}} {
		cl := newClient(t, s, "192.0.2.93")
		login(t, cl, "alice")
		cl.header = h
		if rec, _ := cl.post("/logout", nil); rec.Code != http.StatusSeeOther {
			t.Errorf("%v: same-origin logout = %d, want 303", h, rec.Code)
		}
	}
}
