package handlers_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/testdb"
)

// bigExport adds rows enough that one full export (about 12 MB) cannot
// disappear into the kernel's socket buffers: a client that stops reading
// really does hold the server's writer.
func bigExport(t *testing.T, dsn string) {
	t.Helper()
	_, err := testdb.SQL(t, dsn).Exec(`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 20000)
		INSERT INTO claims (paper_id, metric_id, value, unit, baseline, evidence, evidence_start, evidence_end, confidence, status)
		SELECT (SELECT MIN(id) FROM papers), (SELECT id FROM metrics WHERE slug = 'fps'),
			i, 'FPS', '', 'row ' || i || ' ` + strings.Repeat("padding ", 75) + `', 0, 1, 0.5, 'extracted' FROM seq`)
	if err != nil {
		t.Fatal(err)
	}
}

// slowReader asks for path over a raw TCP connection with a tiny receive
// window, reads the status line (so the export is known to be running) and
// then never reads again. It reports the status line, or "" when none came.
func slowReader(t *testing.T, addr, path string, status chan<- string) net.Conn {
	t.Helper()
	d := net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		return rc.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
	}}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", path, addr); err != nil {
		t.Fatal(err)
	}
	go func() {
		line, _ := bufio.NewReaderSize(conn, 16).ReadString('\n')
		status <- strings.TrimSpace(line)
	}()
	return conn
}

// The attack of issue 18: downloads that are never read, one more than the
// shared pool has connections. Pages, a suggestion and a login must still
// answer, each within a one-second deadline.
func TestSlowReadersDoNotTakeTheSiteDown(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		mustModerator(t, s, "alice")
		bigExport(t, dsn)
		srv := httptest.NewServer(s.e)
		t.Cleanup(srv.Close)
		addr := srv.Listener.Addr().String()

		n := s.store.PoolSize() + 1
		status := make(chan string, n)
		var conns []net.Conn
		t.Cleanup(func() {
			for _, c := range conns {
				c.Close() // before srv.Close, which waits for the stuck handlers
			}
		})
		for i := range n {
			path := "/export/claims.csv"
			if i%2 == 1 {
				// page is ignored by the CSV but keeps the cache from
				// merging these into one request.
				path = fmt.Sprintf("/leaderboards/fps.csv?sort=date&page=%d", i)
			}
			conns = append(conns, slowReader(t, addr, path, status))
		}
		// Let the downloads start (or be refused) before probing; on a site
		// whose pool they exhaust some never get a status line at all.
		got := map[string]int{}
		settle := time.After(15 * time.Second)
	wait:
		for range n {
			select {
			case line := <-status:
				got[line]++
			case <-settle:
				break wait
			}
		}
		t.Logf("%d slow readers: %v", n, got)
		// The running downloads fill the socket buffers (a few MB) and then
		// block; let them get there so the probes below share the CPU with
		// nothing but each other.
		time.Sleep(time.Second)

		jar, _ := cookiejar.New(nil)
		cl := &http.Client{Timeout: time.Second, Jar: jar,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		probe := func(what, method, path string, form url.Values, want int) *goquery.Document {
			t.Helper()
			var res *http.Response
			var err error
			start := time.Now()
			defer func() { t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond)) }()
			if method == http.MethodPost {
				res, err = cl.PostForm(srv.URL+path, form)
			} else {
				res, err = cl.Get(srv.URL + path)
			}
			if err != nil {
				t.Errorf("%s while %d downloads hang: %v", what, n, err)
				return nil
			}
			defer res.Body.Close()
			if res.StatusCode != want {
				t.Errorf("%s while %d downloads hang = %d, want %d", what, n, res.StatusCode, want)
			}
			doc, _ := goquery.NewDocumentFromReader(res.Body)
			return doc
		}
		probe("uncached leaderboard", http.MethodGet, "/leaderboards/latency?q=probe", nil, http.StatusOK)
		probe("claim page", http.MethodGet, "/claims/1", nil, http.StatusOK)
		probe("readyz", http.MethodGet, "/readyz", nil, http.StatusOK)
		if doc := probe("suggestion form", http.MethodGet, "/claims/1/corrections", nil, http.StatusOK); doc != nil {
			token, _ := doc.Find(`input[name="_csrf"]`).First().Attr("value")
			probe("suggestion", http.MethodPost, "/claims/1/corrections",
				url.Values{"_csrf": {token}, "not_a_claim": {"1"}, "reason": {"slow readers"}}, http.StatusCreated)
		}
		if doc := probe("login form", http.MethodGet, "/login", nil, http.StatusOK); doc != nil {
			token, _ := doc.Find(`input[name="_csrf"]`).First().Attr("value")
			probe("login", http.MethodPost, "/login",
				url.Values{"_csrf": {token}, "username": {"alice"}, "password": {"a long test password"}}, http.StatusSeeOther)
		}
	})
}

// Concurrent requests for one cached URL wait for the first to render it. A
// download too big to cache must not make them wait for its slow client:
// they go ahead as soon as it has outgrown the cache.
func TestSlowReaderDoesNotHoldItsURL(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		bigExport(t, dsn)
		srv := httptest.NewServer(s.e)
		t.Cleanup(srv.Close)
		const path = "/leaderboards/fps.csv?sort=date"
		status := make(chan string, 1)
		conn := slowReader(t, srv.Listener.Addr().String(), path, status)
		t.Cleanup(func() { conn.Close() })
		select {
		case line := <-status:
			if !strings.Contains(line, " 200 ") {
				t.Fatalf("slow reader got %q", line)
			}
		case <-time.After(15 * time.Second):
			t.Fatal("the slow reader's download never started")
		}
		cl := &http.Client{Timeout: 5 * time.Second}
		res, err := cl.Get(srv.URL + path)
		if err != nil {
			t.Fatalf("the same CSV while a slow client downloads it: %v", err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("the same CSV while a slow client downloads it = %d", res.StatusCode)
		}
	})
}
