package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// Account rules. The login limits are in store_limits.go.
const (
	MinPasswordLength = 10
	maxPasswordBytes  = 72 // bcrypt ignores anything longer; refuse rather than truncate silently
)

// bcryptCost is the library default: about a tenth of a second a guess on a
// server core, and the throttle bounds guesses per account anyway.
const bcryptCost = bcrypt.DefaultCost

// dummyHash is compared against when a username is unknown, so a failed login
// takes as long whether or not the account exists.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("claimboard-no-such-user"), bcryptCost)

// ValidUsername reports whether name is a usable moderator name: 2 to 40
// letters, digits, dots, dashes or underscores once normalised
// (NormalizeUsername).
func ValidUsername(name string) error {
	name = NormalizeUsername(name)
	if len(name) < 2 || len(name) > 40 {
		return FieldErrorf("username", "must be 2 to 40 characters")
	}
	for _, r := range name {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_') {
			return FieldErrorf("username", "may only contain letters, digits, '.', '-' and '_'")
		}
	}
	return nil
}

// AddModerator creates an account with a bcrypt hash of password. The name
// is stored normalised (NormalizeUsername) and refused when it looks like an
// existing one ("аlice" with a Cyrillic а beside "alice"); the password must
// pass CheckPassword.
func (s *Store) AddModerator(ctx context.Context, username, password string) (*Moderator, error) {
	username = NormalizeUsername(username)
	if err := ValidUsername(username); err != nil {
		return nil, err
	}
	if err := CheckPassword(password, username); err != nil {
		return nil, err
	}
	var names []string
	if err := s.db.WithContext(ctx).Model(&Moderator{}).Pluck("username", &names).Error; err != nil {
		return nil, fmt.Errorf("store: list moderators: %w", err)
	}
	for _, other := range names {
		if other != username && usernameSkeleton(other) == usernameSkeleton(username) {
			return nil, Errorf(EConflict, "moderator name %q looks like the existing %q; choose one that reads differently", username, other)
		}
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcryptCost)
	if err != nil {
		return nil, fmt.Errorf("store: hash password: %w", err)
	}
	m := Moderator{Username: username, PasswordHash: string(hash), CreatedAt: time.Now().UTC()}
	err = s.db.WithContext(ctx).Create(&m).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return nil, Errorf(EConflict, "moderator %q already exists", username)
	}
	if err != nil {
		return nil, fmt.Errorf("store: add moderator %q: %w", username, err)
	}
	return &m, nil
}

// ListModerators returns every account by name.
func (s *Store) ListModerators(ctx context.Context) ([]Moderator, error) {
	var ms []Moderator
	if err := s.db.WithContext(ctx).Order("username").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("store: list moderators: %w", err)
	}
	return ms, nil
}

// RemoveModerator deletes an account and (by cascade) its sessions. Its past
// decisions stay on the record with the moderator shown as removed.
func (s *Store) RemoveModerator(ctx context.Context, username string) error {
	username = NormalizeUsername(username)
	res := s.db.WithContext(ctx).Where("username = ?", username).Delete(&Moderator{})
	if res.Error != nil {
		return fmt.Errorf("store: remove moderator %q: %w", username, res.Error)
	}
	if res.RowsAffected == 0 {
		return Errorf(ENotFound, "no moderator named %q", username)
	}
	return nil
}

// checkPassword compares password with username's hash; an unknown name
// is compared against dummyHash so it takes as long. It is the one bcrypt
// comparison of a login, run only after Login has reserved the attempt.
func (s *Store) checkPassword(ctx context.Context, username, password string) (*Moderator, bool, error) {
	var m Moderator
	err := s.db.WithContext(ctx).Where("username = ?", username).Take(&m).Error
	found := err == nil
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, false, fmt.Errorf("store: authenticate: %w", err)
	}
	hash := dummyHash
	if found {
		hash = []byte(m.PasswordHash)
	}
	s.passwordChecks.Add(1)
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || !found {
		return nil, false, nil
	}
	return &m, true, nil
}

// loginName makes a typed username safe to query with: PostgreSQL refuses
// invalid UTF-8 and NUL bytes with an error (a 500), while such a name can
// match no moderator and must still count as a failed attempt. It is
// normalised as stored names are, so "Alice" logs in as alice.
func loginName(username string) string {
	return NormalizeUsername(strings.ReplaceAll(strings.ToValidUTF8(username, "\uFFFD"), "\x00", "\uFFFD"))
}
