package models

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// SessionTTL is how long a moderator stays logged in.
const SessionTTL = 12 * time.Hour

// Session is a logged-in moderator. Only a hash of the token is stored, so a
// leaked database does not hand out live sessions.
type Session struct {
	ID          int64
	TokenHash   string
	ModeratorID int64
	ExpiresAt   time.Time
	CreatedAt   time.Time
}

// CreateSession logs a moderator in and returns the cookie token. Expired
// sessions are swept on the way, so the table does not grow without bound.
func (s *Store) CreateSession(ctx context.Context, moderatorID int64, now time.Time) (token string, expires time.Time, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", time.Time{}, fmt.Errorf("store: session token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b[:])
	now = now.UTC()
	sess := Session{TokenHash: hashText(token), ModeratorID: moderatorID, ExpiresAt: now.Add(SessionTTL), CreatedAt: now}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("expires_at < ?", now).Delete(&Session{}).Error; err != nil {
			return fmt.Errorf("sweep sessions: %w", err)
		}
		return tx.Create(&sess).Error
	})
	if err != nil {
		return "", time.Time{}, fmt.Errorf("store: create session: %w", err)
	}
	return token, sess.ExpiresAt, nil
}

// SessionModerator returns the moderator a live session token belongs to, or
// EUnauthorized for an unknown or expired token.
func (s *Store) SessionModerator(ctx context.Context, token string, now time.Time) (*Moderator, error) {
	if token == "" {
		return nil, Errorf(EUnauthorized, "Please log in.")
	}
	var m Moderator
	err := s.db.WithContext(ctx).Table("moderators m").Select("m.*").
		Joins("JOIN sessions s ON s.moderator_id = m.id").
		Where("s.token_hash = ? AND s.expires_at > ?", hashText(token), now.UTC()).Take(&m).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(EUnauthorized, "Your session has expired; please log in again.")
	}
	if err != nil {
		return nil, fmt.Errorf("store: find session: %w", err)
	}
	return &m, nil
}

// DeleteSession logs a session out; an unknown token is not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	if err := s.db.WithContext(ctx).Where("token_hash = ?", hashText(token)).Delete(&Session{}).Error; err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}
