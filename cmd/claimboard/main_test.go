package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/internal/testdb"
)

// runCmd runs one command line in-process and returns its outputs.
func runCmd(t *testing.T, env map[string]string, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err := run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestUsageErrorsExit2WithOneLine(t *testing.T) {
	cases := [][]string{
		{"frobnicate"},
		{"migrate"},
		{"migrate", "sideways"},
		{"ingest"},
		{"extract", "--format", "xml", "x.txt"},
		{"serve", "--no-such-flag"},
		{"serve", "--base-url", "javascript:alert(1)"},
		{"serve", "--base-url", "claims.example.org"},
		{"serve", "--trusted-proxy", "10.0.0.0/8,not-an-address"},
		{"export", "--base-url", "//evil.example"},
		{"version", "extra"},
	}
	for _, args := range cases {
		_, _, err := runCmd(t, nil, "", args...)
		if err == nil || exitCode(err) != 2 {
			t.Errorf("%v: err = %v (exit %d), want a usage error", args, err, exitCode(err))
			continue
		}
		if strings.Contains(oneLine(err.Error()), "\n") {
			t.Errorf("%v: message is not one line", args)
		}
	}
}

func TestIngestReportsFileAndLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"title\":\"A\",\"abstract\":\"B\"}\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCmd(t, nil, "", "ingest", "--db", filepath.Join(dir, "c.db"), bad)
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Fatalf("err = %v, want a runtime error naming bad.jsonl:2", err)
	}
	_, _, err = runCmd(t, nil, "", "ingest", "--db", filepath.Join(dir, "c.db"), filepath.Join(dir, "missing.txt"))
	if err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Fatalf("missing file err = %v", err)
	}
}

func TestExtractPrintsOneLinePerPaper(t *testing.T) {
	page := "Paper One\n\nWe achieve up to 277 FPS on an RTX 3090 GPU and 583 FPS on an RTX 4090 GPU.\n\nPaper Two\n\nWe study things without numbers.\n"
	out, _, err := runCmd(t, nil, page, "extract", "-")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want one per paper:\n%s", len(lines), out)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &raw); err != nil {
		t.Fatal(err)
	}
	if claims, ok := raw["claims"].([]any); !ok || len(claims) != 0 {
		t.Fatalf("paper without claims = %s, want \"claims\": []", lines[1])
	}
	var first extract.PaperClaims
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Title != "Paper One" || len(first.Claims) != 2 {
		t.Fatalf("first paper = %+v", first)
	}
	for i, want := range []struct {
		v  float64
		hw string
	}{{277, "NVIDIA RTX 3090"}, {583, "NVIDIA RTX 4090"}} {
		c := first.Claims[i]
		if c.Metric != "fps" || c.Value != want.v || c.Hardware != want.hw {
			t.Errorf("claim %d = %+v, want fps %v on %s", i, c, want.v, want.hw)
		}
	}
	csvOut, _, err := runCmd(t, nil, page, "extract", "--format", "csv", "-")
	if err != nil {
		t.Fatal(err)
	}
	if rows := strings.Count(strings.TrimSpace(csvOut), "\n"); rows != 2 {
		t.Fatalf("csv has %d data rows, want 2:\n%s", rows, csvOut)
	}
}

func TestMigrateCommands(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		env := map[string]string{"DATABASE_URL": dsn}
		out, _, err := runCmd(t, env, "", "migrate", "up")
		if err != nil || !strings.Contains(out, "applied 00002") {
			t.Fatalf("up: %v\n%s", err, out)
		}
		out, _, err = runCmd(t, env, "", "migrate", "status")
		if err != nil || strings.Count(out, "applied") < 2 || strings.Contains(out, "pending") {
			t.Fatalf("status: %v\n%s", err, out)
		}
		// Flags may come after the action, as people type them.
		out, _, err = runCmd(t, nil, "", "migrate", "down", "--db", dsn)
		if err != nil || !regexp.MustCompile(`rolled back \d{5} `).MatchString(out) {
			t.Fatalf("down: %v\n%s", err, out)
		}
		out, _, _ = runCmd(t, env, "", "migrate", "status")
		if !strings.Contains(out, "pending") {
			t.Fatalf("status after down:\n%s", out)
		}
		// A stale schema is refused by serve --no-migrate.
		_, _, err = runCmd(t, env, "", "serve", "--no-migrate", "--addr", "127.0.0.1:0")
		if err == nil || !strings.Contains(err.Error(), "migrate up") {
			t.Fatalf("serve --no-migrate on a stale schema: err = %v", err)
		}
		if _, _, err = runCmd(t, env, "", "migrate", "up"); err != nil {
			t.Fatal(err)
		}
	})
}

// TestServeEndToEnd starts the real server on the bundled corpus, as the
// README tells a user to, and checks what a user would see.
func TestServeEndToEnd(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		addr := freeAddr(t)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		var logs syncBuffer
		go func() {
			done <- run(ctx, []string{"serve", "--addr", addr, "--db", dsn}, func(string) string { return "" },
				strings.NewReader(""), io.Discard, &logs)
		}()
		base := "http://" + addr
		waitReady(t, base+"/readyz", done)

		body := httpGet(t, base+"/leaderboards/fps", 200)
		for _, want := range []string{"277", "583", "79.8", "RTX 3090", "RTX 4090"} {
			if !strings.Contains(body, want) {
				t.Errorf("/leaderboards/fps lacks %q", want)
			}
		}
		httpGet(t, base+"/leaderboards/nonsense", 404)
		home := httpGet(t, base+"/", 200)
		if !strings.Contains(home, "from 76 papers") {
			t.Errorf("home page does not count the 76 bundled papers")
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("serve returned %v\n%s", err, logs.String())
		}

		// Starting again on the same database adds no paper twice.
		ctx2, cancel2 := context.WithCancel(context.Background())
		go func() {
			done <- run(ctx2, []string{"serve", "--addr", addr, "--db", dsn}, func(string) string { return "" },
				strings.NewReader(""), io.Discard, io.Discard)
		}()
		waitReady(t, base+"/readyz", done)
		home = httpGet(t, base+"/", 200)
		cancel2()
		<-done
		if !strings.Contains(home, "from 76 papers") {
			t.Errorf("second start changed the paper count")
		}
	})
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func waitReady(t *testing.T, url string, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("server exited early: %v", err)
		default:
		}
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s not ready within 20s", url)
}

func httpGet(t *testing.T, url string, status int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("GET %s = %d, want %d", url, resp.StatusCode, status)
	}
	return string(b)
}

// syncBuffer collects the server's log lines written from its goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
