package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// parallelPosts sends n copies of form to target at once, as cl (its
// cookies and CSRF token), and counts the answers by status.
func parallelPosts(t *testing.T, cl *client, target string, form url.Values, n int) map[int]int {
	t.Helper()
	form.Set("_csrf", cl.formToken)
	body := form.Encode()
	var (
		mu    sync.Mutex
		codes = map[int]int{}
		wg    sync.WaitGroup
		start = make(chan struct{})
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.RemoteAddr = cl.ip + ":40000"
			for _, c := range cl.cookies {
				req.AddCookie(c)
			}
			<-start
			rec := httptest.NewRecorder()
			cl.s.e.ServeHTTP(rec, req)
			mu.Lock()
			codes[rec.Code]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return codes
}

// The attack of issue 18: 300 wrong passwords for one moderator from one
// address at the same moment. Each attempt is reserved before bcrypt runs,
// so no more than the limit are checked, and the rest wait.
func TestParallelGuessesAreCheckedOnlyUpToTheLimit(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		mustModerator(t, s, "alice")
		cl := newClient(t, s, "192.0.2.60")
		cl.get("/login")
		before := s.store.PasswordChecks()
		codes := parallelPosts(t, cl, "/login", url.Values{"username": {"alice"}, "password": {"wrong guess"}}, 300)
		checks := s.store.PasswordChecks() - before
		var recorded int64
		if err := testdb.SQL(t, dsn).QueryRow("SELECT COUNT(*) FROM login_failures WHERE username = 'alice'").Scan(&recorded); err != nil {
			t.Fatal(err)
		}
		t.Logf("300 parallel guesses: %v, %d password checks, %d failures recorded", codes, checks, recorded)
		if recorded > models.LoginMaxFailures || checks > models.LoginMaxFailures {
			t.Fatalf("300 parallel guesses: %d checked, %d recorded; the limit is %d", checks, recorded, models.LoginMaxFailures)
		}
		if codes[http.StatusUnauthorized] != models.LoginMaxFailures || codes[http.StatusTooManyRequests] != 300-models.LoginMaxFailures {
			t.Fatalf("answers = %v, want %d × 401 and the rest 429", codes, models.LoginMaxFailures)
		}
	})
}

// The same race on suggestions: 100 parallel posts from one address store
// no more than the hourly limit.
func TestParallelSuggestionsStoreOnlyTheLimit(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		cl := newClient(t, s, "198.51.100.60")
		cl.get("/claims/1/corrections")
		codes := parallelPosts(t, cl, "/claims/1/corrections", url.Values{"not_a_claim": {"1"}, "reason": {"flood"}}, 100)
		items, err := s.store.PendingCorrections(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("100 parallel suggestions: %v, %d stored", codes, len(items))
		if len(items) > models.SubmissionsPerIP || codes[http.StatusCreated] != len(items) {
			t.Fatalf("100 parallel suggestions stored %d (answers %v); the limit is %d", len(items), codes, models.SubmissionsPerIP)
		}
		if len(items) != models.SubmissionsPerIP || codes[http.StatusTooManyRequests] != 100-models.SubmissionsPerIP {
			t.Fatalf("stored %d, answers %v: want exactly %d stored and the rest 429", len(items), codes, models.SubmissionsPerIP)
		}
	})
}
