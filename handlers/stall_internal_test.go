package handlers

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// A client that stops reading makes the next chunk's write fail once the
// stall time has passed, over a real connection: the download ends then, not
// when the server's five-minute WriteTimeout does.
func TestStallGuardCutsOffAClientThatStopsReading(t *testing.T) {
	failed := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g := stallGuard{w, http.NewResponseController(w), 200 * time.Millisecond}
		chunk := make([]byte, stallChunk)
		for range 1 << 12 { // 256 MB: far more than any socket buffers
			if _, err := g.Write(chunk); err != nil {
				failed <- err
				return
			}
		}
		failed <- nil
	}))
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n") // and never read
	select {
	case err := <-failed:
		if err == nil {
			t.Fatal("256 MB went to a client that reads nothing")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the write to a stalled client never gave up")
	}
}
