package models_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// waitOf is the wait a refused login asks for, or 0 when it was not refused.
func waitOf(err error) time.Duration {
	var limit *models.LimitError
	if errors.As(err, &limit) {
		return limit.Wait
	}
	return 0
}

// Wrong guesses slow down one (username, address) pair, more with every
// further failure, but never lock the moderator out: the right password
// from another address works at once, and from the same one after the wait.
func TestLoginDelayGrowsPerPairOnly(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		if _, err := s.AddModerator(ctx, "bob", "long enough password"); err != nil {
			t.Fatal(err)
		}
		t0 := time.Now().UTC().Truncate(time.Second)
		for i := range models.LoginMaxFailures {
			if _, err := s.AuthenticateAt(ctx, "bob", "wrong", "addr-a", t0.Add(time.Duration(i)*time.Second)); models.ErrorCode(err) != models.EUnauthorized {
				t.Fatalf("failure %d: %v", i+1, err)
			}
		}
		last := t0.Add(time.Duration(models.LoginMaxFailures-1) * time.Second)
		checks := s.PasswordChecks()
		_, err := s.AuthenticateAt(ctx, "bob", "long enough password", "addr-a", last.Add(30*time.Second))
		if models.ErrorCode(err) != models.ETooMany || waitOf(err) != 30*time.Second {
			t.Fatalf("right password 30 s after %d failures: %v (wait %v), want a 30 s wait", models.LoginMaxFailures, err, waitOf(err))
		}
		if s.PasswordChecks() != checks {
			t.Fatal("a refused attempt still ran bcrypt")
		}
		if _, err := s.AuthenticateAt(ctx, "bob", "long enough password", "addr-b", last.Add(time.Second)); err != nil {
			t.Fatalf("right password from another address: %v", err)
		}
		// The next failure of the pair doubles the delay: 2 minutes.
		if _, err := s.AuthenticateAt(ctx, "bob", "wrong", "addr-a", last.Add(61*time.Second)); models.ErrorCode(err) != models.EUnauthorized {
			t.Fatalf("guess after the first delay: %v", err)
		}
		if _, err := s.AuthenticateAt(ctx, "bob", "wrong", "addr-a", last.Add(150*time.Second)); waitOf(err) != 31*time.Second {
			t.Fatalf("wait after %d failures = %v (%v), want the rest of 2 minutes", models.LoginMaxFailures+1, waitOf(err), err)
		}
		if _, err := s.AuthenticateAt(ctx, "bob", "long enough password", "addr-a", last.Add(182*time.Second)); err != nil {
			t.Fatalf("right password after the wait: %v", err)
		}
		// Success clears the pair: five free attempts again.
		for i := range models.LoginMaxFailures {
			if _, err := s.AuthenticateAt(ctx, "bob", "wrong", "addr-a", last.Add(200*time.Second)); models.ErrorCode(err) != models.EUnauthorized {
				t.Fatalf("after a success, failure %d: %v", i+1, err)
			}
		}
	})
}

// One address is refused after LoginMaxFailuresPerIP failures, whatever
// usernames it tries, until the oldest of them leaves the window.
func TestLoginCapPerAddress(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		t0 := time.Now().UTC().Truncate(time.Second)
		for i := range models.LoginMaxFailuresPerIP {
			if _, err := s.AuthenticateAt(ctx, fmt.Sprintf("user%d", i), "guess", "addr", t0); models.ErrorCode(err) != models.EUnauthorized {
				t.Fatalf("failure %d: %v", i+1, err)
			}
		}
		if _, err := s.AuthenticateAt(ctx, "someone-else", "guess", "addr", t0.Add(time.Minute)); waitOf(err) != models.LoginWindow-time.Minute {
			t.Fatalf("over the address's cap: %v (wait %v)", err, waitOf(err))
		}
		if _, err := s.AuthenticateAt(ctx, "someone-else", "guess", "other", t0.Add(time.Minute)); models.ErrorCode(err) != models.EUnauthorized {
			t.Fatalf("another address: %v", err)
		}
		if _, err := s.AuthenticateAt(ctx, "someone-else", "guess", "addr", t0.Add(models.LoginWindow+time.Second)); models.ErrorCode(err) != models.EUnauthorized {
			t.Fatalf("after the window: %v", err)
		}
	})
}

func TestLimitAddress(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.7":                 "192.0.2.7",
		"::ffff:192.0.2.7":          "192.0.2.7",
		"2001:db8:1:2:3:4:5:6":      "2001:db8:1:2::/64",
		"2001:db8:1:2:ffff::1":      "2001:db8:1:2::/64",
		"2001:db8:1:3::1":           "2001:db8:1:3::/64",
		"fe80::1%eth0":              "fe80::/64",
		"not an address":            "not an address",
		"2001:db8:0:0:0:0:0:1":      "2001:db8::/64",
		"2001:0db8:0000::0001":      "2001:db8::/64",
		"::1":                       "::/64",
		"2001:db8:aaaa:bbbb:cccc::": "2001:db8:aaaa:bbbb::/64",
	} {
		if got := models.LimitAddress(in); got != want {
			t.Errorf("LimitAddress(%q) = %q, want %q", in, got, want)
		}
	}
}
