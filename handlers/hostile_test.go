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

// hostile are the values attackers and broken clients send: numbers out of
// range, non-numbers, text too long, bytes that are not text, SQL, markup and
// spreadsheet formulas.
var hostile = []struct{ name, v string }{
	{"huge", "99999999999999999999999"},
	{"negative", "-1"},
	{"very negative", "-1e308"},
	{"NaN", "NaN"},
	{"Inf", "Inf"},
	{"-Inf", "-Inf"},
	{"1e309", "1e309"},
	{"10k chars", strings.Repeat("A", 10_000)},
	{"invalid UTF-8", "\xff\xfe\xfd"},
	{"NUL", "a\x00b"},
	{"unknown slug", "no-such-slug-xyz"},
	{"SQL", "1' OR '1'='1' --"},
	{"SQL union", "1 UNION SELECT contact FROM corrections--"},
	{"HTML", `<script>alert("xss-marker")</script>`},
	{"attribute", `"><img src=x onerror=alert(1)>`},
	{"CSV formula", `=HYPERLINK("http://evil.example","x")`},
}

// htmlMarkers are the parts of the markup payloads that must never appear
// unescaped in any response.
var htmlMarkers = []string{`<script>alert("xss-marker")`, `<img src=x onerror`}

// assertSafe fails on a 5xx, on a refusal without a message, and on a markup
// payload rendered as markup.
func assertSafe(t *testing.T, what string, code int, body string) {
	t.Helper()
	if code >= 500 {
		t.Fatalf("%s = %d, want no 5xx:\n%.400s", what, code, body)
	}
	if code >= 400 && len(strings.TrimSpace(body)) == 0 {
		t.Fatalf("%s = %d with an empty body, want a message", what, code)
	}
	for _, m := range htmlMarkers {
		if strings.Contains(body, m) {
			t.Fatalf("%s rendered the payload %q unescaped", what, m)
		}
	}
}

// leaderboardAccepts lists the hostile values a leaderboard parameter may
// legitimately take (a search for SQL text is a search); every other pair
// must be refused with a 4xx.
func leaderboardAccepts(param, name string) bool {
	switch param {
	case "q":
		return name != "10k chars" && name != "invalid UTF-8" && name != "NUL"
	case "min", "max":
		return name == "huge" || name == "negative" || name == "very negative"
	case "hardware":
		// Digits and dashes make valid slugs that match no device.
		return name == "unknown slug" || name == "huge" || name == "negative" || name == "very negative" || name == "1e309"
	}
	return false
}

func TestHostileQueryParameters(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		tried := 0
		params := []string{"sort", "order", "hardware", "qualifier", "status", "q", "min", "max", "year", "has_code", "page", "per_page"}
		for _, path := range []string{"/leaderboards/fps", "/leaderboards/fps.csv", "/api/v1/leaderboards/fps"} {
			for _, p := range params {
				for _, h := range hostile {
					target := path + "?" + url.Values{p: {h.v}}.Encode()
					rec := s.do(t, target, nil)
					what := fmt.Sprintf("GET %s %s=%s", path, p, h.name)
					assertSafe(t, what, rec.Code, rec.Body.String())
					if want4xx := !leaderboardAccepts(p, h.name); want4xx && (rec.Code < 400 || rec.Code >= 500) {
						t.Errorf("%s = %d, want a 4xx refusal", what, rec.Code)
					}
					if rec.Code >= 400 && strings.HasPrefix(path, "/api/") && !strings.Contains(rec.Body.String(), `"error"`) {
						t.Errorf("%s: API refusal is not JSON: %.200s", what, rec.Body.String())
					}
					tried++
				}
				// Repeating a single-valued parameter is ambiguous, so it is refused.
				rec := s.do(t, path+"?"+p+"=1&"+p+"=2", nil)
				repeatable := p == "hardware" || p == "qualifier" || p == "status"
				if !repeatable && (rec.Code < 400 || rec.Code >= 500) {
					t.Errorf("GET %s with %s twice = %d, want 4xx", path, p, rec.Code)
				}
				assertSafe(t, "repeated "+p, rec.Code, rec.Body.String())
				tried++
			}
			// Malformed query strings are refused; unknown parameters (tracking
			// tags of shared links) are ignored.
			for _, raw := range []string{"a;b=c", "%zz=1", "q=%"} {
				rec := s.do(t, path+"?"+raw, nil)
				assertSafe(t, "GET "+path+"?"+raw[:min(len(raw), 20)], rec.Code, rec.Body.String())
				if rec.Code < 400 {
					t.Errorf("GET %s?%.20s = %d, want 4xx", path, raw, rec.Code)
				}
				tried++
			}
			for _, raw := range []string{"nope=1", strings.Repeat("x=1&", 60)} {
				rec := s.do(t, path+"?"+raw, nil)
				assertSafe(t, "GET "+path+"?"+raw[:min(len(raw), 20)], rec.Code, rec.Body.String())
				if rec.Code != 200 {
					t.Errorf("GET %s?%.20s = %d, want 200 (unknown parameters are ignored)", path, raw, rec.Code)
				}
				tried++
			}
		}
		// Other pages' parameters and every path parameter.
		for _, h := range hostile {
			for _, target := range []string{
				"/search?" + url.Values{"q": {h.v}}.Encode(),
				"/corrections?" + url.Values{"page": {h.v}}.Encode(),
				"/login?" + url.Values{"next": {h.v}}.Encode(),
				"/leaderboards/" + url.PathEscape(h.v),
				"/leaderboards/" + url.PathEscape(h.v) + ".csv",
				"/leaderboards/" + url.PathEscape(h.v) + "/feed.atom",
				"/api/v1/leaderboards/" + url.PathEscape(h.v),
				"/papers/" + url.PathEscape(h.v),
				"/claims/" + url.PathEscape(h.v),
				"/claims/" + url.PathEscape(h.v) + "/corrections",
				"/hardware/" + url.PathEscape(h.v),
				"/corrections/" + url.PathEscape(h.v),
				"/api/v1/papers/" + url.PathEscape(h.v),
				"/api/v1/claims/" + url.PathEscape(h.v),
				"/api/v1/metrics?" + url.Values{"x": {h.v}}.Encode(),
			} {
				rec := s.do(t, target, nil)
				assertSafe(t, fmt.Sprintf("GET %.60s (%s)", target, h.name), rec.Code, rec.Body.String())
				tried++
			}
		}
		t.Logf("%d hostile GET requests, none answered 5xx", tried)
	})
}

// formAccepts lists the hostile values a correction form field may take
// (free text stays free text); every other pair is sent back with 422.
func formAccepts(field, name string) bool {
	switch field {
	case "value":
		return name == "huge" || name == "negative" || name == "very negative"
	case "value_high":
		return name == "huge" // below value (300) is refused
	case "unit": // 40 characters at most
		return name != "10k chars" && name != "invalid UTF-8" && name != "NUL" && name != "SQL union"
	case "hardware": // 100 characters at most
		return name != "10k chars" && name != "invalid UTF-8" && name != "NUL"
	case "baseline", "subject", "condition":
		return name != "invalid UTF-8" && name != "NUL" && name != "10k chars"
	case "reason":
		return name != "invalid UTF-8" && name != "NUL" && name != "10k chars"
	}
	return false
}

func TestHostileFormFields(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		mustModerator(t, s, "mod")
		ctx := context.Background()
		fields := []string{"value", "value_high", "unit", "metric", "qualifier", "hardware", "hardware_count",
			"baseline", "subject", "condition", "evidence", "reason", "contact"}
		tried, stored := 0, 0
		for fi, field := range fields {
			for hi, h := range hostile {
				// A fresh address per post keeps the per-address limit out of the way.
				cl := newClient(t, s, fmt.Sprintf("10.9.%d.%d", fi, hi+1))
				cl.get("/claims/1/corrections")
				form := url.Values{"metric": {"fps"}, "value": {"300"}, "unit": {"FPS"}, "reason": {"hostile test"}}
				form.Set(field, h.v)
				rec, _ := cl.post("/claims/1/corrections", form)
				what := fmt.Sprintf("POST correction %s=%s", field, h.name)
				assertSafe(t, what, rec.Code, rec.Body.String())
				switch {
				case rec.Code == http.StatusCreated:
					stored++
					if !formAccepts(field, h.name) {
						t.Errorf("%s = 201, want 422", what)
					}
				case rec.Code == http.StatusUnprocessableEntity:
					if formAccepts(field, h.name) {
						t.Errorf("%s = 422, want 201", what)
					}
				default:
					t.Errorf("%s = %d, want 201 or 422", what, rec.Code)
				}
				tried++
			}
		}
		// What was stored is shown to moderators escaped.
		mod := newClient(t, s, "10.8.0.1")
		login(t, mod, "mod")
		rec, _ := mod.get("/moderation")
		assertSafe(t, "GET /moderation", rec.Code, rec.Body.String())
		pending, err := s.store.PendingCorrections(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(pending) != stored {
			t.Fatalf("acknowledged %d suggestions, %d pending in the database", stored, len(pending))
		}
		// The login form: hostile names, passwords and redirect targets.
		for i, h := range hostile {
			for _, field := range []string{"username", "password", "next"} {
				cl := newClient(t, s, fmt.Sprintf("10.7.%d.1", i))
				cl.get("/login")
				form := url.Values{"username": {"mod"}, "password": {"wrong password"}, "next": {"/moderation"}}
				form.Set(field, h.v)
				rec, _ := cl.post("/login", form)
				assertSafe(t, "POST /login "+field+"="+h.name, rec.Code, rec.Body.String())
				if loc := rec.Header().Get("Location"); loc != "" && !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") {
					t.Errorf("POST /login %s=%s redirects off site to %q", field, h.name, loc)
				}
				tried++
			}
		}
		t.Logf("%d hostile form posts, %d stored as typed, none answered 5xx", tried, stored)
	})
}
