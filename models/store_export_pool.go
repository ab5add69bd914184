package models

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"
)

// Streaming exports read their rows at the pace of the client that downloads
// them. In the shared pool a handful of downloads that were never read held
// every connection for minutes and every other page answered 503 (issue 18).
// They now get a pool of their own, ExportConns connections, and at most
// that many run at once; the next waits up to ExportQueueWait for a turn and
// is then refused as unavailable (503 with Retry-After), holding nothing.
const (
	ExportConns     = 3
	ExportQueueWait = 5 * time.Second
)

type exportPool struct {
	db    *gorm.DB
	sqlDB *sql.DB
	slots chan struct{}
}

func newExportPool(open func() (*gorm.DB, error)) (*exportPool, error) {
	db, err := open()
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(ExportConns)
	sqlDB.SetMaxIdleConns(1)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return &exportPool{db: db, sqlDB: sqlDB, slots: make(chan struct{}, ExportConns)}, nil
}

// exporter takes an export slot and returns a Store that queries through the
// export pool, and the function that gives the slot back. A Store made for a
// transaction (no pool of its own) exports through itself.
func (s *Store) exporter(ctx context.Context) (*Store, func(), error) {
	if s.exports == nil {
		return s, func() {}, nil
	}
	wait := time.NewTimer(ExportQueueWait)
	defer wait.Stop()
	select {
	case s.exports.slots <- struct{}{}:
	case <-wait.C:
		return nil, nil, Errorf(EUnavailable, "Too many downloads are running at once; please try again in a minute.")
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	es := &Store{db: s.exports.db, sqlDB: s.exports.sqlDB, dialect: s.dialect}
	es.aliases.Store(s.aliases.Load()) // the same free-text search as the page
	return es, func() { <-s.exports.slots }, nil
}
