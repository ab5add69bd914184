package handlers_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// Open redirect after login (issue 18): browsers read "/\t/host" and
// "/\\host" as "//host", so every one of these must land on /moderation,
// both as the form's hidden field and as the redirect after a login.
func TestLoginNextNeverLeavesTheSite(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	attacks := []string{
		"//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "\\/evil.example",
		"/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\x00/evil.example", "\t//evil.example",
		" //evil.example", "/%09/evil.example", "/%0a/evil.example", "/%5Cevil.example", "/%2F/evil.example",
		"/%2f%2fevil.example", "https://evil.example/", "http:evil.example", "javascript:alert(1)",
		"evil.example", "", "/\u3000/evil.example", "/\u2028/evil.example", "//user@evil.example", "/x\\..\\..\\evil",
	}
	for _, next := range attacks {
		cl := newClient(t, s, "192.0.2.70")
		_, doc := cl.get("/login?next=" + url.QueryEscape(next))
		if got := doc.Find(`input[name="next"]`).AttrOr("value", ""); got != "/moderation" {
			t.Errorf("GET /login?next=%q: form carries next=%q", next, got)
		}
		rec, _ := cl.post("/login", url.Values{"username": {"alice"}, "password": {"a long test password"}, "next": {next}})
		if loc := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || loc != "/moderation" {
			t.Errorf("login with next=%q = %d to %q, want /moderation", next, rec.Code, loc)
		}
	}
	for _, next := range []string{"/moderation", "/claims/1?tab=history", "/papers/2/corrections"} {
		cl := newClient(t, s, "192.0.2.71")
		cl.get("/login")
		rec, _ := cl.post("/login", url.Values{"username": {"alice"}, "password": {"a long test password"}, "next": {next}})
		if loc := rec.Header().Get("Location"); loc != next {
			t.Errorf("login with the local next=%q went to %q", next, loc)
		}
	}
}

// POST /login takes credentials only from the body: the query string ends up
// in logs, history and Referer headers.
func TestLoginIgnoresQueryStringCredentials(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	cl := newClient(t, s, "192.0.2.72")
	cl.get("/login")
	q := url.Values{"username": {"alice"}, "password": {"a long test password"}, "next": {"/moderation"}}
	rec, _ := cl.post("/login?"+q.Encode(), url.Values{})
	if rec.Code != http.StatusUnauthorized || cl.cookies["claimboard_session"] != nil {
		t.Fatalf("credentials in the query string = %d, session %v; want 401 and no session", rec.Code, cl.cookies["claimboard_session"])
	}
}

// Logging in ends the browser's earlier session in the database, so a token
// someone saw or planted before does not outlive the next login.
func TestLoginEndsTheEarlierSession(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		mustModerator(t, s, "alice")
		cl := newClient(t, s, "192.0.2.73")
		login(t, cl, "alice")
		first := *cl.cookies["claimboard_session"]
		login(t, cl, "alice")
		if cl.cookies["claimboard_session"].Value == first.Value {
			t.Fatal("the second login kept the first token")
		}
		old := newClient(t, s, "192.0.2.74")
		old.cookies["claimboard_session"] = &first
		if rec, _ := old.get("/moderation"); rec.Code != http.StatusSeeOther {
			t.Fatalf("the earlier session still opens /moderation: %d", rec.Code)
		}
		if rec, _ := cl.get("/moderation"); rec.Code != http.StatusOK {
			t.Fatalf("the new session = %d", rec.Code)
		}
	})
}

// Wrong guesses from one address slow that address down for that name, but
// the moderator can still log in from elsewhere at once.
func TestGuessesDoNotLockTheModeratorOut(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		mustModerator(t, s, "alice")
		attacker := newClient(t, s, "203.0.113.66")
		attacker.get("/login")
		for i := range models.LoginMaxFailures + 3 {
			attacker.post("/login", url.Values{"username": {"alice"}, "password": {"guess" + strconv.Itoa(i)}})
		}
		login(t, newClient(t, s, "198.51.100.66"), "alice")
		rec, _ := attacker.post("/login", url.Values{"username": {"alice"}, "password": {"a long test password"}})
		retry, _ := strconv.Atoi(rec.Header().Get("Retry-After"))
		if rec.Code != http.StatusTooManyRequests || retry < 1 || retry > 60 {
			t.Fatalf("the guessing address = %d, Retry-After %q; want 429 within a minute", rec.Code, rec.Header().Get("Retry-After"))
		}
	})
}

// Per-address limits count an IPv6 address by its /64: one subscriber's
// addresses share the limit, the next /64 has its own.
func TestLimitsCountIPv6BySlash64(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	suggest := func(ip string) int {
		cl := newClient(t, s, "["+ip+"]")
		cl.get("/claims/1/corrections")
		rec, _ := cl.post("/claims/1/corrections", url.Values{"not_a_claim": {"1"}, "reason": {"from " + ip}})
		return rec.Code
	}
	for i := range models.SubmissionsPerIP {
		if code := suggest("2001:db8:1:2::" + strconv.FormatInt(int64(i+1), 16)); code != http.StatusCreated {
			t.Fatalf("suggestion %d = %d", i+1, code)
		}
	}
	if code := suggest("2001:db8:1:2:ffff:ffff:ffff:ffff"); code != http.StatusTooManyRequests {
		t.Fatalf("another address in the same /64 = %d, want 429", code)
	}
	if code := suggest("2001:db8:1:3::1"); code != http.StatusCreated {
		t.Fatalf("the next /64 = %d, want 201", code)
	}
}

// The request log never holds the client's address (issue 18): beside a
// suggestion's POST it would undo the hashed-address design. It holds the
// keyed hash instead.
func TestRequestLogHasNoClientAddress(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	var logs bytes.Buffer
	s.e = handlers.New(handlers.Config{Store: s.store, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	const ip = "198.51.100.213"
	cl := newClient(t, s, ip)
	cl.get("/claims/1/corrections")
	if rec, _ := cl.post("/claims/1/corrections", url.Values{"not_a_claim": {"1"}, "reason": {"logged?"}}); rec.Code != http.StatusCreated {
		t.Fatalf("suggestion = %d", rec.Code)
	}
	cl.post("/login", url.Values{"username": {"alice"}, "password": {"wrong password"}})
	out := logs.String()
	if !strings.Contains(out, "method=POST") {
		t.Fatalf("no POST logged:\n%s", out)
	}
	if strings.Contains(out, ip) || strings.Contains(out, "remote=") {
		t.Fatalf("the request log holds the client's address:\n%s", out)
	}
	key, err := s.store.AddressKey(t.Context(), ip)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "addr="+key) {
		t.Fatalf("the request log lacks the keyed address hash %s:\n%s", key, out)
	}
}
