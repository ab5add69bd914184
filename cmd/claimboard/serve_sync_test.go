package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/claimboard/claimboard/ingest/arxivtest"
	"github.com/claimboard/claimboard/internal/testdb"
)

func TestServeSyncUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--sync", "cat:cs.DC"},
		{"serve", "--sync", "arxiv:"},
		{"serve", "--sync", "arxiv:all:gpu", "--sync-every", "10s"},
	} {
		if _, _, err := runCmd(t, nil, "", args...); exitCode(err) != 2 {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

// serve --sync harvests in the background, /api/v1/status tells what it did,
// and a shutdown stops it and returns cleanly.
func TestServeSyncsInTheBackground(t *testing.T) {
	shortInterval(t)
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := arxivtest.New(45)
		srv := httptest.NewServer(s)
		defer srv.Close()
		addr := freeAddr(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		var logs syncBuffer
		getenv := func(k string) string {
			if k == "CLAIMBOARD_SYNC" {
				return "arxiv:cat:cs.DC AND abs:GPU"
			}
			return ""
		}
		go func() {
			done <- run(ctx, []string{"serve", "--addr", addr, "--db", dsn, "--no-seed", "--sync-every", "1h", "--arxiv-api", srv.URL + "/api/query"}, getenv,
				strings.NewReader(""), io.Discard, &logs)
		}()
		base := "http://" + addr
		waitReady(t, base+"/readyz", done)
		// Papers 0-44 in pages of 200: one request. Wait for the run to finish.
		var st struct {
			Papers int `json:"papers"`
			Syncs  []struct {
				Source       string     `json:"source"`
				LastFinished *time.Time `json:"last_finished"`
				PapersAdded  int        `json:"papers_added"`
				NextRun      *time.Time `json:"next_run"`
			} `json:"syncs"`
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			if err := json.Unmarshal([]byte(httpGet(t, base+"/api/v1/status", 200)), &st); err != nil {
				t.Fatal(err)
			}
			if len(st.Syncs) == 1 && st.Syncs[0].LastFinished != nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no finished sync within 20 s: %+v\n%s", st, logs.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
		g := st.Syncs[0]
		if st.Papers != 45 || g.PapersAdded != 45 || g.Source != "arxiv:cat:cs.DC AND abs:GPU" ||
			g.NextRun == nil || g.NextRun.Sub(*g.LastFinished) != time.Hour {
			t.Fatalf("status: %+v", st)
		}
		if page := httpGet(t, base+"/status", 200); !strings.Contains(page, "45 papers, ") {
			t.Fatalf("/status lacks the papers added:\n%s", page)
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("serve: %v\n%s", err, logs.String())
			}
		case <-time.After(20 * time.Second):
			t.Fatal("serve did not stop")
		}
	})
}
