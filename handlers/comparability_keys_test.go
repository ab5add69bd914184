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

// comparabilityKeys are the fields migration 00021 adds, in the order the
// exports write them at the end.
var comparabilityKeys = []string{"batch_size", "resolution", "seq_len", "model_size", "dataset"}

// TestComparabilityKeysFromSuggestionToExports follows the five
// comparability keys, added as rows of the field table and migration 00021
// only, through all that the table drives: the form names each bad value,
// a moderator accepts good ones as typed, and the claim page, its history,
// the API and the CSV show them, stored in their canonical forms, while
// another claim's are empty or null.
func TestComparabilityKeysFromSuggestionToExports(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		visitor := newClient(t, s, "198.51.100.7")
		_, doc := visitor.get("/claims/1/corrections")
		labels := map[string]string{"batch_size": "Batch size", "resolution": "Resolution", "seq_len": "Sequence length",
			"model_size": "Model size", "dataset": "Benchmark / dataset"}
		for name, label := range labels {
			if doc.Find(`[name="`+name+`"]`).Length() != 1 || !strings.Contains(doc.Find(`[data-testid="correction-form"]`).Text(), label) {
				t.Fatalf("the form has no %s input labelled %q", name, label)
			}
		}
		form := formValues(doc, `[data-testid="correction-form"]`)
		form.Set("reason", "the paper states its setting")
		bad := map[string]string{"batch_size": "0", "resolution": "1920 by 1080", "seq_len": "2k", "model_size": "7Q",
			"dataset": strings.Repeat("d", 201)}
		for name, v := range bad {
			form.Set(name, v)
		}
		rec, doc := visitor.post("/claims/1/corrections", form)
		if rec.Code != http.StatusUnprocessableEntity {
			t.Fatalf("bad keys: status %d", rec.Code)
		}
		for name := range bad {
			if doc.Find(`[data-testid="error-`+name+`"]`).Text() == "" {
				t.Errorf("no error for %s=%q", name, bad[name])
			}
			if got, _ := doc.Find(`[name="` + name + `"]`).Attr("value"); got != bad[name] {
				t.Errorf("%s not shown again as typed: %q", name, got)
			}
		}
		typed := map[string]string{"batch_size": "32", "resolution": "1920 × 1080", "seq_len": "2048", "model_size": "7b", "dataset": "ImageNet"}
		for name, v := range typed {
			form.Set(name, v)
		}
		if rec, _ := visitor.post("/claims/1/corrections", form); rec.Code != http.StatusCreated {
			t.Fatalf("good keys: status %d", rec.Code)
		}

		mustModerator(t, s, "alice")
		mod := newClient(t, s, "192.0.2.1")
		login(t, mod, "alice")
		_, doc = mod.get("/moderation")
		item := doc.Find(`[data-testid="pending"]`)
		shown := map[string]string{"batch_size": "32", "resolution": "1920x1080", "seq_len": "2048", "model_size": "7B", "dataset": "ImageNet"}
		for name, want := range shown {
			if got := item.Find(`[data-testid="field-` + name + `"] [data-testid="proposed"] mark`).Text(); got != want {
				t.Errorf("queue proposes %s %q, want %q", name, got, want)
			}
		}
		id, _ := item.Attr("data-correction-id")
		if rec, _ := mod.post("/moderation/"+id+"/accept", formValues(doc, `[data-testid="pending"] form`)); rec.Code != http.StatusSeeOther {
			t.Fatalf("accept: status %d", rec.Code)
		}

		_, doc = s.get(t, "/claims/1")
		for name, want := range shown {
			if got := doc.Find(`[data-testid="claim-` + name + `"]`).Text(); got != want {
				t.Errorf("claim page %s %q, want %q", name, got, want)
			}
			if got := doc.Find(`[data-testid="field-` + name + `"] [data-testid="proposed"]`).Text(); got != want {
				t.Errorf("history %s %q, want %q", name, got, want)
			}
		}

		var claim map[string]any
		rec, _ = s.get(t, "/api/v1/claims/1")
		if err := json.Unmarshal(rec.Body.Bytes(), &claim); err != nil {
			t.Fatal(err)
		}
		api := map[string]any{"batch_size": 32.0, "resolution": "1920x1080", "seq_len": 2048.0, "model_size": 7.0, "dataset": "ImageNet"}
		for name, want := range api {
			if claim[name] != want {
				t.Errorf("API claim 1 %s = %v, want %v", name, claim[name], want)
			}
		}
		rec, _ = s.get(t, "/api/v1/claims/2")
		if err := json.Unmarshal(rec.Body.Bytes(), &claim); err != nil {
			t.Fatal(err)
		}
		for _, name := range comparabilityKeys {
			if v, ok := claim[name]; !ok || v != nil {
				t.Errorf("API claim 2 %s = %v (present %v), want null", name, v, ok)
			}
		}

		rec, _ = s.get(t, "/export/claims.csv")
		recs, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("export: %d records, %v", len(recs), err)
		}
		head := recs[0]
		if i := slices.Index(head, "arxiv_version"); i < 0 || !slices.Equal(head[i+1:], comparabilityKeys) {
			t.Fatalf("the keys are not the columns after arxiv_version: %v", head)
		}
		url := slices.Index(head, "claim_url")
		csvWant := []string{"32", "1920x1080", "2048", "7", "ImageNet"}
		found := false
		for _, r := range recs[1:] {
			keys := r[len(head)-len(comparabilityKeys):]
			switch {
			case strings.HasSuffix(r[url], "/claims/1"):
				found = slices.Equal(keys, csvWant)
			case strings.Join(keys, "") != "":
				t.Errorf("%s: keys %q, want empty", r[url], keys)
			}
		}
		if !found {
			t.Fatalf("export has no keys %v for claim 1", csvWant)
		}
	})
}
