package models_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

func claimIn(metric string, value float64, evidence string, start int) models.ClaimInput {
	return models.ClaimInput{Metric: metric, Value: value, Unit: "FPS", RawText: evidence, Evidence: evidence,
		EvidenceStart: start, EvidenceEnd: start + len(evidence), Confidence: 0.9, ExtractorVersion: "1"}
}

func allClaims(t *testing.T, s *models.Store, paperID int64) map[int64]models.Claim {
	t.Helper()
	var cs []models.Claim
	if err := s.GormDB().Where("paper_id = ?", paperID).Order("id").Find(&cs).Error; err != nil {
		t.Fatal(err)
	}
	out := map[int64]models.Claim{}
	for _, c := range cs {
		out[c.ID] = c
	}
	return out
}

// humanTouched saves a paper with four extracted claims, then plays moderator:
// claim 0 corrected, claim 1 given a revision only, claims 2 and 3 left alone.
func humanTouched(t *testing.T, s *models.Store) (paperID int64, ids []int64) {
	t.Helper()
	p := models.PaperInput{Title: "Moderated Paper", Abstract: "A at 1 FPS. B at 2 FPS. C at 3 FPS. D at 4 FPS.",
		Claims: []models.ClaimInput{claimIn("fps", 1, "1 FPS", 5), claimIn("fps", 2, "2 FPS", 17), claimIn("fps", 3, "3 FPS", 29), claimIn("fps", 4, "4 FPS", 41)}}
	MustSave(t, s, p)
	db := s.GormDB()
	if err := db.Raw("SELECT id FROM papers WHERE title = ?", p.Title).Scan(&paperID).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Raw("SELECT id FROM claims WHERE paper_id = ? ORDER BY evidence_start", paperID).Scan(&ids).Error; err != nil || len(ids) != 4 {
		t.Fatalf("claims %v, %v", ids, err)
	}
	if err := db.Exec("UPDATE claims SET status = 'corrected', value = 1.5, version = 2 WHERE id = ?", ids[0]).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("INSERT INTO claim_revisions (claim_id, before_state, after_state, note) VALUES (?, '{}', '{}', 'checked the PDF')", ids[1]).Error; err != nil {
		t.Fatal(err)
	}
	return paperID, ids
}

func TestReplaceClaimsKeepsEveryHumanDecision(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		paperID, ids := humanTouched(t, s)
		before := allClaims(t, s, paperID)
		// The new extractor finds claim 2 again unchanged, reads claim 3 differently,
		// finds claims 0 and 1 again (humans decided those) and one new claim.
		fresh := map[int64][]models.ClaimInput{paperID: {
			claimIn("fps", 1, "1 FPS", 5), claimIn("fps", 2, "2 FPS", 17), claimIn("fps", 3, "3 FPS", 29),
			claimIn("fps", 40, "4 FPS", 41), claimIn("fps", 5, "5 FPS", 60),
		}}
		cs, err := s.ReplaceClaims(ctx, fresh)
		if err != nil {
			t.Fatal(err)
		}
		if cs != (models.ClaimStats{Added: 2, Removed: 1, Kept: 3, Human: 2}) {
			t.Fatalf("stats = %+v, want 2 added (40 and 5), 1 removed (4), 3 kept (two human, one found again)", cs)
		}
		after := allClaims(t, s, paperID)
		for _, id := range ids[:3] {
			if !reflect.DeepEqual(after[id], before[id]) {
				t.Errorf("claim %d changed:\nbefore %+v\nafter  %+v", id, before[id], after[id])
			}
		}
		if _, ok := after[ids[3]]; ok {
			t.Errorf("untouched claim %d whose extraction changed was not replaced", ids[3])
		}
		var values []float64
		for _, c := range after {
			values = append(values, c.Value)
		}
		if len(after) != 5 {
			t.Fatalf("claims after = %v, want 1.5 (corrected), 2 (revised), 3 (kept), 40 and 5 (new)", values)
		}
		// The same extraction again changes nothing.
		again, err := s.ReplaceClaims(ctx, fresh)
		if err != nil || again.Added != 0 || again.Removed != 0 || again.Kept != 5 {
			t.Fatalf("second run = %+v, %v; want all 5 kept", again, err)
		}
		// An extractor that finds nothing removes only untouched claims.
		none, err := s.ReplaceClaims(ctx, map[int64][]models.ClaimInput{paperID: nil})
		if err != nil || none.Removed != 3 || none.Human != 2 {
			t.Fatalf("empty extraction = %+v, %v", none, err)
		}
		final := allClaims(t, s, paperID)
		if len(final) != 2 || !reflect.DeepEqual(final[ids[0]], before[ids[0]]) || !reflect.DeepEqual(final[ids[1]], before[ids[1]]) {
			t.Fatalf("after an empty extraction: %+v", final)
		}
	})
}

func TestNewVersionOfAPaperKeepsHumanDecisions(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		paperID, ids := humanTouched(t, s)
		before := allClaims(t, s, paperID)
		v2 := models.PaperInput{Title: "Moderated Paper", Abstract: "Version two: A at 1 FPS. B at 2 FPS. E at 9 FPS.",
			Claims: []models.ClaimInput{claimIn("fps", 1, "1 FPS", 18), claimIn("fps", 9, "9 FPS", 42)}}
		st := MustSave(t, s, v2)
		if st.Updated != 1 || st.Claims != 1 || st.ClaimsRemoved != 2 {
			t.Fatalf("save of v2 = %+v, want 1 updated, 1 claim written (9 FPS), 2 removed", st)
		}
		after := allClaims(t, s, paperID)
		for _, id := range ids[:2] {
			if !reflect.DeepEqual(after[id], before[id]) {
				t.Errorf("human-touched claim %d changed", id)
			}
		}
		if len(after) != 3 {
			t.Fatalf("claims after v2: %+v", after)
		}
	})
}

// An extractor upgrade that reads the same claims keeps their rows and ids
// (pages and suggestions link to them) and records the new version and
// confidence; what it reads differently is still replaced.
func TestReplaceClaimsAfterAnExtractorUpgradeKeepsIDs(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		paperID, ids := humanTouched(t, s)
		before := allClaims(t, s, paperID)
		upgraded := func(c models.ClaimInput) models.ClaimInput {
			c.ExtractorVersion, c.Confidence = "2", 0.75
			return c
		}
		fresh := map[int64][]models.ClaimInput{paperID: {
			upgraded(claimIn("fps", 1, "1 FPS", 5)), upgraded(claimIn("fps", 2, "2 FPS", 17)),
			upgraded(claimIn("fps", 3, "3 FPS", 29)), upgraded(claimIn("fps", 40, "4 FPS", 41)),
		}}
		cs, err := s.ReplaceClaims(ctx, fresh)
		if err != nil {
			t.Fatal(err)
		}
		if cs != (models.ClaimStats{Added: 1, Removed: 1, Kept: 3, Human: 2}) {
			t.Fatalf("stats = %+v, want claim 2 kept, claim 3 replaced by 40", cs)
		}
		after := allClaims(t, s, paperID)
		got, ok := after[ids[2]]
		if !ok || got.ExtractorVersion != "2" || got.Confidence != 0.75 || got.Value != 3 {
			t.Fatalf("claim %d found again by the new extractor: %+v (present %v)", ids[2], got, ok)
		}
		for _, id := range ids[:2] { // human decisions stay exactly as they were
			if !reflect.DeepEqual(after[id], before[id]) {
				t.Errorf("human-touched claim %d changed:\nbefore %+v\nafter  %+v", id, before[id], after[id])
			}
		}
	})
}

// A suggestion about a claim, pending or decided, is part of the public
// record: a re-extraction that no longer finds the claim must not delete it
// (which would cascade to the suggestion).
func TestReplaceClaimsKeepsClaimsWithSuggestions(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		paperID, ids := humanTouched(t, s)
		db := s.GormDB()
		for i, state := range map[int]string{2: "pending", 3: "rejected"} {
			err := db.Exec("INSERT INTO corrections (paper_id, claim_id, kind, reason, status) VALUES (?, ?, 'not_a_claim', 'not a measurement', ?)",
				paperID, ids[i], state).Error
			if err != nil {
				t.Fatal(err)
			}
		}
		cs, err := s.ReplaceClaims(ctx, map[int64][]models.ClaimInput{paperID: nil})
		if err != nil {
			t.Fatal(err)
		}
		if cs.Removed != 0 || cs.Human != 4 {
			t.Fatalf("stats = %+v, want nothing removed: every claim has a human decision or a suggestion", cs)
		}
		var n int64
		if err := db.Raw("SELECT COUNT(*) FROM corrections WHERE paper_id = ?", paperID).Scan(&n).Error; err != nil || n != 2 {
			t.Fatalf("suggestions after re-extraction = %d, %v; want 2", n, err)
		}
	})
}
