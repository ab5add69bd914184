package handlers_test

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
)

// TestPrecisionFromSuggestionToExports follows the precision field, added
// as one row of the field table and migration 00018, through everything the
// table drives: the form refuses a value outside the vocabulary by name,
// a moderator accepts "bf16", and the claim page, its history, the CSV and
// the API all show it, while other claims' precision is empty or null.
func TestPrecisionFromSuggestionToExports(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		visitor := newClient(t, s, "198.51.100.7")
		_, doc := visitor.get("/claims/1/corrections")
		if opts := doc.Find(`select[name="precision"] option`); opts.Length() != 9 || opts.First().Text() != "not stated" {
			t.Fatalf("precision select: %d options, first %q", opts.Length(), opts.First().Text())
		}
		form := formValues(doc, `[data-testid="correction-form"]`)
		form.Set("reason", "the paper trains in bf16")
		form.Set("precision", "fp12")
		rec, doc := visitor.post("/claims/1/corrections", form)
		if rec.Code != http.StatusUnprocessableEntity || doc.Find(`[data-testid="error-precision"]`).Text() != "choose a precision from the list" {
			t.Fatalf("fp12: status %d, error %q", rec.Code, doc.Find(`[data-testid="error-precision"]`).Text())
		}
		form.Set("precision", "bf16")
		if rec, _ := visitor.post("/claims/1/corrections", form); rec.Code != http.StatusCreated {
			t.Fatalf("bf16: status %d", rec.Code)
		}

		mustModerator(t, s, "alice")
		mod := newClient(t, s, "192.0.2.1")
		login(t, mod, "alice")
		_, doc = mod.get("/moderation")
		item := doc.Find(`[data-testid="pending"]`)
		if item.Find(`[data-testid="field-precision"] [data-testid="proposed"] mark`).Text() != "bf16" {
			t.Fatalf("queue does not propose bf16: %q", item.Find(`[data-testid="field-precision"]`).Text())
		}
		id, _ := item.Attr("data-correction-id")
		if rec, _ := mod.post("/moderation/"+id+"/accept", formValues(doc, `[data-testid="pending"] form`)); rec.Code != http.StatusSeeOther {
			t.Fatalf("accept: status %d", rec.Code)
		}

		_, doc = s.get(t, "/claims/1")
		if got := doc.Find(`[data-testid="claim-precision"]`).Text(); got != "bf16" {
			t.Fatalf("claim page precision %q", got)
		}
		if row := doc.Find(`[data-testid="field-precision"]`); row.Find(`[data-testid="proposed"]`).Text() != "bf16" {
			t.Fatalf("history has no precision change: %q", row.Text())
		}

		var claim map[string]any
		rec, _ = s.get(t, "/api/v1/claims/1")
		if err := json.Unmarshal(rec.Body.Bytes(), &claim); err != nil || claim["precision"] != "bf16" {
			t.Fatalf("API claim 1 precision = %v (%v)", claim["precision"], err)
		}
		rec, _ = s.get(t, "/api/v1/claims/2")
		if err := json.Unmarshal(rec.Body.Bytes(), &claim); err != nil || claim["precision"] != nil {
			t.Fatalf("API claim 2 precision = %v (%v)", claim["precision"], err)
		}

		rec, _ = s.get(t, "/export/claims.csv")
		recs, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("export: %d records, %v", len(recs), err)
		}
		col, url := slices.Index(recs[0], "precision"), slices.Index(recs[0], "claim_url")
		found := false
		for _, r := range recs[1:] {
			switch {
			case strings.HasSuffix(r[url], "/claims/1"):
				found = r[col] == "bf16"
			case r[col] != "":
				t.Errorf("%s: precision %q, want empty", r[url], r[col])
			}
		}
		if col < 0 || !found {
			t.Fatalf("export has no precision bf16 for claim 1 (header %v)", recs[0])
		}
	})
}
