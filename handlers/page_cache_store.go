package handlers

import (
	"net/http"
	"sync"
)

type cachedResponse struct {
	header http.Header
	body   []byte
}

// cacheGroup holds the responses of one scope (the site, or one metric's
// pages) at one version of that scope.
type cacheGroup struct {
	version int64
	entries map[string]*cachedResponse
}

// responseCache holds responses grouped by the data they depend on, so a
// write to one metric's claims drops that metric's pages and the pages that
// span metrics, and leaves every other metric's pages cached.
type responseCache struct {
	mu       sync.Mutex
	bytes    int
	groups   map[string]*cacheGroup
	inflight map[string]chan struct{} // keys being rendered now, closed when done
}

func newResponseCache() *responseCache {
	return &responseCache{groups: map[string]*cacheGroup{}, inflight: map[string]chan struct{}{}}
}

// claim makes the caller the one request that renders key, or returns a
// channel that closes when the request already rendering it is done. Without
// it, 32 concurrent first visits to a slow page all run its queries at once.
func (rc *responseCache) claim(key string) (wait <-chan struct{}, done func()) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if ch, ok := rc.inflight[key]; ok {
		return ch, nil
	}
	ch := make(chan struct{})
	rc.inflight[key] = ch
	return nil, func() {
		rc.mu.Lock()
		delete(rc.inflight, key)
		rc.mu.Unlock()
		close(ch)
	}
}

// get returns the entry for key in group at version v or newer, dropping the
// group's entries when a newer version of it shows up. A newer entry holds
// data committed after the request read v, which is at least as fresh as the
// request needs.
func (rc *responseCache) get(group string, v int64, key string) *cachedResponse {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	g := rc.groups[group]
	if g == nil {
		return nil
	}
	if v > g.version {
		rc.drop(group, g)
		return nil
	}
	return g.entries[key]
}

// drop forgets every entry of group; the caller holds mu.
func (rc *responseCache) drop(group string, g *cacheGroup) {
	for _, e := range g.entries {
		rc.bytes -= len(e.body)
	}
	delete(rc.groups, group)
}

func (rc *responseCache) put(group string, v int64, key string, e *cachedResponse) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	g := rc.groups[group]
	if g != nil && v > g.version {
		rc.drop(group, g)
		g = nil
	}
	if g != nil && v < g.version {
		return // a write happened meanwhile: this response is already old
	}
	if g == nil {
		g = &cacheGroup{version: v, entries: map[string]*cachedResponse{}}
		rc.groups[group] = g
	}
	if old := g.entries[key]; old != nil {
		rc.bytes -= len(old.body)
		delete(g.entries, key)
	}
	rc.evict(cacheMaxBytes - len(e.body))
	rc.groups[group] = g // evict may have removed it, emptied
	g.entries[key] = e
	rc.bytes += len(e.body)
}

// evict drops entries, in map order (effectively at random), until the cache
// holds at most limit bytes. Groups that no write touches keep their entries,
// so without it a stream of distinct URLs of one quiet metric would fill the
// cache for good.
func (rc *responseCache) evict(limit int) {
	for name, g := range rc.groups {
		if rc.bytes <= limit {
			return
		}
		for key, e := range g.entries {
			if rc.bytes <= limit {
				break
			}
			rc.bytes -= len(e.body)
			delete(g.entries, key)
		}
		if len(g.entries) == 0 {
			delete(rc.groups, name)
		}
	}
}

// len is the number of responses held.
func (rc *responseCache) len() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n := 0
	for _, g := range rc.groups {
		n += len(g.entries)
	}
	return n
}
