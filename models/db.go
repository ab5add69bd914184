package models

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pressly/goose/v3"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/claimboard/claimboard/migrations"
)

// Dialects a Store can speak.
const (
	DialectPostgres = "postgres"
	DialectSQLite   = "sqlite"
)

// Store is claimboard's database: every query of the application goes through it.
type Store struct {
	db      *gorm.DB
	sqlDB   *sql.DB
	dialect string

	versions  *versionRounds[Versions] // shares data-version reads between requests
	versionDB *sql.DB                  // one connection for those reads alone
	secrets   *secretCache
	reads     *readsCache // small reads by version (store_reads_cache.go)
	exports   *exportPool // streaming exports' own connections (store_export_pool.go)

	passwordChecks atomic.Int64 // bcrypt comparisons run, see PasswordChecks

	aliases atomic.Pointer[func(string) []string] // SetTextAliases
}

// DialectOf tells which database a --db value names: a postgres:// or
// postgresql:// URL is PostgreSQL, anything else is an SQLite file path.
func DialectOf(dsn string) string {
	lower := strings.ToLower(dsn)
	if strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://") {
		return DialectPostgres
	}
	return DialectSQLite
}

// Open connects to the database named by dsn. It does not migrate.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, FieldErrorf("db", "no database given")
	}
	dialect := DialectOf(dsn)
	cfg := &gorm.Config{Logger: logger.Discard, TranslateError: true}
	var (
		db  *gorm.DB
		err error
	)
	open := func() (*gorm.DB, error) {
		if dialect == DialectPostgres {
			return gorm.Open(postgres.Open(postgresDSN(dsn)), cfg)
		}
		return gorm.Open(sqlite.Open(sqliteDSN(dsn)), cfg)
	}
	db, err = open()
	if err != nil {
		// An SQLite path names the file an operator must look at (a read-only
		// or missing directory); a PostgreSQL URL may hold a password.
		where := dialect
		if dialect == DialectSQLite {
			where += " " + strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "file:")
		}
		return nil, fmt.Errorf("store: open %s: %w", where, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dialect, err)
	}
	if dialect == DialectPostgres {
		// As many kept idle as may be open: with fewer, a burst of uncached
		// pages closed connections between queries and opened new ones, and
		// each new PostgreSQL backend (a fork, authentication, a cold
		// catalog cache) cost more than the page's queries (issue 17).
		// Idle ones still close after ConnMaxIdleTime.
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetMaxIdleConns(20)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	} else {
		sqlDB.SetMaxOpenConns(8)
		sqlDB.SetMaxIdleConns(8)
	}
	// The data-version read that every cached page waits for gets a
	// connection of its own: in the shared pool it queued behind slow queries
	// (uncached searches held all eight SQLite connections for seconds) and
	// cached pages answered 503 although nothing was wrong.
	vdb, err := open()
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("store: open %s: %w", dialect, err)
	}
	versionDB, err := vdb.DB()
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("store: open %s: %w", dialect, err)
	}
	versionDB.SetMaxOpenConns(1)
	versionDB.SetMaxIdleConns(1)
	s := &Store{db: db, sqlDB: sqlDB, dialect: dialect, versionDB: versionDB}
	if s.exports, err = newExportPool(open); err != nil {
		sqlDB.Close()
		versionDB.Close()
		return nil, fmt.Errorf("store: open %s: %w", dialect, err)
	}
	s.versions = &versionRounds[Versions]{read: func(ctx context.Context) (Versions, error) { return readVersions(ctx, versionDB) }}
	s.secrets = &secretCache{m: map[string][]byte{}}
	s.reads = &readsCache{m: map[string]readsEntry{}}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: connect %s: %w", dialect, err)
	}
	return s, nil
}

// Unavailable reports whether err says the database cannot serve anyone
// right now, rather than that this request is wrong: PostgreSQL unreachable,
// shutting down or starting up, or SQLite busy, read-only or on a full disk.
// ErrorCode turns it into EUnavailable, which the web layer answers with 503
// so clients and load balancers retry instead of reporting a bug.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// 08: connection exception; 53: insufficient resources (disk full,
		// too many connections); 57P0x: admin or crash shutdown, starting up.
		return strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "53") ||
			strings.HasPrefix(pgErr.Code, "57P")
	}
	var connErr *pgconn.ConnectError
	if errors.As(err, &connErr) || pgconn.Timeout(err) {
		return true
	}
	var sqliteErr interface{ Code() int }
	if errors.As(err, &sqliteErr) {
		switch sqliteErr.Code() & 0xff { // the primary result code
		case 5, 8, 10, 13, 14: // BUSY, READONLY, IOERR, FULL, CANTOPEN
			return true
		}
		return false
	}
	// A closed connection also shows up behind GORM's joined errors, which
	// keep only the last one unwrappable ("FATAL ... 57P01; failed to
	// deallocate cached statement(s): conn closed").
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, context.DeadlineExceeded)
}

// connectTimeout bounds one attempt to reach PostgreSQL. Without it a
// database host that drops packets holds every request for the operating
// system's TCP timeout (minutes); with it pages fail fast with 503.
const connectTimeout = 5

// postgresDSN turns JIT compilation off unless the URL says otherwise: it adds
// tens of milliseconds to the short queries of a page view and pays off only
// for long analytical ones. Unknown URL parameters reach the server as settings.
// It also adds connect_timeout when the URL has none.
func postgresDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn // let the driver report the malformed URL
	}
	q := u.Query()
	if !q.Has("jit") {
		q.Set("jit", "off")
	}
	// A page's queries read a few hundred index entries at most; the
	// planner's parallel plans for them (Gather Merge over two workers) cost
	// more in process start-up than they save, and under load the workers
	// only compete with the other connections for the same cores.
	if !q.Has("max_parallel_workers_per_gather") {
		q.Set("max_parallel_workers_per_gather", "0")
	}
	// The leaderboards' working set (the sort indexes and the rows of the
	// pages people read) lives in memory, where a random read costs about
	// what a sequential one does. At the default of 4 the planner walked
	// 30,000 entries of a covering sort index for one page of a rare
	// device rather than read its 900 claims by the device index and sort
	// them (7 ms against 3.9 ms at 1M claims). 1.1 is PostgreSQL's usual
	// figure for such data; a URL that sets it keeps its own.
	if !q.Has("random_page_cost") {
		q.Set("random_page_cost", "1.1")
	}
	if !q.Has("connect_timeout") {
		q.Set("connect_timeout", strconv.Itoa(connectTimeout))
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// sqliteDSN turns a file path into a DSN that turns on foreign keys, WAL and a
// busy timeout on every pooled connection (pragmas are per connection).
func sqliteDSN(path string) string {
	path = strings.TrimPrefix(path, "sqlite://")
	path = strings.TrimPrefix(path, "file:")
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + q.Encode()
}

// Dialect returns DialectPostgres or DialectSQLite.
func (s *Store) Dialect() string { return s.dialect }

// Close closes the connection pool.
func (s *Store) Close() error {
	if s.versionDB != nil {
		s.versionDB.Close()
	}
	if s.exports != nil {
		s.exports.sqlDB.Close()
	}
	return s.sqlDB.Close()
}

// PoolSize is how many connections the shared pool may open: what every
// page, form and login draws from.
func (s *Store) PoolSize() int { return s.sqlDB.Stats().MaxOpenConnections }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.sqlDB.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

func (s *Store) provider() (*goose.Provider, error) {
	fsys, err := migrations.FS(s.dialect)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	dialect := goose.DialectPostgres
	if s.dialect == DialectSQLite {
		dialect = goose.DialectSQLite3
	}
	p, err := goose.NewProvider(dialect, s.sqlDB, fsys)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	return p, nil
}

// MigrationResult reports one applied or rolled back migration.
type MigrationResult struct {
	Version   int64
	Name      string
	Direction string
	Duration  time.Duration
}

// MigrateUp applies every pending migration.
func (s *Store) MigrateUp(ctx context.Context) ([]MigrationResult, error) {
	p, err := s.provider()
	if err != nil {
		return nil, err
	}
	res, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migrate up: %w", err)
	}
	return convertResults(res), nil
}

// MigrateDown rolls back the most recent migration.
func (s *Store) MigrateDown(ctx context.Context) (*MigrationResult, error) {
	p, err := s.provider()
	if err != nil {
		return nil, err
	}
	res, err := p.Down(ctx)
	if err != nil {
		if errors.Is(err, goose.ErrNoNextVersion) {
			return nil, Errorf(EConflict, "no migration to roll back")
		}
		return nil, fmt.Errorf("store: migrate down: %w", err)
	}
	r := convertResults([]*goose.MigrationResult{res})
	return &r[0], nil
}

// MigrateDownTo rolls back every migration above version (0: all of them).
func (s *Store) MigrateDownTo(ctx context.Context, version int64) ([]MigrationResult, error) {
	p, err := s.provider()
	if err != nil {
		return nil, err
	}
	res, err := p.DownTo(ctx, version)
	if err != nil {
		return nil, fmt.Errorf("store: migrate down to %d: %w", version, err)
	}
	return convertResults(res), nil
}

// MigrationStatus is one migration and whether it is applied.
type MigrationStatus struct {
	Version   int64
	Name      string
	Applied   bool
	AppliedAt time.Time
}

// MigrationStatuses lists every known migration with its state.
func (s *Store) MigrationStatuses(ctx context.Context) ([]MigrationStatus, error) {
	p, err := s.provider()
	if err != nil {
		return nil, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migration status: %w", err)
	}
	out := make([]MigrationStatus, 0, len(st))
	for _, m := range st {
		out = append(out, MigrationStatus{
			Version:   m.Source.Version,
			Name:      baseName(m.Source.Path),
			Applied:   m.State == goose.StateApplied,
			AppliedAt: m.AppliedAt,
		})
	}
	return out, nil
}

// CheckSchema returns a conflict error when migrations are pending, so a
// server started with --no-migrate refuses a stale schema instead of failing
// on its first query.
func (s *Store) CheckSchema(ctx context.Context) error {
	p, err := s.provider()
	if err != nil {
		return err
	}
	pending, err := p.HasPending(ctx)
	if err != nil {
		return fmt.Errorf("store: check schema: %w", err)
	}
	if pending {
		cur, _ := p.GetDBVersion(ctx)
		versions := p.ListSources()
		latest := int64(0)
		if len(versions) > 0 {
			latest = versions[len(versions)-1].Version
		}
		return Errorf(EConflict, "database schema is at version %d, this build needs %d: run `claimboard migrate up`", cur, latest)
	}
	return nil
}

func convertResults(res []*goose.MigrationResult) []MigrationResult {
	out := make([]MigrationResult, 0, len(res))
	for _, r := range res {
		if r == nil {
			continue
		}
		out = append(out, MigrationResult{
			Version:   r.Source.Version,
			Name:      baseName(r.Source.Path),
			Direction: r.Direction,
			Duration:  r.Duration,
		})
	}
	return out
}

func baseName(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}
