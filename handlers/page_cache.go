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

// Read-heavy pages are served from memory while the data they show is
// unchanged. Every entry belongs to one scope at one version (trigger-kept
// counters, migration 00024: the site, moved by every write, and each
// metric's leaderboards, moved by their claims and by what every leaderboard
// shows), and each request reads the versions first, so a change made
// through any server process is visible on the very next request here, while
// a write to one metric leaves the other metrics' pages cached. Concurrent
// requests share those reads (models.versionRounds) without giving that up.
const (
	cacheMaxBytes  = 64 << 20 // the whole cache
	cacheMaxEntry  = 1 << 20  // one response; bigger ones (large CSVs) stream uncached
	dataVersionKey = "dataVersion"
)

// cachedHeaders are the response headers an entry replays; Set-Cookie is
// deliberately not among them.
var cachedHeaders = []string{"Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Disposition", "Link"}

// pageScope picks the version a cached route's response depends on, and the
// cache group it is kept in.
type pageScope func(c echo.Context, vs models.Versions) (group string, v models.DataVersion)

// siteScope is for pages that span metrics: every write moves it.
func siteScope(_ echo.Context, vs models.Versions) (string, models.DataVersion) {
	return "site", vs.Site()
}

// metricScope is for one metric's leaderboard, CSV, feed and API view: only
// that metric's claims and what every leaderboard shows move it.
func metricScope(c echo.Context, vs models.Versions) (string, models.DataVersion) {
	slug := strings.TrimSuffix(c.Param("metric"), ".csv") // the route's suffix is not yet split off
	return "metric:" + slug, vs.Metric(slug)
}

// cached serves a GET from the response cache, or runs the handler and keeps
// a successful response of modest size. Only routes whose output is the same
// for every visitor may use it: pages with per-visitor forms (CSRF tokens,
// moderator controls) must not. X-Cache says which it was (hit or miss).
func (a *app) cached(next echo.HandlerFunc) echo.HandlerFunc { return a.cachedIn(siteScope, next) }

// cachedMetric is cached for routes with a :metric parameter.
func (a *app) cachedMetric(next echo.HandlerFunc) echo.HandlerFunc {
	return a.cachedIn(metricScope, next)
}

func (a *app) cachedIn(scope pageScope, nextHandler echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		vs, err := a.store.Versions(req.Context())
		if err != nil {
			return err
		}
		group, v := scope(c, vs)
		c.Set(dataVersionKey, v)
		// A handler's small store reads (metric, tasks, devices, counts)
		// answer from memory at these versions (models/store_reads_cache.go);
		// a cache hit runs no handler and skips the copy of the request.
		next := func(c echo.Context) error {
			c.SetRequest(req.WithContext(models.WithVersions(req.Context(), vs)))
			return nextHandler(c)
		}
		if slices.Contains(req.URL.Query()["status"], models.StatusRetracted) {
			// Retracted claims are shown to moderators only: such a view
			// differs by visitor, so it is neither cached nor shared.
			c.Response().Header().Set("Cache-Control", "private, no-store")
			return next(c)
		}
		key := cacheKey(req.URL)
		e := a.cache.get(group, v.Version, key)
		var done func() // ends this request's claim on key, once
		// One request renders a missing page while the others wait for it.
		// A waiter that finds nothing when the render ends (a write came
		// after it, so the render was of an older version, or the response
		// was not cacheable) queues again, so a page whose data changes ten
		// times a second renders about once per change, not once per waiter.
		for try := 0; e == nil && req.Method == http.MethodGet && try < 3; try++ {
			wait, release := a.cache.claim(key)
			if release != nil {
				done = sync.OnceFunc(release)
				defer done()
				break
			}
			select {
			case <-wait:
				e = a.cache.get(group, v.Version, key)
			case <-req.Context().Done():
				return req.Context().Err()
			}
		}
		if e != nil {
			h := c.Response().Header()
			h.Set("X-Cache", "hit")
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
		res.Header().Set("X-Cache", "miss")
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
			a.cache.put(group, v.Version, key, e)
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
