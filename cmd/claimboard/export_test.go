package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func TestExportWritesCSVAndJSONL(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := testdb.MustOpen(t, dsn)
		abs := "We reach =1+2 at 90 FPS, and 12 ms latency."
		_, err := s.SavePapers(context.Background(), []models.PaperInput{{
			Title: "@Fast renderer", Abstract: abs, ArxivID: "2401.00001",
			Claims: []models.ClaimInput{
				{Metric: "fps", Value: 90, Unit: "FPS", Evidence: "90 FPS", EvidenceStart: 19, EvidenceEnd: 25, Baseline: "=1+2"},
				{Metric: "fps", Value: 120, Unit: "FPS", Evidence: "90 FPS", EvidenceStart: 19, EvidenceEnd: 25},
				{Metric: "latency", Value: 12, Unit: "ms", Evidence: "12 ms", EvidenceStart: 31, EvidenceEnd: 36},
			},
		}})
		if err != nil {
			t.Fatal(err)
		}
		env := map[string]string{"DATABASE_URL": dsn}
		out, _, err := runCmd(t, env, "", "export")
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) != 4 {
			t.Fatalf("csv: %d records, %v\n%s", len(recs), err, out)
		}
		if recs[1][0] != "'@Fast renderer" || recs[1][4] != "120" || recs[2][4] != "90" || recs[2][10] != "'=1+2" {
			t.Fatalf("rows: %q", recs[1:])
		}
		if !strings.HasPrefix(recs[1][16], "http://127.0.0.1:8080/claims/") || recs[1][2] != "https://arxiv.org/abs/2401.00001" {
			t.Fatalf("urls: %q", recs[1])
		}

		out, _, err = runCmd(t, env, "", "export", "--format", "jsonl", "--metric", "latency", "--base-url", "https://cb.example/")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		var rec map[string]any
		if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &rec) != nil {
			t.Fatalf("jsonl: %q", out)
		}
		if rec["value"] != 12.0 || rec["metric"] != "latency" || rec["baseline"] != nil ||
			!strings.HasPrefix(rec["claim_url"].(string), "https://cb.example/claims/") {
			t.Fatalf("record: %v", rec)
		}

		for _, args := range [][]string{{"export", "--format", "xml"}, {"export", "--metric", "nope"}, {"export", "extra"}} {
			if _, _, err := runCmd(t, env, "", args...); err == nil || exitCode(err) != 2 {
				t.Errorf("%v: %v, want a usage error", args, err)
			}
		}
	})
}
