package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/glebarez/go-sqlite" // database/sql driver "sqlite", to play moderator in the database

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/ingesttest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var summaryRe = regexp.MustCompile(`(?m)^papers: (\d+) added, (\d+) updated, (\d+) unchanged; claims: (\d+); errors: (\d+); elapsed \S+$`)

func TestIngestCommandFormatsSkipBadAndSummary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	mixed := writeFile(t, dir, "mixed.jsonl", []byte("{\"title\":\"Good One\",\"abstract\":\"x\"}\n{\"title\":\"No abstract\"}\n{\"title\":\"Good Two\",\"abstract\":\"y\"}\n"))
	page := writeFile(t, dir, "page.txt", []byte("A Title\n\nAn abstract.\n"))

	if _, _, err := runCmd(t, nil, "", "ingest", "--db", db, "--format", "csv", page); exitCode(err) != 2 {
		t.Fatalf("--format csv: err = %v, want a usage error", err)
	}
	// Forcing a format that does not fit names the file and line.
	_, _, err := runCmd(t, nil, "", "ingest", "--db", db, "--format", "jsonl", page)
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "page.txt:1: invalid JSON") {
		t.Fatalf("page as jsonl: err = %v", err)
	}
	out, _, err := runCmd(t, nil, "", "ingest", "--db", db, page, mixed)
	if err == nil || !strings.Contains(err.Error(), "mixed.jsonl:2: missing \"abstract\"") || !strings.Contains(err.Error(), "nothing of") {
		t.Fatalf("bad file: err = %v", err)
	}
	if m := summaryRe.FindStringSubmatch(out); m == nil || m[1] != "1" || m[5] != "1" {
		t.Fatalf("summary after a failed file:\n%s", out)
	}
	out, errOut, err := runCmd(t, nil, "", "ingest", "--db", db, "--skip-bad", mixed, page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "skipped "+mixed+":2: missing \"abstract\"") || strings.Contains(errOut, "\r") {
		t.Fatalf("stderr does not list the bad record, or drew a bar off a terminal:\n%q", errOut)
	}
	if m := summaryRe.FindStringSubmatch(out); m == nil || m[1] != "2" || m[3] != "1" || m[5] != "1" {
		t.Fatalf("summary = %q, want 2 added, 1 unchanged, 1 error:\n%s", m, out)
	}
	out, _, err = runCmd(t, nil, "The Piped Paper\n\nFrom standard input.\n", "ingest", "--db", db, "-")
	if err != nil || !strings.Contains(out, "<stdin> (page): 1 added") {
		t.Fatalf("stdin: %v\n%s", err, out)
	}
}

func TestProgressBar(t *testing.T) {
	if got := progressLine("f.jsonl", 500, 1000, 10*time.Second); !strings.Contains(got, "500/1000") ||
		!strings.Contains(got, " 50%") || !strings.Contains(got, "50/s") || !strings.Contains(got, "ETA 10s") {
		t.Fatalf("progressLine = %q", got)
	}
	var buf bytes.Buffer
	now := time.Unix(0, 0)
	p := newProgress(&buf, "f", func() time.Time { return now })
	p.update(1000, progressMin)
	if buf.Len() != 0 {
		t.Fatalf("drew on a writer that is no terminal: %q", buf.String())
	}
	p.terminal = true
	now = now.Add(time.Second)
	p.update(1000, progressMin)
	p.update(1001, progressMin) // within 100 ms: not redrawn
	p.done()
	if got := buf.String(); strings.Count(got, "/s") != 1 || !strings.HasPrefix(got, "\r\x1b[K") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Fatalf("bar output = %q", got)
	}
	buf.Reset()
	small := newProgress(&buf, "f", time.Now)
	small.terminal = true
	small.update(10, 20)
	if buf.Len() != 0 {
		t.Fatalf("drew a bar for a small input: %q", buf.String())
	}
}

// The reextract command keeps a corrected claim and a claim with a revision
// exactly as they are and replaces the untouched extracted ones.
func TestReextractCommandKeepsHumanDecisions(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		abstract := "We render at up to 277 FPS on an RTX 3090 GPU and 583 FPS on an RTX 4090 GPU, a 2.1x speedup."
		claim := func(v float64, ev string) models.ClaimInput {
			i := strings.Index(abstract, ev)
			return models.ClaimInput{Metric: "fps", Value: v, Unit: "FPS", RawText: ev, Evidence: ev,
				EvidenceStart: i, EvidenceEnd: i + len(ev), ExtractorVersion: "old"}
		}
		if _, err := s.SavePapers(ctx, []models.PaperInput{{Title: "Moderated", Abstract: abstract, Claims: []models.ClaimInput{
			claim(277, "277 FPS"), claim(583, "583 FPS"), claim(2.1, "2.1x"), claim(1, "RTX 3090"),
		}}}); err != nil {
			t.Fatal(err)
		}
		db := testdb.SQL(t, dsn)
		var ids []int64
		rows, err := db.Query("SELECT id FROM claims ORDER BY evidence_start")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			_ = rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		if len(ids) != 4 {
			t.Fatalf("claims = %v", ids)
		}
		// Moderators: correct the first claim, leave a revision on the second.
		for _, q := range []string{
			"UPDATE claims SET status = 'corrected', value = 280, version = 2 WHERE id = $1",
			"INSERT INTO claim_revisions (claim_id, note) VALUES ($1, 'checked')",
		} {
			if models.DialectOf(dsn) == models.DialectSQLite {
				q = strings.Replace(q, "$1", "?", 1)
			}
			id := ids[0]
			if strings.HasPrefix(q, "INSERT") {
				id = ids[1]
			}
			if _, err := db.Exec(q, id); err != nil {
				t.Fatal(err)
			}
		}
		row := func(id int64) string {
			var out string
			err := db.QueryRow("SELECT CAST(value AS TEXT) || '|' || status || '|' || CAST(version AS TEXT) || '|' || evidence || '|' || extractor_version || '|' || CAST(updated_at AS TEXT) FROM claims WHERE id = " +
				strconv.FormatInt(id, 10)).Scan(&out)
			if err != nil {
				return "gone"
			}
			return out
		}
		before := []string{row(ids[0]), row(ids[1])}

		out, _, err := runCmd(t, nil, "", "reextract", "--db", dsn)
		if err != nil {
			t.Fatal(err)
		}
		// What the current extractor finds, less what humans already decided.
		fresh := 0
		for _, c := range ingest.Claims(abstract) {
			if !(c.RawText == "277 FPS" && c.Evidence == "277 FPS") && !(c.RawText == "583 FPS" && c.Evidence == "583 FPS") {
				fresh++
			}
		}
		want := "reextract: 1 papers (0 filled from the bundled metadata); claims: " + strconv.Itoa(fresh) + " added, 2 removed, 2 kept (2 touched by a human)"
		if !strings.HasPrefix(out, want) {
			t.Fatalf("output = %q, want %q", out, want)
		}
		if got := []string{row(ids[0]), row(ids[1])}; got[0] != before[0] || got[1] != before[1] {
			t.Fatalf("human-touched claims changed:\nbefore %q\nafter  %q", before, got)
		}
		if row(ids[2]) != "gone" || row(ids[3]) != "gone" {
			t.Fatal("untouched extracted claims were not replaced")
		}
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM claims").Scan(&n); err != nil || n != 2+fresh {
			t.Fatalf("claims = %d, want %d", n, 2+fresh)
		}
	})
}

// A run killed with SIGKILL in the middle of a file leaves the database as
// it was before that file (earlier files stay), and a rerun completes with
// no duplicates.
func TestIngestKilledMidwayRerunsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 25,000 papers")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "claimboard")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	small := writeFile(t, dir, "small.jsonl", ingesttest.JSONL(ingesttest.Papers(300, 11)))
	large := writeFile(t, dir, "large.jsonl", ingesttest.JSONL(ingesttest.Papers(25_000, 12)))
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		db := testdb.SQL(t, dsn)
		count := func(q string) int {
			t.Helper()
			var n int
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return n
		}
		cmd := exec.Command(bin, "ingest", "--db", dsn, small, large)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The first file's line means it is committed and the large one has begun.
		buf := make([]byte, 4096)
		var seen string
		for !strings.Contains(seen, "small.jsonl") {
			n, err := stdout.Read(buf)
			if err != nil {
				t.Fatalf("ingest ended before the first file was done: %v\n%s%s", err, seen, stderr.String())
			}
			seen += string(buf[:n])
		}
		time.Sleep(700 * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err = cmd.Wait()
		ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("ingest was not killed midway (err %v): make the large file larger\n%s", err, stderr.String())
		}

		if n := count("SELECT COUNT(*) FROM papers"); n != 300 {
			t.Fatalf("after the kill: %d papers, want the 300 of the committed file and none of the killed one", n)
		}
		if n := count("SELECT COUNT(*) FROM papers WHERE source_file <> '" + small + "' OR ingested_at IS NULL"); n != 0 {
			t.Fatalf("%d papers not from the committed file", n)
		}
		if n := count("SELECT COUNT(*) FROM claims c LEFT JOIN papers p ON p.id = c.paper_id WHERE p.id IS NULL"); n != 0 {
			t.Fatalf("%d claims without a paper", n)
		}

		out, err := exec.Command(bin, "ingest", "--db", dsn, small, large).CombinedOutput()
		if err != nil {
			t.Fatalf("rerun: %v\n%s", err, out)
		}
		if m := summaryRe.FindStringSubmatch(string(out)); m == nil || m[1] != "25000" || m[3] != "300" {
			t.Fatalf("rerun summary: %s", out)
		}
		if n := count("SELECT COUNT(*) FROM papers"); n != 25_300 {
			t.Fatalf("papers = %d, want 25300", n)
		}
		if n := count("SELECT COUNT(*) FROM (SELECT content_key FROM papers GROUP BY content_key HAVING COUNT(*) > 1) d"); n != 0 {
			t.Fatalf("%d duplicated papers", n)
		}
	})
}
