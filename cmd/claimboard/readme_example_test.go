package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// The README's example of the page format is ingested exactly as printed
// there, so the documentation cannot drift from the parser.
func TestReadmePageExampleIngests(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "<!-- page-example -->\n```\n")
	example, _, ok2 := strings.Cut(rest, "```\n<!-- /page-example -->")
	if !ok || !ok2 {
		t.Fatal("README has no page-format example between <!-- page-example --> markers")
	}
	dir := t.TempDir()
	file := writeFile(t, dir, "papers.txt", []byte(example))
	db := filepath.Join(dir, "c.db")
	stdout, stderr, err := runCmd(t, nil, "", "ingest", "--db", db, "--format", "page", file)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	m := summaryRe.FindStringSubmatch(stdout)
	if m == nil || m[1] != "2" || m[4] != "2" || m[5] != "0" {
		t.Fatalf("summary = %q, want 2 papers, 2 claims and no errors", stdout)
	}
	s := testdb.MustOpen(t, db)
	lb, err := s.Leaderboard(context.Background(), models.LeaderboardFilter{Metric: "fps"})
	if err != nil || len(lb.Rows) != 1 || lb.Rows[0].Value != 277 || lb.Rows[0].HardwareName != "NVIDIA RTX 3090" {
		t.Fatalf("fps board = %+v, %v", lb, err)
	}
	res, err := s.Search(context.Background(), models.SearchQuery{Text: "A100"})
	if err != nil || len(res.Claims) != 1 || res.Claims[0].Value != 2.5 {
		t.Fatalf("A100 claims = %+v, %v", res, err)
	}
}
