package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
)

// Every kind of response (page, error page, CSV, API, feed, redirect,
// refused form) carries the security headers, not just the home page.
func TestSecurityHeadersOnEveryKindOfResponse(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	cl := newClient(t, s, "192.0.2.80")
	cl.get("/claims/1/corrections")
	targets := map[string]func() *http.Response{}
	for _, p := range []string{"/", "/leaderboards/fps", "/leaderboards/fps.csv", "/export/claims.csv", "/leaderboards/fps/feed.atom",
		"/api/v1/metrics", "/api/v1/leaderboards/fps?min=NaN", "/claims/1", "/papers/1", "/no/such/page", "/moderation", "/login"} {
		targets["GET "+p] = func() *http.Response { rec, _ := cl.get(p); return rec.Result() }
	}
	targets["POST without CSRF token"] = func() *http.Response {
		rec, _ := cl.do(http.MethodPost, "/claims/1/corrections", url.Values{"reason": {"x"}})
		return rec.Result()
	}
	targets["POST invalid form"] = func() *http.Response {
		rec, _ := cl.post("/claims/1/corrections", url.Values{"reason": {""}})
		return rec.Result()
	}
	for name, get := range targets {
		res := get()
		h := res.Header
		if res.StatusCode >= 500 {
			t.Errorf("%s = %d", name, res.StatusCode)
		}
		for header, want := range map[string]string{
			"Content-Security-Policy": "frame-ancestors 'none'",
			"X-Content-Type-Options":  "nosniff",
			"X-Frame-Options":         "DENY",
			"Referrer-Policy":         "strict-origin-when-cross-origin",
		} {
			if !strings.Contains(h.Get(header), want) {
				t.Errorf("%s (%d): %s = %q, want %q", name, res.StatusCode, header, h.Get(header), want)
			}
		}
		if strings.Contains(h.Get("Content-Security-Policy"), "unsafe-") {
			t.Errorf("%s: CSP allows unsafe sources: %q", name, h.Get("Content-Security-Policy"))
		}
	}
}

// Cookies: the CSRF token and the session are HttpOnly and SameSite=Lax on
// real responses; data responses (API, CSV, feeds) set no cookie at all, so
// caches never store one.
func TestCookieFlags(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	cl := newClient(t, s, "192.0.2.81")
	rec, _ := cl.get("/login")
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == "_csrf" && (!ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/") {
			t.Errorf("csrf cookie = %+v", ck)
		}
	}
	login(t, cl, "alice")
	sess := cl.cookies["claimboard_session"]
	if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Path != "/" || sess.MaxAge <= 0 || sess.MaxAge > 12*3600 {
		t.Fatalf("session cookie = %+v", sess)
	}
	for _, p := range []string{"/api/v1/metrics", "/leaderboards/fps.csv", "/export/claims.csv", "/leaderboards/fps/feed.atom", "/healthz", "/readyz"} {
		fresh := newClient(t, s, "192.0.2.82")
		if rec, _ := fresh.get(p); len(rec.Result().Cookies()) != 0 {
			t.Errorf("GET %s sets cookies %v", p, rec.Result().Cookies())
		}
	}
	// Logging out ends the session in the database, not just in the browser.
	token := sess.Value
	cl.post("/logout", nil)
	replay := newClient(t, s, "192.0.2.83")
	replay.cookies["claimboard_session"] = &http.Cookie{Name: "claimboard_session", Value: token}
	if rec, _ := replay.get("/moderation"); rec.Code != http.StatusSeeOther {
		t.Fatalf("replayed session after logout = %d, want a redirect to the login", rec.Code)
	}
}

// Moderation without a valid session: pages redirect to the login, actions
// are 401, whatever session cookie is forged.
func TestModerationNeedsASession(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		for _, forged := range []string{"", "x", strings.Repeat("A", 43), "' OR 1=1--", "\xff\xfe"} {
			cl := newClient(t, s, "192.0.2.90")
			cl.get("/claims/1/corrections")
			if forged != "" {
				cl.cookies["claimboard_session"] = &http.Cookie{Name: "claimboard_session", Value: url.QueryEscape(forged)}
			}
			rec, _ := cl.get("/moderation")
			if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login") {
				t.Errorf("GET /moderation with session %q = %d %q", forged, rec.Code, rec.Header().Get("Location"))
			}
			for _, p := range []string{"/moderation/1/accept", "/moderation/1/reject", "/moderation/claims/1/verify", "/moderation/revisions/1/revert"} {
				if rec, _ := cl.post(p, url.Values{"version": {"1"}}); rec.Code != http.StatusUnauthorized {
					t.Errorf("POST %s with session %q = %d, want 401", p, forged, rec.Code)
				}
			}
		}
	})
}

// Login throttling per address: one address guessing many usernames is
// stopped after LoginMaxFailuresPerIP, while another address still may log in.
func TestLoginIsThrottledPerAddress(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	cl := newClient(t, s, "192.0.2.91")
	cl.get("/login")
	codes := map[int]int{}
	for i := range 25 {
		rec, _ := cl.post("/login", url.Values{"username": {fmt.Sprintf("user%d", i)}, "password": {"guess"}})
		codes[rec.Code]++
	}
	if codes[http.StatusTooManyRequests] == 0 || codes[http.StatusUnauthorized] > 20 {
		t.Fatalf("25 guesses from one address: %v, want 429 after 20 failures", codes)
	}
	rec, _ := cl.post("/login", url.Values{"username": {"alice"}, "password": {"a long test password"}})
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("right password from the throttled address = %d, want 429", rec.Code)
	}
	login(t, newClient(t, s, "192.0.2.92"), "alice")
}

// Nothing private reaches a public response: after a suggestion with a
// contact address is accepted (so it is on the public record), no page, CSV,
// feed or API answer contains the contact, the session token, the address
// hash or a password hash.
func TestNoPrivateDataInPublicResponses(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		const contact = "private.reader@example.org"
		visitor := newClient(t, s, "198.51.100.77")
		visitor.get("/claims/1/corrections")
		rec, doc := visitor.post("/claims/1/corrections", url.Values{"metric": {"fps"}, "value": {"290"}, "unit": {"FPS"},
			"qualifier": {"up_to"}, "reason": {"the PDF says 290"}, "contact": {contact}})
		if rec.Code != http.StatusCreated {
			t.Fatalf("suggestion = %d: %s", rec.Code, doc.Find("main").Text())
		}
		mustModerator(t, s, "alice")
		mod := newClient(t, s, "203.0.113.77")
		login(t, mod, "alice")
		_, doc = mod.get("/moderation")
		id := doc.Find(`[data-testid="pending"]`).AttrOr("data-correction-id", "")
		if rec, _ := mod.post("/moderation/"+id+"/accept", formValues(doc, `[data-testid="pending"] form`)); rec.Code != http.StatusSeeOther {
			t.Fatalf("accept = %d", rec.Code)
		}
		items, _, err := s.store.DecidedCorrections(context.Background(), 1, 10)
		if err != nil || len(items) != 1 {
			t.Fatalf("decided = %v, %v", items, err)
		}
		secrets := []string{contact, "private.reader", mod.cookies["claimboard_session"].Value, "$2a$", "$2b$"}
		if h := items[0].Correction.SubmitterIPHash; h != "" {
			secrets = append(secrets, h)
		}
		public := []string{"/", "/leaderboards/fps", "/leaderboards/fps.csv", "/export/claims.csv", "/leaderboards/fps/feed.atom",
			"/claims/1", "/papers/1", "/corrections", "/corrections/" + id, "/search?q=290", "/hardware/nvidia-rtx-3090",
			"/api/v1/metrics", "/api/v1/hardware", "/api/v1/leaderboards/fps", "/api/v1/claims/1", "/api/v1/papers/1"}
		anon := newClient(t, s, "198.51.100.78")
		for _, p := range public {
			for _, who := range []*client{anon, visitor} {
				rec, _ := who.get(p)
				if rec.Code != http.StatusOK {
					t.Errorf("GET %s = %d", p, rec.Code)
				}
				for _, secret := range secrets {
					if strings.Contains(rec.Body.String(), secret) {
						t.Errorf("GET %s shows %q", p, secret)
					}
				}
			}
		}
	})
}
