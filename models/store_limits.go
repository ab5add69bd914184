package models

import (
	"context"
	"fmt"
	"net/netip"
	"time"

	"gorm.io/gorm"
)

// Login throttling. Every attempt is reserved (stored as a failure) in the
// same serialised transaction that counts the earlier ones, before bcrypt
// runs, so parallel guesses cannot all pass the count before any is recorded
// (300 at once used to get 299 checks on SQLite, 146 on PostgreSQL). A login
// that succeeds removes its pair's failures again.
//
// One (username, address) pair gets LoginMaxFailures failures in LoginWindow
// freely; after that each attempt waits loginFirstDelay after the pair's
// newest failure, doubling with every further failure up to LoginWindow. The
// delay is per pair, not per username, so nobody can lock a moderator out by
// guessing wrong: the right password from another address works at once.
// One address is refused outright after LoginMaxFailuresPerIP failures in
// LoginWindow, whatever usernames it tries.
const (
	LoginWindow           = 15 * time.Minute
	LoginMaxFailures      = 5
	LoginMaxFailuresPerIP = 20
	loginFirstDelay       = time.Minute
)

// LimitError is an ETooMany error that says how long to wait.
type LimitError struct {
	Wait time.Duration
	Err  *Error
}

func (e *LimitError) Error() string { return e.Err.Error() }
func (e *LimitError) Unwrap() error { return e.Err }

func tooMany(wait time.Duration, format string, args ...any) *LimitError {
	return &LimitError{Wait: max(wait, time.Second), Err: Errorf(ETooMany, format, args...)}
}

// PasswordChecks is how many bcrypt comparisons this Store has run: what the
// throttle exists to bound, counted so tests and operators can see it.
func (s *Store) PasswordChecks() int64 { return s.passwordChecks.Load() }

// Authenticate checks username and password sent from the address ipHash
// (see AddressKey) now. Too many recent failures give a *LimitError
// (ETooMany) and no password check; a wrong name or password is
// EUnauthorized without saying which part was wrong.
func (s *Store) Authenticate(ctx context.Context, username, password, ipHash string) (*Moderator, error) {
	return s.AuthenticateAt(ctx, username, password, ipHash, time.Now())
}

// AuthenticateAt is Authenticate at the time now.
func (s *Store) AuthenticateAt(ctx context.Context, username, password, ipHash string, now time.Time) (*Moderator, error) {
	username = loginName(username)
	if err := s.reserveLogin(ctx, username, ipHash, now.UTC()); err != nil {
		return nil, err
	}
	m, ok, err := s.checkPassword(ctx, username, password)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, Errorf(EUnauthorized, "Wrong username or password.")
	}
	err = s.db.WithContext(ctx).Table("login_failures").
		Where("username = ? AND ip_hash = ?", truncate(username, 100), ipHash).Delete(nil).Error
	if err != nil {
		return nil, fmt.Errorf("store: clear login failures: %w", err)
	}
	return m, nil
}

// reserveLogin refuses an attempt over the limits or records it as a failure.
func (s *Store) reserveLogin(ctx context.Context, username, ipHash string, now time.Time) error {
	username = truncate(username, 100)
	since := now.Add(-LoginWindow)
	return s.limited(ctx, []string{"login-user:" + username, "login-addr:" + ipHash}, func(tx *gorm.DB) error {
		// Failures older than the window count for nothing; sweep them here
		// so the table stays small without a background job.
		if err := tx.Table("login_failures").Where("created_at < ?", since).Delete(nil).Error; err != nil {
			return fmt.Errorf("store: sweep login failures: %w", err)
		}
		var pair, addr []time.Time
		// Newest first; beyond LoginMaxFailures+4 the delay is at its cap anyway.
		err := tx.Table("login_failures").Where("username = ? AND ip_hash = ? AND created_at > ?", username, ipHash, since).
			Order("created_at DESC").Limit(LoginMaxFailures+5).Pluck("created_at", &pair).Error
		if err != nil {
			return fmt.Errorf("store: count login failures: %w", err)
		}
		err = tx.Table("login_failures").Where("ip_hash = ? AND created_at > ?", ipHash, since).
			Order("created_at DESC").Limit(LoginMaxFailuresPerIP).Pluck("created_at", &addr).Error
		if err != nil {
			return fmt.Errorf("store: count login failures: %w", err)
		}
		if len(addr) >= LoginMaxFailuresPerIP {
			// The oldest of the last LoginMaxFailuresPerIP decides when a slot frees up.
			return tooMany(addr[len(addr)-1].Add(LoginWindow).Sub(now), "Too many failed logins from your address.")
		}
		if wait := pairDelay(pair, now); wait > 0 {
			return tooMany(wait, "Too many failed logins for this name from your address.")
		}
		fail := map[string]any{"username": username, "ip_hash": ipHash, "created_at": now}
		if err := tx.Table("login_failures").Create(fail).Error; err != nil {
			return fmt.Errorf("store: record login attempt: %w", err)
		}
		return nil
	})
}

// pairDelay is how long a pair with these failures (newest first) must
// still wait at now.
func pairDelay(failures []time.Time, now time.Time) time.Duration {
	extra := len(failures) - LoginMaxFailures
	if extra < 0 {
		return 0
	}
	delay := min(loginFirstDelay<<extra, LoginWindow)
	return failures[0].Add(delay).Sub(now)
}

// insertSuggestion stores c unless its address has sent SubmissionsPerIP
// suggestions within SubmissionWindow: the count and the insert are one
// serialised transaction, so 100 parallel posts store 10, not 62.
func (s *Store) insertSuggestion(ctx context.Context, c *Correction) error {
	return s.limited(ctx, []string{"suggest:" + c.SubmitterIPHash}, func(tx *gorm.DB) error {
		var times []time.Time
		err := tx.Model(&Correction{}).
			Where("submitter_ip_hash = ? AND created_at > ?", c.SubmitterIPHash, c.CreatedAt.Add(-SubmissionWindow)).
			Order("created_at DESC").Limit(SubmissionsPerIP).Pluck("created_at", &times).Error
		if err != nil {
			return fmt.Errorf("count submissions: %w", err)
		}
		if len(times) >= SubmissionsPerIP {
			return tooMany(times[len(times)-1].Add(SubmissionWindow).Sub(c.CreatedAt),
				"You have sent many suggestions in the last hour; please try again later.")
		}
		return tx.Create(c).Error
	})
}

// limited runs fn in a transaction that no other limited transaction on the
// same keys runs beside, in any server process. On PostgreSQL that is a
// transaction-scoped advisory lock per key, always taken in the order given
// (callers list keys in one fixed order, so two never wait on each other);
// on SQLite every write transaction is BEGIN IMMEDIATE (see sqliteDSN), so
// they are serialised already.
func (s *Store) limited(ctx context.Context, keys []string, fn func(tx *gorm.DB) error) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if s.dialect == DialectPostgres {
			for _, k := range keys {
				if err := tx.Exec("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", k).Error; err != nil {
					return fmt.Errorf("store: limit lock: %w", err)
				}
			}
		}
		return fn(tx)
	})
}

// LimitAddress is the part of a client address that per-address limits count:
// an IPv4 address whole, an IPv6 address by its /64, which is what one
// subscriber gets (the other 64 bits are theirs to vary at will).
func LimitAddress(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	ip = ip.Unmap()
	if ip.Is4() {
		return ip.String()
	}
	p, err := ip.WithZone("").Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}
