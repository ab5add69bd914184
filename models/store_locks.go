package models

import (
	"context"
	"fmt"
	"hash/fnv"
)

// WithSyncLock runs fn if no other process is running the same named job, and
// tells whether it ran. On PostgreSQL the job holds a session advisory lock
// (pg_try_advisory_lock) on a connection of its own for as long as fn runs,
// so of several servers sharing the database one syncs and the others skip;
// the lock goes with the connection if the process dies. SQLite has a single
// writer and is served by one process, so fn always runs there.
func (s *Store) WithSyncLock(ctx context.Context, name string, fn func(context.Context) error) (bool, error) {
	if s.dialect != DialectPostgres {
		return true, fn(ctx)
	}
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("store: sync lock: %w", err)
	}
	defer conn.Close()
	key := lockKey(name)
	var got bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&got); err != nil {
		return false, fmt.Errorf("store: sync lock: %w", err)
	}
	if !got {
		return false, nil
	}
	defer func() {
		// A fresh context: the unlock must happen even when ctx is done.
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", key)
	}()
	return true, fn(ctx)
}

// lockKey maps a job's name to the 64-bit key of its advisory lock.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("claimboard sync: " + name))
	return int64(h.Sum64())
}
