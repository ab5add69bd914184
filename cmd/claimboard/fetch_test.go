package main

import (
	"bytes"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimboard/claimboard/ingest/arxivtest"
	"github.com/claimboard/claimboard/internal/testdb"
)

var fetchSummaryRe = regexp.MustCompile(`(?m)^fetch arxiv: (\d+) entries in (\d+) requests \((\d+) retries\), resumed at (\d+), next (\d+) of (\d+); papers: (\d+) added, (\d+) updated, (\d+) unchanged; claims: (\d+); bad: (\d+); elapsed \S+$`)

// shortInterval lets in-process tests talk to the local server quickly.
func shortInterval(t *testing.T) {
	old := arxivMinInterval
	arxivMinInterval = "5ms"
	t.Cleanup(func() { arxivMinInterval = old })
}

func TestFetchArxivUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	for _, args := range [][]string{
		{"fetch"},
		{"fetch", "pubmed", "--query", "x"},
		{"fetch", "arxiv"},
		{"fetch", "arxiv", "--query", "all:x", "--from", "March"},
		{"fetch", "arxiv", "--query", "all:x", "--from", "2024-03-01", "--to", "2024-01-01"},
		{"fetch", "arxiv", "--query", "all:x", "--page-size", "0"},
		{"fetch", "arxiv", "--query", "all:x", "--max", "-1"},
		{"fetch", "arxiv", "--query", "all:x", "--arxiv-api", "file:///etc/passwd", "--db", db},
		{"fetch", "arxiv", "--query", "all:x", "extra"},
	} {
		_, _, err := runCmd(t, nil, "", args...)
		if exitCode(err) != 2 || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: err = %v, want a one-line usage error (exit 2)", args, err)
		}
	}
}

func TestFetchArxivSummaryAndRefusedQuery(t *testing.T) {
	shortInterval(t)
	db := filepath.Join(t.TempDir(), "c.db")
	s := arxivtest.New(30)
	srv := httptest.NewServer(s)
	defer srv.Close()
	out, _, err := runCmd(t, nil, "", "fetch", "arxiv", "--db", db, "--query", "cat:cs.DC AND abs:GPU",
		"--page-size", "20", "--arxiv-api", srv.URL+"/api/query")
	if err != nil {
		t.Fatal(err)
	}
	m := fetchSummaryRe.FindStringSubmatch(out)
	if m == nil || m[1] != "30" || m[2] != "2" || m[5] != "30" || m[7] != "30" {
		t.Fatalf("summary: %q", out)
	}

	s.Faults = func(n, start int) arxivtest.Fault { return arxivtest.Fault{APIError: "malformed query"} }
	out, _, err = runCmd(t, nil, "", "fetch", "arxiv", "--db", db, "--query", "all:(x", "--arxiv-api", srv.URL+"/api/query")
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "refused the query: malformed query") || !strings.Contains(err.Error(), "check --query") {
		t.Fatalf("refused query: err = %v", err)
	}
	if fetchSummaryRe.FindString(out) == "" {
		t.Fatalf("no summary line after an error: %q", out)
	}
}

// A network error names the URL and says what to do; the summary line still closes the run.
func TestFetchArxivNetworkErrorNamesTheURL(t *testing.T) {
	shortInterval(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + "/api/query"
	ln.Close() // nothing listens there now
	db := filepath.Join(t.TempDir(), "c.db")
	out, _, err := runCmd(t, nil, "", "fetch", "arxiv", "--db", db, "--query", "all:gpu", "--arxiv-api", base)
	if exitCode(err) != 1 {
		t.Fatalf("err = %v, want a runtime error", err)
	}
	for _, want := range []string{"GET " + base + "?", "connection refused", "gave up after 7 attempts", "check the network and --arxiv-api", "run the same command again: it resumes at entry 0"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if m := fetchSummaryRe.FindStringSubmatch(out); m == nil || m[2] != "7" || m[3] != "6" {
		t.Fatalf("summary: %q", out)
	}
}

// A harvest killed with SIGKILL mid-run resumes from its checkpoint with no
// duplicate and no gap, and no two requests come closer than the interval.
// HARVEST_PAPERS, HARVEST_PAGE and HARVEST_INTERVAL (a duration, or "default"
// for arXiv's three seconds as shipped) scale it up: scripts/harvest.sh runs
// 10,000 papers at the shipped spacing.
func TestFetchArxivKilledMidRunResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and harvests a replayed API")
	}
	papers := envInt(t, "HARVEST_PAPERS", 2000)
	page := envInt(t, "HARVEST_PAGE", 100)
	interval := os.Getenv("HARVEST_INTERVAL")
	if interval == "" {
		interval = "25ms"
	}
	least, err := time.ParseDuration(interval)
	if interval == "default" {
		least, err = 3*time.Second, nil
	}
	if err != nil {
		t.Fatalf("HARVEST_INTERVAL: %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "claimboard")
	args := []string{"build", "-o", bin}
	if interval != "default" {
		args = append(args, "-ldflags", "-X main.arxivMinInterval="+interval)
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := arxivtest.New(papers)
		srv := httptest.NewServer(s)
		defer srv.Close()
		fetch := func() *exec.Cmd {
			return exec.Command(bin, "fetch", "arxiv", "--db", dsn, "--query", "cat:cs.DC AND abs:GPU",
				"--page-size", strconv.Itoa(page), "--arxiv-api", srv.URL+"/api/query")
		}
		db := testdb.SQL(t, dsn)
		count := func(q string) int {
			t.Helper()
			var n int
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return n
		}
		began := time.Now()
		cmd := fetch()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		pages := (papers + page - 1) / page
	wait:
		for len(s.Requests()) < pages/2 {
			select {
			case <-exited:
				break wait
			case <-time.After(5 * time.Millisecond):
			}
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		<-exited
		ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("fetch was not killed mid-run\n%s", stderr.String())
		}
		killedAt := len(s.Requests())
		stored := count("SELECT COUNT(*) FROM papers")
		next := count("SELECT next_start FROM harvests")
		if stored != next || stored == 0 || stored >= papers || stored%page != 0 {
			t.Fatalf("after the kill: %d papers and checkpoint %d; want whole pages, as many as the checkpoint says", stored, next)
		}

		out, err := fetch().CombinedOutput()
		if err != nil {
			t.Fatalf("resume: %v\n%s", err, out)
		}
		m := fetchSummaryRe.FindStringSubmatch(string(out))
		if m == nil || m[4] != strconv.Itoa(next) || m[5] != strconv.Itoa(papers) || m[7] != strconv.Itoa(papers-next) || m[9] != "0" {
			t.Fatalf("resume summary (want resumed at %d): %s", next, out)
		}
		reqs := s.Requests()
		if reqs[killedAt].Start != next {
			t.Fatalf("the resumed run asked for %d first, want the checkpoint %d", reqs[killedAt].Start, next)
		}
		if n := count("SELECT COUNT(*) FROM papers"); n != papers {
			t.Fatalf("papers = %d, want %d", n, papers)
		}
		if n := count("SELECT COUNT(DISTINCT arxiv_id) FROM papers"); n != papers {
			t.Fatalf("distinct arXiv ids = %d, want %d", n, papers)
		}
		ids := map[string]bool{}
		rows, err := db.Query("SELECT arxiv_id FROM papers")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			_ = rows.Scan(&id)
			ids[id] = true
		}
		rows.Close()
		for _, p := range s.Papers() {
			if !ids[p.ID] {
				t.Fatalf("paper %s missing: a gap", p.ID)
			}
		}
		spacing := arxivtest.MinSpacing(reqs)
		if spacing < least {
			t.Fatalf("two requests %s apart, want at least %s", spacing, least)
		}
		t.Logf("harvest: %d papers, %d requests (%d before the kill at %d papers), min spacing %s (floor %s), %s in all",
			papers, len(reqs), killedAt, stored, spacing.Round(time.Millisecond), least, time.Since(began).Round(time.Millisecond))
	})
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

// The command as built by go build keeps arXiv's three seconds; only a build
// with -ldflags -X main.arxivMinInterval=... (as the kill test makes) differs.
func TestFetchShippedSpacingIsThreeSeconds(t *testing.T) {
	if arxivMinInterval != "3s" || minInterval() != 3*time.Second {
		t.Fatalf("arxivMinInterval = %q (%s), want 3s", arxivMinInterval, minInterval())
	}
	old := arxivMinInterval
	defer func() { arxivMinInterval = old }()
	arxivMinInterval = "nonsense"
	if minInterval() != 3*time.Second {
		t.Fatalf("a bad build setting gives %s, want the 3 s default", minInterval())
	}
}
