package models

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
)

// secretCache keeps secrets once read: they never change after creation.
type secretCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

// AddressKey pseudonymises a client address for the per-address limits. It
// is an HMAC under a random key kept in the database, so every server process
// derives the same value for the same address, and the stored values cannot
// be reversed by hashing every IPv4 address, as an unkeyed hash could. An
// IPv6 address counts by its /64 (LimitAddress).
func (s *Store) AddressKey(ctx context.Context, addr string) (string, error) {
	key, err := s.secret(ctx, "address_key")
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(LimitAddress(addr)))
	return hex.EncodeToString(m.Sum(nil)[:16]), nil
}

// secret returns the named secret, creating it on first use. Two processes
// creating it at once agree: the insert that loses is ignored and both read
// the winner's value.
func (s *Store) secret(ctx context.Context, name string) ([]byte, error) {
	if s.secrets != nil {
		s.secrets.mu.Lock()
		defer s.secrets.mu.Unlock()
		if v, ok := s.secrets.m[name]; ok {
			return v, nil
		}
	}
	var fresh [32]byte
	if _, err := rand.Read(fresh[:]); err != nil {
		return nil, fmt.Errorf("store: secret %s: %w", name, err)
	}
	db := s.db.WithContext(ctx)
	err := db.Exec("INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
		name, hex.EncodeToString(fresh[:])).Error
	if err != nil {
		return nil, fmt.Errorf("store: secret %s: %w", name, err)
	}
	var value string
	if err := db.Raw("SELECT value FROM secrets WHERE name = ?", name).Scan(&value).Error; err != nil {
		return nil, fmt.Errorf("store: secret %s: %w", name, err)
	}
	v, err := hex.DecodeString(value)
	if err != nil || len(v) == 0 {
		return nil, fmt.Errorf("store: secret %s is not hex", name)
	}
	if s.secrets != nil {
		s.secrets.m[name] = v
	}
	return v, nil
}
