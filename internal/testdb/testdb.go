// Package testdb gives tests real databases: a fresh SQLite file in a temp dir
// and a fresh PostgreSQL database created from TEST_DATABASE_URL. There are no
// mocks of the database anywhere in claimboard's tests.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for creating test databases

	"github.com/claimboard/claimboard/models"
)

// SQLiteURL returns the path of a new SQLite file in a temp dir.
func SQLiteURL(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(tb.TempDir(), "claimboard.db")
}

// PostgresURL creates an empty PostgreSQL database for this test and drops it
// afterwards. Without TEST_DATABASE_URL the test is skipped, except under
// CI=true where that is a failure: CI must never pass by skipping.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("TEST_DATABASE_URL is not set but CI=true: PostgreSQL tests must run in CI")
		}
		tb.Skip("TEST_DATABASE_URL not set; skipping PostgreSQL test")
	}
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatalf("open TEST_DATABASE_URL: %v", err)
	}
	defer adminDB.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "cbtest_" + hex.EncodeToString(b[:])
	if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database (is PostgreSQL running at %s?): %v", u.Host, err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, _ = db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u.Path = "/" + name
	return u.String()
}

// MustOpen opens dsn and migrates it up, closing it when the test ends.
func MustOpen(tb testing.TB, dsn string) *models.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := models.Open(ctx, dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", models.DialectOf(dsn), err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	if _, err := s.MigrateUp(ctx); err != nil {
		tb.Fatalf("migrate %s: %v", s.Dialect(), err)
	}
	return s
}

// Dialects runs fn once against a fresh SQLite store and once against a fresh
// PostgreSQL store, as subtests named after the dialect.
func Dialects(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLiteURL(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, PostgresURL(t)) })
}

// EachDialect runs fn once with a fresh migrated SQLite store and once with
// a fresh migrated PostgreSQL store, as subtests named after the dialect:
// Dialects for the tests that need only the store, not its address.
func EachDialect(t *testing.T, fn func(t *testing.T, s *models.Store)) {
	t.Helper()
	Dialects(t, func(t *testing.T, dsn string) { fn(t, MustOpen(t, dsn)) })
}

// SQL opens dsn with database/sql in its dialect, beside the store, for
// what a test sets up or counts behind the application's back; it is
// closed when the test ends.
func SQL(tb testing.TB, dsn string) *sql.DB {
	tb.Helper()
	driver := "sqlite"
	if models.DialectOf(dsn) == models.DialectPostgres {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	return db
}
