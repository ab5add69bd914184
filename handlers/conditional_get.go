package handlers

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/static"
)

// buildTag is part of every ETag so a new build with different templates or
// JSON fields never answers 304 for a representation made by the old one. A
// hash of the executable identifies the build exactly and is the same in
// every process running it; without it (unreadable binary) the VCS revision
// and the static assets' hash stand in. Computed on first use, not at start.
var buildTag = sync.OnceValue(func() string {
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))[:12]
			}
		}
	}
	tag := static.Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && len(s.Value) >= 12:
				tag += "." + s.Value[:12]
			case s.Key == "vcs.modified" && s.Value == "true":
				tag += ".dirty"
			}
		}
	}
	return tag
})

// notModified sets ETag, Last-Modified and Cache-Control from the database's
// data version and answers 304 when the client's copy is current; done
// reports that the response has been sent. kind names the representation
// (page, csv, api, ...) so two encodings of one URL never share a tag. The
// version is read once per request and costs a primary-key lookup.
func (a *app) notModified(c echo.Context, kind string) (done bool, err error) {
	v, err := a.requestDataVersion(c)
	if err != nil {
		return false, err
	}
	etag := `W/"` + kind + "-" + strconv.FormatInt(v.Version, 10) + "-" + buildTag() + `"`
	h := c.Response().Header()
	h.Set("ETag", etag)
	h.Set("Last-Modified", v.ChangedAt.Format(http.TimeFormat))
	// Caches may keep a copy but must ask before reusing it: data changes at
	// any time, and the conditional request is cheap.
	h.Set("Cache-Control", "no-cache")
	req := c.Request()
	if slices.Contains(req.URL.Query()["status"], models.StatusRetracted) {
		// A moderator's view of retracted claims: no validators a shared
		// cache could reuse for another visitor.
		h.Del("ETag")
		h.Del("Last-Modified")
		h.Set("Cache-Control", "private, no-store")
		return false, nil
	}
	if inm := req.Header.Get("If-None-Match"); inm != "" {
		// RFC 9110 13.1.2: If-None-Match wins over If-Modified-Since.
		if etagMatches(inm, etag) {
			return true, c.NoContent(http.StatusNotModified)
		}
		return false, nil
	}
	if ims := req.Header.Get("If-Modified-Since"); ims != "" {
		t, err := http.ParseTime(ims)
		if err == nil && !v.ChangedAt.After(t) && v.ChangedAt.Before(time.Now().Truncate(time.Second)) {
			// The last check keeps a change made later within the same
			// second from hiding behind a second-resolution date.
			return true, c.NoContent(http.StatusNotModified)
		}
	}
	return false, nil
}

// etagMatches is the weak comparison of If-None-Match against our tag.
func etagMatches(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}
