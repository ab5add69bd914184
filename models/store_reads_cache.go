package models

import (
	"context"
	"sync"
)

// Every uncached leaderboard page reads the same small things before its
// rows: the metric, the task vocabulary, the devices the metric names, the
// kept counts, the spec rows of the page's devices. At 1M claims those reads
// were most of an uncached page's round trips (issue 17), and they change
// only when the data does. So a request that carries the versions the cache
// middleware read (WithVersions) has them answered from memory while the
// scope they belong to is unchanged: a write anywhere is still visible on
// the next request, on every process, because the key is the version that
// request read. A read without versions in its context (a write's, a
// command's, a test's) always goes to the database.

type versionsKey struct{}

// WithVersions returns ctx carrying vs, the versions this request read
// first: store reads under ctx may then answer from readsCache.
func WithVersions(ctx context.Context, vs Versions) context.Context {
	return context.WithValue(ctx, versionsKey{}, vs)
}

func versionsOf(ctx context.Context) (Versions, bool) {
	vs, ok := ctx.Value(versionsKey{}).(Versions)
	return vs, ok
}

// readsCacheMax bounds the entries kept: a key is a metric, a task or a
// device list, so a real site has a few hundred; past the bound the cache
// starts over rather than grow with odd keys.
const readsCacheMax = 4096

// readsCache holds the answers of small reads, each with the version it was
// read at or after.
type readsCache struct {
	mu sync.Mutex
	m  map[string]readsEntry
}

type readsEntry struct {
	version int64
	value   any
}

// cachedRead answers key from the cache when it was read at version (the
// scope's version in ctx, picked by scope), else loads and keeps it. The
// value is shared between requests: callers must not modify it.
//
// A value loaded after the request read version v is kept under v. It is at
// least as new as v (the load started later), and a request that reads a
// newer version does not use it: no request sees data older than its own
// version read.
func cachedRead[T any](ctx context.Context, s *Store, key string, scope func(Versions) int64, load func() (T, error)) (T, error) {
	vs, ok := versionsOf(ctx)
	if !ok || s.reads == nil {
		return load()
	}
	v := scope(vs)
	c := s.reads
	c.mu.Lock()
	e, hit := c.m[key]
	c.mu.Unlock()
	if hit && e.version == v {
		return e.value.(T), nil
	}
	val, err := load()
	if err != nil {
		return val, err
	}
	c.mu.Lock()
	if len(c.m) >= readsCacheMax {
		c.m = map[string]readsEntry{}
	}
	if old, ok := c.m[key]; !ok || old.version <= v {
		c.m[key] = readsEntry{version: v, value: val}
	}
	c.mu.Unlock()
	return val, nil
}

// siteScope is the version every write moves.
func siteScope(vs Versions) int64 { return vs.All.Version }

// baseScope is the version of what every leaderboard shows: metrics, tasks,
// device names and specs.
func baseScope(vs Versions) int64 { return vs.Base.Version }

// metricScope is the version of one metric's claims and what depends on
// them (its devices, its kept counts), by metric id.
func metricScope(id int64) func(Versions) int64 {
	return func(vs Versions) int64 { return vs.Base.Version + vs.ByID[id].Version }
}
