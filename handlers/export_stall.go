package handlers

import (
	"io"
	"net/http"
	"time"
)

// stallGuard gives every write to the client its own deadline (exportStall),
// so a download ends when the client stops reading rather than when the
// server's whole-response WriteTimeout runs out minutes later.
type stallGuard struct {
	w     io.Writer
	rc    *http.ResponseController
	stall time.Duration
}

// stallChunk is the piece of a write that must reach the client within
// the stall time: a client slower than 2 KB/s is cut off, a stalled one soon.
const stallChunk = 64 << 10

func (g stallGuard) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		k := min(len(p), stallChunk)
		// Recorders in tests cannot set deadlines (ErrNotSupported); a real
		// connection always can.
		_ = g.rc.SetWriteDeadline(time.Now().Add(g.stall))
		m, err := g.w.Write(p[:k])
		n += m
		if err != nil {
			return n, err
		}
		p = p[k:]
	}
	return n, nil
}
