package handlers_test

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/handlers"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func TestSuggestModerateAndRecord(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		visitor := newClient(t, s, "198.51.100.7")

		// The form is prefilled with the claim and carries every schema field.
		rec, doc := visitor.get("/claims/1/corrections")
		if rec.Code != 200 {
			t.Fatalf("form status %d", rec.Code)
		}
		form := formValues(doc, `[data-testid="correction-form"]`)
		for _, name := range []string{"_csrf", "value", "value_high", "unit", "metric", "qualifier", "hardware", "hardware_count",
			"baseline", "subject", "condition", "evidence", "reason", "contact", "website"} {
			if _, ok := form[name]; !ok {
				t.Errorf("form has no field %q", name)
			}
		}
		if form.Get("value") != "277" || form.Get("metric") != "fps" || form.Get("qualifier") != "up_to" || form.Get("_csrf") == "" {
			t.Fatalf("form not prefilled: %v", form)
		}
		if doc.Find(`input[name="not_a_claim"]`).Length() != 1 {
			t.Fatal("no not_a_claim checkbox")
		}

		// Errors come back per field with what was typed (422).
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("value", "lots")
		bad.Set("reason", "")
		bad.Set("subject", "my <b>typed</b> subject")
		rec, doc = visitor.post("/claims/1/corrections", bad)
		if rec.Code != http.StatusUnprocessableEntity {
			t.Fatalf("invalid form status %d", rec.Code)
		}
		if doc.Find(`[data-testid="error-value"]`).Length() != 1 || doc.Find(`[data-testid="error-reason"]`).Length() != 1 {
			t.Fatalf("missing field errors: %s", doc.Find("form").Text())
		}
		if v, _ := doc.Find(`input[name="value"]`).Attr("value"); v != "lots" {
			t.Fatalf("typed value lost: %q", v)
		}
		if v, _ := doc.Find(`input[name="subject"]`).Attr("value"); v != "my <b>typed</b> subject" {
			t.Fatalf("typed subject lost: %q", v)
		}

		// A valid suggestion with a script in the reason.
		form.Set("value", "290")
		form.Set("reason", `<script>alert("x")</script> the PDF says 290`)
		form.Set("contact", "reader@example.org")
		rec, doc = visitor.post("/claims/1/corrections", form)
		if rec.Code != http.StatusCreated {
			t.Fatalf("submit status %d: %s", rec.Code, doc.Find("main").Text())
		}
		link, _ := doc.Find(`[data-testid="suggestion-link"]`).Attr("href")
		rec, doc = visitor.get(link)
		if rec.Code != 200 || doc.Find(`[data-testid="status"]`).Text() != "pending" {
			t.Fatalf("GET %s = %d %q", link, rec.Code, doc.Find(`[data-testid="status"]`).Text())
		}
		if strings.Contains(rec.Body.String(), `<script>alert`) || !strings.Contains(doc.Find(`[data-testid="reason"]`).Text(), "<script>") {
			t.Fatal("reason not escaped")
		}
		if strings.Contains(rec.Body.String(), "reader@example.org") {
			t.Fatal("contact shown publicly")
		}

		// Moderation needs a session: pages redirect, actions are 401.
		rec, _ = visitor.get("/moderation")
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login?next=%2Fmoderation" {
			t.Fatalf("anonymous /moderation = %d %q", rec.Code, rec.Header().Get("Location"))
		}
		for _, target := range []string{"/moderation/1/accept", "/moderation/1/reject", "/moderation/claims/1/verify", "/moderation/revisions/1/revert"} {
			if rec, _ := visitor.post(target, nil); rec.Code != http.StatusUnauthorized {
				t.Errorf("anonymous POST %s = %d, want 401", target, rec.Code)
			}
			if rec, _ := visitor.do(http.MethodPost, target, url.Values{}); rec.Code != http.StatusUnauthorized {
				t.Errorf("anonymous POST %s without token = %d, want 401", target, rec.Code)
			}
		}

		// Log in: wrong password, then right; the cookie is locked down.
		mustModerator(t, s, "alice")
		mod := newClient(t, s, "203.0.113.9")
		mod.get("/login")
		if rec, doc := mod.post("/login", url.Values{"username": {"alice"}, "password": {"nope"}}); rec.Code != 401 ||
			doc.Find(`[data-testid="login-error"]`).Length() != 1 {
			t.Fatalf("wrong password = %d", rec.Code)
		}
		login(t, mod, "alice")
		sess := mod.cookies["claimboard_session"]
		if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Expires.IsZero() || sess.Secure {
			t.Fatalf("session cookie = %+v", sess)
		}

		rec, doc = mod.get("/moderation")
		if rec.Code != 200 {
			t.Fatalf("queue status %d", rec.Code)
		}
		item := doc.Find(`[data-testid="pending"]`)
		if item.Length() != 1 || item.Find(`[data-testid="contact"]`).Text() != "reader@example.org" {
			t.Fatalf("queue = %q", item.Text())
		}
		row := item.Find(`[data-testid="field-value"]`)
		if row.Find(`[data-testid="current"]`).Text() != "277" || row.Find(`[data-testid="proposed"] mark`).Text() != "290" {
			t.Fatalf("side by side = %q", row.Text())
		}
		decision := formValues(doc, `[data-testid="pending"] form`)
		decision.Set("note", "matches the PDF")
		id := item.AttrOr("data-correction-id", "")
		rec, _ = mod.post("/moderation/"+id+"/accept", decision)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("accept = %d", rec.Code)
		}
		// The same decision again is a clear conflict.
		rec, doc = mod.post("/moderation/"+id+"/accept", decision)
		if rec.Code != http.StatusConflict || !strings.Contains(doc.Find(`[data-testid="error-message"]`).Text(), "already accepted") {
			t.Fatalf("second accept = %d %q", rec.Code, doc.Find(`[data-testid="error-message"]`).Text())
		}

		_, doc = visitor.get("/leaderboards/fps")
		if got := doc.Find(`[data-claim-id="1"] [data-testid="value"]`).Text(); got != "290 FPS" {
			t.Fatalf("leaderboard value = %q", got)
		}
		_, doc = visitor.get("/claims/1")
		if doc.Find(`[data-testid="claim-status"]`).Text() != "corrected" || doc.Find(`[data-testid="revision"]`).Length() != 1 {
			t.Fatalf("claim page: status %q, history %q", doc.Find(`[data-testid="claim-status"]`).Text(), doc.Find(`[data-testid="history"]`).Text())
		}
		if doc.Find(`[data-testid="revert-form"]`).Length() != 0 || doc.Find(`[data-testid="verify-form"]`).Length() != 0 {
			t.Fatal("visitors see moderator controls")
		}
		_, doc = visitor.get("/corrections")
		if doc.Find(`[data-testid="correction"]`).Length() != 1 || strings.Contains(doc.Text(), "reader@example.org") ||
			!strings.Contains(doc.Find(`[data-testid="decision"]`).Text(), "alice") {
			t.Fatalf("public record = %q", doc.Find("main").Text())
		}

		// The moderator reverts the change from the claim page, then verifies.
		_, doc = mod.get("/claims/1")
		rec, _ = mod.post(doc.Find(`[data-testid="revert-form"]`).AttrOr("action", ""), formValues(doc, `[data-testid="revert-form"]`))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("revert = %d", rec.Code)
		}
		_, doc = mod.get("/claims/1")
		if doc.Find(`[data-testid="claim-value"]`).Text() != "277 FPS" || doc.Find(`[data-testid="revision"]`).Length() != 2 {
			t.Fatalf("after revert: %q, %d revisions", doc.Find(`[data-testid="claim-value"]`).Text(), doc.Find(`[data-testid="revision"]`).Length())
		}
		stale := formValues(doc, `[data-testid="verify-form"]`)
		rec, _ = mod.post("/moderation/claims/1/verify", stale)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("verify = %d", rec.Code)
		}
		// A form from before the verification carries an old version: conflict.
		rec, _ = mod.post(doc.Find(`[data-testid="revert-form"]`).First().AttrOr("action", ""), formValues(doc, `[data-testid="revert-form"]`))
		if rec.Code != http.StatusConflict {
			t.Fatalf("stale revert = %d, want 409", rec.Code)
		}

		// Logging out ends the session in the database.
		old := *mod.cookies["claimboard_session"]
		_, doc = mod.get("/moderation")
		if rec, _ := mod.post("/logout", formValues(doc, `form[action="/logout"]`)); rec.Code != http.StatusSeeOther {
			t.Fatalf("logout = %d", rec.Code)
		}
		mod.cookies["claimboard_session"] = &old
		if rec, _ := mod.get("/moderation"); rec.Code != http.StatusSeeOther {
			t.Fatalf("old session after logout = %d", rec.Code)
		}
	})
}

func TestMissingClaimReport(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	cl := newClient(t, s, "198.51.100.8")
	rec, doc := cl.get("/papers/1/corrections")
	if rec.Code != 200 || doc.Find(`[data-testid="abstract"]`).Length() != 1 {
		t.Fatalf("missing-claim form = %d", rec.Code)
	}
	if doc.Find(`input[name="not_a_claim"]`).Length() != 0 {
		t.Fatal("a missing claim cannot be 'not a claim'")
	}
	form := formValues(doc, `[data-testid="correction-form"]`)
	form.Set("metric", "fps")
	form.Set("value", "583")
	form.Set("evidence", "583 FPS on a toaster")
	form.Set("reason", "missed")
	rec, doc = cl.post("/papers/1/corrections", form)
	if rec.Code != 422 || !strings.Contains(doc.Find(`[data-testid="error-evidence"]`).Text(), "abstract") {
		t.Fatalf("evidence not in abstract = %d %q", rec.Code, doc.Find(`[data-testid="error-evidence"]`).Text())
	}
	form.Set("evidence", "583 FPS on an RTX 4090 GPU")
	if rec, _ = cl.post("/papers/1/corrections", form); rec.Code != http.StatusCreated {
		t.Fatalf("missing claim = %d", rec.Code)
	}
	_, doc = cl.get("/papers/1")
	if href, _ := doc.Find(`[data-testid="report-missing"]`).Attr("href"); href != "/papers/1/corrections" {
		t.Fatalf("paper page link = %q", href)
	}
}

// Every POST route refuses a request without the visitor's CSRF token, even
// from a logged-in moderator.
func TestEveryPostNeedsCSRFToken(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	mod := newClient(t, s, "203.0.113.9")
	login(t, mod, "alice")
	n := 0
	for _, r := range s.e.Routes() {
		if r.Method != http.MethodPost {
			continue
		}
		n++
		target := strings.NewReplacer(":id", "1").Replace(r.Path)
		for name, token := range map[string]string{"missing": "", "forged": strings.Repeat("A", 43)} {
			form := url.Values{"reason": {"x"}, "not_a_claim": {"1"}, "username": {"alice"}, "password": {"a long test password"}}
			if token != "" {
				form.Set("_csrf", token)
			}
			if rec, _ := mod.do(http.MethodPost, target, form); rec.Code != http.StatusForbidden {
				t.Errorf("POST %s with %s token = %d, want 403", target, name, rec.Code)
			}
		}
	}
	if n < 8 {
		t.Fatalf("only %d POST routes", n)
	}
	if items, _ := s.store.PendingCorrections(context.Background()); len(items) != 0 {
		t.Fatalf("a refused POST stored %d suggestions", len(items))
	}
}

func TestSubmissionLimitsAndHoneypot(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	cl := newClient(t, s, "198.51.100.9")
	cl.get("/claims/1/corrections")
	suggest := func(extra ...string) *httptest.ResponseRecorder {
		form := url.Values{"not_a_claim": {"1"}, "reason": {"spam"}}
		for i := 0; i+1 < len(extra); i += 2 {
			form.Set(extra[i], extra[i+1])
		}
		rec, _ := cl.post("/claims/1/corrections", form)
		return rec
	}
	if rec := suggest("website", "http://spam.example"); rec.Code != 200 {
		t.Fatalf("honeypot = %d", rec.Code)
	}
	if items, _ := s.store.PendingCorrections(context.Background()); len(items) != 0 {
		t.Fatal("honeypot suggestion stored")
	}
	for i := 0; i < models.SubmissionsPerIP; i++ {
		if rec := suggest(); rec.Code != http.StatusCreated {
			t.Fatalf("suggestion %d = %d", i+1, rec.Code)
		}
	}
	rec := suggest()
	retry, _ := strconv.Atoi(rec.Header().Get("Retry-After"))
	if rec.Code != http.StatusTooManyRequests || retry < 1 || retry > 3600 {
		t.Fatalf("over the limit = %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	other := newClient(t, s, "198.51.100.10")
	other.get("/claims/1/corrections")
	if rec, _ := other.post("/claims/1/corrections", url.Values{"not_a_claim": {"1"}, "reason": {"ok"}}); rec.Code != http.StatusCreated {
		t.Fatalf("another address = %d", rec.Code)
	}
	big := url.Values{"not_a_claim": {"1"}, "reason": {strings.Repeat("x", 100<<10)}}
	if rec, _ := other.post("/claims/1/corrections", big); rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("100 KB form = %d, want 413", rec.Code)
	}
}

func TestLoginIsThrottled(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	cl := newClient(t, s, "192.0.2.50")
	cl.get("/login")
	for i := 0; i < models.LoginMaxFailures; i++ {
		if rec, _ := cl.post("/login", url.Values{"username": {"alice"}, "password": {"guess" + strconv.Itoa(i)}}); rec.Code != 401 {
			t.Fatalf("failure %d = %d", i+1, rec.Code)
		}
	}
	rec, _ := cl.post("/login", url.Values{"username": {"alice"}, "password": {"a long test password"}})
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("login after %d failures = %d, Retry-After %q", models.LoginMaxFailures, rec.Code, rec.Header().Get("Retry-After"))
	}
	if rec, _ := cl.post("/login", url.Values{"username": {"alice"}, "password": {"x"}, "next": {"//evil.example"}}); rec.Header().Get("Location") != "" {
		t.Fatalf("redirected to %q", rec.Header().Get("Location"))
	}
}

// Sessions and CSRF tokens hold no state in a process: a moderator who logs
// in through one server can act through another on the same database.
func TestSessionsWorkAcrossProcesses(t *testing.T) {
	dsn := testdb.SQLiteURL(t)
	a := mustSite(t, dsn)
	mustModerator(t, a, "alice")
	b := site{e: handlers.New(handlers.Config{Store: testdb.MustOpen(t, dsn), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})}
	cl := newClient(t, a, "203.0.113.20")
	login(t, cl, "alice")
	cl.s = b
	rec, doc := cl.get("/claims/1")
	if rec.Code != 200 || doc.Find(`[data-testid="verify-form"]`).Length() != 1 {
		t.Fatalf("second process does not know the session: %d", rec.Code)
	}
	if rec, _ := cl.post("/moderation/claims/1/verify", formValues(doc, `[data-testid="verify-form"]`)); rec.Code != http.StatusSeeOther {
		t.Fatalf("verify through the second process = %d", rec.Code)
	}
}

// Two moderators review two suggestions for one claim at once: the first
// accept wins; the second gets a clear conflict, and its suggestion stays
// pending, shown against the new values.
func TestTwoModeratorsOneClaim(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		mustModerator(t, s, "alice")
		mustModerator(t, s, "bob")
		visitor := newClient(t, s, "198.51.100.30")
		for _, v := range []string{"290", "300"} {
			_, doc := visitor.get("/claims/1/corrections")
			form := formValues(doc, `[data-testid="correction-form"]`)
			form.Set("value", v)
			form.Set("reason", "table "+v)
			if rec, _ := visitor.post("/claims/1/corrections", form); rec.Code != http.StatusCreated {
				t.Fatalf("suggest %s = %d", v, rec.Code)
			}
		}
		alice, bob := newClient(t, s, "203.0.113.1"), newClient(t, s, "203.0.113.2")
		login(t, alice, "alice")
		login(t, bob, "bob")
		_, aq := alice.get("/moderation")
		_, bq := bob.get("/moderation")
		accept := func(cl *client, queue *goquery.Document, i int) (*httptest.ResponseRecorder, *goquery.Document) {
			item := queue.Find(`[data-testid="pending"]`).Eq(i)
			form := url.Values{"_csrf": {queue.Find(`input[name="_csrf"]`).First().AttrOr("value", "")}, "version": {item.Find(`input[name="version"]`).AttrOr("value", "")}}
			return cl.post("/moderation/"+item.AttrOr("data-correction-id", "")+"/accept", form)
		}
		if rec, _ := accept(alice, aq, 0); rec.Code != http.StatusSeeOther {
			t.Fatalf("alice accepts = %d", rec.Code)
		}
		rec, doc := accept(bob, bq, 1)
		msg := doc.Find(`[data-testid="error-message"]`).Text()
		if rec.Code != http.StatusConflict || !strings.Contains(msg, "changed by another moderator") || !strings.Contains(msg, "Reload") {
			t.Fatalf("bob's stale accept = %d %q", rec.Code, msg)
		}
		_, bq = bob.get("/moderation")
		item := bq.Find(`[data-testid="pending"]`)
		if item.Length() != 1 || item.Find(`[data-testid="field-value"] [data-testid="current"]`).Text() != "290" ||
			item.Find(`[data-testid="field-value"] [data-testid="proposed"]`).Text() != "300" {
			t.Fatalf("bob's reloaded queue = %q", item.Text())
		}
		if rec, _ := accept(bob, bq, 0); rec.Code != http.StatusSeeOther {
			t.Fatalf("bob accepts after reloading = %d", rec.Code)
		}
		_, doc = visitor.get("/claims/1")
		if doc.Find(`[data-testid="claim-value"]`).Text() != "300 FPS" || doc.Find(`[data-testid="revision"]`).Length() != 2 {
			t.Fatalf("claim after both = %q with %d revisions", doc.Find(`[data-testid="claim-value"]`).Text(), doc.Find(`[data-testid="revision"]`).Length())
		}
	})
}

// Over TLS the session and CSRF cookies are Secure; the session cookie has an
// expiry and neither is readable by scripts.
func TestCookiesOverTLS(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	send := func(method, target string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, "https://claimboard.example"+target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.TLS = &tls.ConnectionState{}
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		s.e.ServeHTTP(rec, req)
		return rec
	}
	csrf := send(http.MethodGet, "/login", url.Values{}).Result().Cookies()[0]
	if csrf.Name != "_csrf" || !csrf.Secure || !csrf.HttpOnly {
		t.Fatalf("csrf cookie over TLS = %+v", csrf)
	}
	rec := send(http.MethodPost, "/login", url.Values{"_csrf": {csrf.Value}, "username": {"alice"}, "password": {"a long test password"}}, csrf)
	var sess *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == "claimboard_session" {
			sess = c
		}
	}
	if rec.Code != http.StatusSeeOther || sess == nil || !sess.Secure || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.MaxAge <= 0 {
		t.Fatalf("login over TLS = %d, session cookie %+v", rec.Code, sess)
	}
}

// A site that can plant cookies for our domain can make a matching _csrf
// cookie and field, which passes a plain double-submit check. A moderator's
// forms carry a token tied to the session instead, so that pair is refused,
// while visitors without a session keep the double-submit token.
func TestModeratorFormsNeedTheSessionsToken(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	mustModerator(t, s, "alice")
	mod := newClient(t, s, "203.0.113.21")
	login(t, mod, "alice")
	_, doc := mod.get("/claims/1")
	form := formValues(doc, `[data-testid="verify-form"]`)
	pageToken := form.Get("_csrf")
	session := mod.cookies["claimboard_session"].Value
	if pageToken == "" || pageToken == mod.cookies["_csrf"].Value || strings.Contains(doc.Text(), session) {
		t.Fatalf("moderator's form token %q: empty, equal to the cookie, or the page shows the session", pageToken)
	}
	planted := strings.Repeat("P", 43)
	mod.cookies["_csrf"] = &http.Cookie{Name: "_csrf", Value: planted}
	forged := formValues(doc, `[data-testid="verify-form"]`)
	forged.Set("_csrf", planted)
	if rec, _ := mod.do(http.MethodPost, "/moderation/claims/1/verify", forged); rec.Code != http.StatusForbidden {
		t.Fatalf("planted cookie and field pair with a moderator's session = %d, want 403", rec.Code)
	}
	if rec, _ := mod.post("/moderation/claims/1/verify", form); rec.Code != http.StatusSeeOther {
		t.Fatalf("the page's own token = %d, want 303", rec.Code)
	}
	visitor := newClient(t, s, "198.51.100.21")
	_, doc = visitor.get("/claims/1/corrections")
	suggestion := formValues(doc, `[data-testid="correction-form"]`)
	suggestion.Set("reason", "not a measurement")
	suggestion.Set("not_a_claim", "1")
	if suggestion.Get("_csrf") != visitor.cookies["_csrf"].Value {
		t.Fatal("a visitor's form token is not the double-submit cookie")
	}
	if rec, _ := visitor.post("/claims/1/corrections", suggestion); rec.Code != http.StatusCreated {
		t.Fatalf("visitor's suggestion = %d", rec.Code)
	}
}
