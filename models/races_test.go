package models_test

import (
	"context"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// On PostgreSQL a claim insert and a title-only rename of its paper can run
// side by side: the claim's copy of the title (search) must end up the new
// title whichever commits first.
func TestPaperRenameBesideAClaimInsertKeepsTheTitleCopyOnPostgres(t *testing.T) {
	s := testdb.MustOpen(t, testdb.PostgresURL(t))
	MustSave(t, s, samplePaper("Quokka Renderer", 277, "fps"))
	db := s.GormDB()
	var paperID, metricID int64
	if err := db.Raw("SELECT id FROM papers WHERE title = 'Quokka Renderer'").Scan(&paperID).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Raw("SELECT id FROM metrics WHERE slug = 'fps'").Scan(&metricID).Error; err != nil {
		t.Fatal(err)
	}
	insert := db.Begin()
	defer insert.Rollback()
	if err := insert.Exec(`INSERT INTO claims (paper_id, metric_id, value, unit, evidence, evidence_start, evidence_end)
		VALUES (?, ?, 99, 'FPS', '99 FPS', 0, 6)`, paperID, metricID).Error; err != nil {
		t.Fatal(err)
	}
	renamed := make(chan error, 1)
	go func() { // a title-only rename (the content key column is not touched)
		renamed <- db.Exec("UPDATE papers SET title = 'Wombat Renderer' WHERE id = ?", paperID).Error
	}()
	time.Sleep(300 * time.Millisecond) // the rename is now waiting on, or done beside, the insert
	if err := insert.Commit().Error; err != nil {
		t.Fatal(err)
	}
	if err := <-renamed; err != nil {
		t.Fatal(err)
	}
	var stale int64
	if err := db.Raw("SELECT COUNT(*) FROM claims WHERE paper_id = ? AND paper_title_lc <> 'wombat renderer'", paperID).Scan(&stale).Error; err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Fatalf("%d claims kept an old copy of the paper title", stale)
	}
	var apart int64
	err := db.Raw(`SELECT COUNT(*) FROM claims c JOIN papers p ON p.id = c.paper_id WHERE c.paper_title_lc <> lower(p.title)`).Scan(&apart).Error
	if err != nil || apart != 0 {
		t.Fatalf("claims whose title copy differs from their paper: %d, %v", apart, err)
	}
}

// A suggestion committed while a re-extraction is about to drop its claim
// must survive: the claim stays, and so does the suggestion.
func TestSuggestionBesideAReextractionSurvivesOnPostgres(t *testing.T) {
	ctx := context.Background()
	s := testdb.MustOpen(t, testdb.PostgresURL(t))
	paperID, ids := humanTouched(t, s)
	db := s.GormDB()
	suggest := db.Begin()
	defer suggest.Rollback()
	if err := suggest.Exec("INSERT INTO corrections (paper_id, claim_id, kind, reason) VALUES (?, ?, 'not_a_claim', 'not a measurement')",
		paperID, ids[3]).Error; err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { // an extraction that no longer finds claims 2 and 3
		_, err := s.ReplaceClaims(ctx, map[int64][]models.ClaimInput{paperID: nil})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the re-extraction has read (or is waiting to read) the claims
	if err := suggest.Commit().Error; err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var claims, suggestions int64
	db.Raw("SELECT COUNT(*) FROM claims WHERE id = ?", ids[3]).Scan(&claims)
	db.Raw("SELECT COUNT(*) FROM corrections WHERE claim_id = ?", ids[3]).Scan(&suggestions)
	if claims != 1 || suggestions != 1 {
		t.Fatalf("after the re-extraction: claim %d present %d, its suggestions %d; want both kept", ids[3], claims, suggestions)
	}
}
