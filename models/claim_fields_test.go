package models_test

import (
	"context"
	"slices"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// TestEveryClaimsColumnIsAFieldOrExcluded reads the columns of claims from
// the migrated database: each must be stored by a row of the field table or
// be excluded with a reason, so a column added by a migration cannot be left
// out of the form, the history and the exports by accident.
func TestEveryClaimsColumnIsAFieldOrExcluded(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		types, err := s.GormDB().Migrator().ColumnTypes("claims")
		if err != nil || len(types) == 0 {
			t.Fatalf("columns of claims: %v, %v", types, err)
		}
		stored := map[string]string{}
		for _, f := range models.ClaimFieldTable {
			for _, col := range f.Columns {
				stored[col] = f.Name
			}
		}
		var columns []string
		for _, ct := range types {
			col := ct.Name()
			columns = append(columns, col)
			_, field := stored[col]
			_, excluded := models.ClaimFieldColumnsExcluded[col]
			switch {
			case field && excluded:
				t.Errorf("claims.%s is stored by field %q and also excluded", col, stored[col])
			case !field && !excluded:
				t.Errorf("claims.%s is neither stored by a row of models.ClaimFieldTable nor in claimFieldColumnsExcluded", col)
			}
		}
		for col, field := range stored {
			if !slices.Contains(columns, col) {
				t.Errorf("field %q names column %q, which claims does not have", field, col)
			}
		}
		for col := range models.ClaimFieldColumnsExcluded {
			// SQLite keeps its word index in an FTS5 table (migration 00023).
			if col == "search_tsv" && s.Dialect() == models.DialectSQLite {
				continue
			}
			if !slices.Contains(columns, col) {
				t.Errorf("excluded column %q is not a column of claims", col)
			}
		}
	})
}

// TestEverySuggestableFieldRoundTrips reports a missing claim with every
// suggestable field of the table set, accepts it and reads the claim back:
// each field must come back as typed, be on the claim's history, and appear
// in the moderation queue's proposal. A row whose column, query or write
// is missing fails here.
func TestEverySuggestableFieldRoundTrips(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)
		form := models.SuggestionForm{Reason: "every field"}
		for _, f := range models.SuggestableFields() {
			f.SetFormText(&form, sampleText(f))
		}
		c := mustSubmit(t, s, models.NewSuggestion{PaperID: d.PaperID, Form: form})
		pending, err := s.PendingCorrections(ctx)
		if err != nil || len(pending) != 1 {
			t.Fatalf("pending = %+v, %v", pending, err)
		}
		rev, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.GetClaim(ctx, rev.ClaimID)
		if err != nil {
			t.Fatal(err)
		}
		hist, err := s.ClaimHistory(ctx, rev.ClaimID)
		if err != nil || len(hist) != 1 {
			t.Fatalf("history = %+v, %v", hist, err)
		}
		after := map[string]string{}
		for _, ch := range hist[0].Changes {
			after[ch.Field] = ch.After
		}
		cf := models.ClaimFieldsOf(got)
		for _, f := range models.SuggestableFields() {
			want := sampleText(f)
			if v := f.Text(&cf); v != want {
				t.Errorf("%s: stored %q, want %q", f.Name, v, want)
			}
			if v := f.Text(&pending[0].Proposed); v != want {
				t.Errorf("%s: proposed %q, want %q", f.Name, v, want)
			}
			if !slices.Contains(pending[0].ProposedFields, f.Name) {
				t.Errorf("%s: not among the proposed fields %v", f.Name, pending[0].ProposedFields)
			}
			if after[f.Name] != want {
				t.Errorf("%s: history after %q, want %q", f.Name, after[f.Name], want)
			}
		}
	})
}

// sampleText is a valid, non-empty form value for a field of the table.
func sampleText(f models.ClaimField) string {
	switch {
	case f.Example != "":
		return f.Example
	case f.Name == "evidence":
		return "Training takes 3 hours on 8 A100 GPUs"
	case f.Name == "metric":
		return "duration"
	case f.Kind == models.EnumField:
		return f.Options[len(f.Options)-1]
	case f.Kind == models.NumberField:
		return "12"
	case f.Kind == models.DeviceField:
		return "NVIDIA A100"
	}
	return "sample " + f.Name
}
