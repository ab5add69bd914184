package handlers

import (
	"bufio"
	"bytes"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// Read-heavy pages are served from memory while the data is unchanged. Every
// entry belongs to one data version (the trigger-maintained counter that
// every write bumps), and each request reads that version first, so a change
// made through any server process is visible on the very next request here.
// Concurrent requests share those reads (models.versionRounds) without
// giving that up.
const (
	cacheMaxBytes  = 64 << 20 // the whole cache
	cacheMaxEntry  = 1 << 20  // one response; bigger ones (large CSVs) stream uncached
	dataVersionKey = "dataVersion"
)

// cachedHeaders are the response headers an entry replays; Set-Cookie is
// deliberately not among them.
var cachedHeaders = []string{"Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Disposition", "Link"}

type cachedResponse struct {
	header http.Header
	body   []byte
}

// responseCache holds the responses of one data version.
type responseCache struct {
	mu       sync.Mutex
	version  int64
	bytes    int
	entries  map[string]*cachedResponse
	inflight map[string]chan struct{} // keys being rendered now, closed when done
}

func newResponseCache() *responseCache {
	return &responseCache{entries: map[string]*cachedResponse{}, inflight: map[string]chan struct{}{}}
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

// get returns the entry for key at version v, dropping every entry when a
// newer version shows up.
func (rc *responseCache) get(v int64, key string) *cachedResponse {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if v > rc.version {
		rc.version, rc.bytes, rc.entries = v, 0, map[string]*cachedResponse{}
	}
	if v != rc.version {
		return nil
	}
	return rc.entries[key]
}

func (rc *responseCache) put(v int64, key string, e *cachedResponse) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if v != rc.version || rc.bytes+len(e.body) > cacheMaxBytes {
		return // a write happened meanwhile, or the cache is full until the next one
	}
	if old := rc.entries[key]; old != nil {
		rc.bytes -= len(old.body)
	}
	rc.entries[key] = e
	rc.bytes += len(e.body)
}

// cached serves a GET from the response cache, or runs the handler and keeps
// a successful response of modest size. Only routes whose output is the same
// for every visitor may use it: pages with per-visitor forms (CSRF tokens,
// moderator controls) must not.
func (a *app) cached(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		v, err := a.store.DataVersion(req.Context())
		if err != nil {
			return err
		}
		c.Set(dataVersionKey, v)
		if slices.Contains(req.URL.Query()["status"], models.StatusRetracted) {
			// Retracted claims are shown to moderators only: such a view
			// differs by visitor, so it is neither cached nor shared.
			c.Response().Header().Set("Cache-Control", "private, no-store")
			return next(c)
		}
		key := cacheKey(req.URL)
		e := a.cache.get(v.Version, key)
		var done func() // ends this request's claim on key, once
		if e == nil && req.Method == http.MethodGet {
			wait, release := a.cache.claim(key)
			if release != nil {
				done = sync.OnceFunc(release)
				defer done()
			} else {
				select {
				case <-wait:
					e = a.cache.get(v.Version, key)
				case <-req.Context().Done():
					return req.Context().Err()
				}
			}
		}
		if e != nil {
			h := c.Response().Header()
			for k, vals := range e.header {
				h[k] = vals
			}
			if inm := req.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, e.header.Get("ETag")) {
				return c.NoContent(http.StatusNotModified)
			}
			if req.Method == http.MethodHead {
				c.Response().WriteHeader(http.StatusOK)
				return nil
			}
			// A known length spares chunked encoding and tells downloads their size.
			h.Set(echo.HeaderContentLength, strconv.Itoa(len(e.body)))
			return c.Blob(http.StatusOK, e.header.Get("Content-Type"), e.body)
		}
		if req.Method != http.MethodGet {
			return next(c)
		}
		res := c.Response()
		// A response too big to keep frees the requests waiting for it at
		// once: they would find nothing cached, and a slow client of a
		// large CSV must not hold them for the length of its download.
		tee := &teeWriter{ResponseWriter: res.Writer, overflowed: done}
		res.Writer = tee
		err = next(c)
		res.Writer = tee.ResponseWriter
		if err == nil && res.Status == http.StatusOK && !tee.overflow {
			e := &cachedResponse{header: http.Header{}, body: tee.buf.Bytes()}
			for _, name := range cachedHeaders {
				if vals := res.Header().Values(name); len(vals) > 0 {
					e.header[http.CanonicalHeaderKey(name)] = vals
				}
			}
			a.cache.put(v.Version, key, e)
		}
		return err
	}
}

// cacheKey is the request's path and query without the parameters no
// handler reads: names starting with "_" (cache busters, which every handler
// ignores) and empty pairs. Otherwise "?_=1", "?_=2", ... would each render
// and keep a copy until the cache is full.
func cacheKey(u *url.URL) string {
	key := u.EscapedPath()
	if u.RawQuery == "" {
		return key
	}
	sep := "?"
	for _, pair := range strings.Split(u.RawQuery, "&") {
		name, _, _ := strings.Cut(pair, "=")
		if pair == "" {
			continue
		}
		if n, err := url.QueryUnescape(name); err == nil && strings.HasPrefix(n, "_") {
			continue
		}
		key += sep + pair
		sep = "&"
	}
	return key
}

// requestDataVersion returns the version the cache middleware already read
// for this request, so a request reads it once.
func (a *app) requestDataVersion(c echo.Context) (models.DataVersion, error) {
	if v, ok := c.Get(dataVersionKey).(models.DataVersion); ok {
		return v, nil
	}
	return a.store.DataVersion(c.Request().Context())
}

// teeWriter copies what a handler writes, up to cacheMaxEntry bytes.
type teeWriter struct {
	http.ResponseWriter
	buf        bytes.Buffer
	overflow   bool
	overflowed func() // called when the response turns out too big; may be nil
}

func (w *teeWriter) Write(p []byte) (int, error) {
	if !w.overflow {
		if w.buf.Len()+len(p) > cacheMaxEntry {
			w.overflow = true
			w.buf = bytes.Buffer{}
			if w.overflowed != nil {
				w.overflowed()
			}
		} else {
			w.buf.Write(p)
		}
	}
	return w.ResponseWriter.Write(p)
}

// Flush keeps streaming responses (CSV) streaming through the tee.
func (w *teeWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *teeWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

func (w *teeWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
