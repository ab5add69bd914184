package models_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

const corrAbstract = "We render at up to 277 FPS on an RTX 3090 GPU. Training takes 3 hours on 8 A100 GPUs."

// corrFixture stores one paper with one extracted fps claim and a moderator.
func corrFixture(t *testing.T, dsn string) (*models.Store, *models.ClaimDetail, *models.Moderator) {
	t.Helper()
	ctx := context.Background()
	s := testdb.MustOpen(t, dsn)
	p := samplePaper("Correctable Rendering", 277, "fps")
	p.Abstract = corrAbstract
	MustSave(t, s, p)
	rows, err := s.ClaimsOfPaper(ctx, 1)
	if err != nil || len(rows) != 1 {
		t.Fatalf("claims of paper = %v, %v", rows, err)
	}
	d, err := s.GetClaim(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.AddModerator(ctx, "alice", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	return s, d, m
}

// formOf prefills a suggestion form from a claim, as the page does.
func formOf(d *models.ClaimDetail) models.SuggestionForm {
	f := models.FormOf(models.ClaimFieldsOf(d))
	f.Reason = "typo"
	return f
}

func mustSubmit(t *testing.T, s *models.Store, in models.NewSuggestion) *models.Correction {
	t.Helper()
	c, err := s.SubmitCorrection(context.Background(), in)
	if err != nil {
		t.Fatalf("SubmitCorrection: %v", err)
	}
	return c
}

func TestSubmitValidatesEveryField(t *testing.T) {
	s, d, _ := corrFixture(t, testdb.SQLiteURL(t))
	ctx := context.Background()
	f := formOf(d)
	f.Value, f.ValueHigh, f.Metric, f.Qualifier = "NaN", "1e999", "speed", "maybe"
	f.Evidence, f.Reason, f.Contact, f.HardwareCount = "not in the abstract", "", "not-an-email", "0"
	f.Subject = strings.Repeat("x", models.MaxFieldLen+1)
	_, err := s.SubmitCorrection(ctx, models.NewSuggestion{ClaimID: d.ID, Form: f})
	var bad models.InvalidFields
	if !errors.As(err, &bad) || models.ErrorCode(err) != models.EInvalid {
		t.Fatalf("err = %v, want InvalidFields", err)
	}
	for _, field := range []string{"value", "value_high", "metric", "qualifier", "evidence", "reason", "contact", "hardware_count", "subject"} {
		if bad[field] == "" {
			t.Errorf("no message for %s (got %v)", field, bad)
		}
	}
	// An unchanged form is no suggestion.
	_, err = s.SubmitCorrection(ctx, models.NewSuggestion{ClaimID: d.ID, Form: formOf(d)})
	if !errors.As(err, &bad) || bad["value"] == "" {
		t.Fatalf("unchanged form err = %v", err)
	}
	// A missing claim needs evidence from the abstract.
	_, err = s.SubmitCorrection(ctx, models.NewSuggestion{PaperID: d.PaperID, Form: models.SuggestionForm{
		Metric: "duration", Value: "3", Unit: "h", Reason: "missed"}})
	if !errors.As(err, &bad) || bad["evidence"] == "" {
		t.Fatalf("missing claim without evidence err = %v", err)
	}
}

func TestCorrectionTransitionsOnBothDatabases(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)

		t.Run("accept a change", func(t *testing.T) {
			f := formOf(d)
			f.Value, f.Qualifier, f.Contact = "290", "", "reader@example.org"
			c := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f, SubmitterIPHash: "ip1"})
			pending, err := s.PendingCorrections(ctx)
			if err != nil || len(pending) != 1 || pending[0].Current.Value != 277 || pending[0].Proposed.Value != 290 {
				t.Fatalf("pending = %+v, %v", pending, err)
			}
			rev, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID, ClaimVersion: pending[0].ClaimVersion, Note: "checked the PDF"})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := s.GetClaim(ctx, d.ID)
			if got.Value != 290 || got.Qualifier != "" || got.Status != models.StatusCorrected || got.Version != d.Version+1 {
				t.Fatalf("claim after accept = %+v", got)
			}
			if *rev.CorrectionID != c.ID || *rev.ModeratorID != mod.ID {
				t.Fatalf("revision = %+v", rev)
			}
			hist, err := s.ClaimHistory(ctx, d.ID)
			if err != nil || len(hist) != 1 || hist[0].ModeratorName != "alice" || hist[0].Note != "checked the PDF" {
				t.Fatalf("history = %+v, %v", hist, err)
			}
			changes := map[string]models.FieldChange{}
			for _, ch := range hist[0].Changes {
				changes[ch.Field] = ch
			}
			if len(changes) != 3 || changes["value"].Before != "277" || changes["value"].After != "290" ||
				changes["qualifier"].Before != "up_to" || changes["status"].After != "corrected" {
				t.Fatalf("changes = %+v", hist[0].Changes)
			}
			again, err := s.GetCorrection(ctx, c.ID)
			if err != nil || again.Status != models.CorrectionAccepted || again.ModeratorName != "alice" || again.DecidedAt == nil {
				t.Fatalf("decided correction = %+v, %v", again, err)
			}
			if _, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID}); models.ErrorCode(err) != models.EConflict {
				t.Fatalf("second accept err = %v, want conflict", err)
			}
		})

		t.Run("reject leaves the claim", func(t *testing.T) {
			before, _ := s.GetClaim(ctx, d.ID)
			f := formOf(before)
			f.Value = "1"
			c := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
			if err := s.RejectCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID, Note: "the abstract says 277"}); err != nil {
				t.Fatal(err)
			}
			after, _ := s.GetClaim(ctx, d.ID)
			if after.Value != before.Value || after.Version != before.Version {
				t.Fatalf("reject changed the claim: %+v", after)
			}
			decided, total, err := s.DecidedCorrections(ctx, 1, 50)
			if err != nil || total != 2 || decided[0].Status != models.CorrectionRejected || decided[0].DecisionNote != "the abstract says 277" {
				t.Fatalf("decided = %+v %d %v", decided, total, err)
			}
		})

		t.Run("missing claim becomes a verified claim", func(t *testing.T) {
			c := mustSubmit(t, s, models.NewSuggestion{PaperID: d.PaperID, Form: models.SuggestionForm{
				Metric: "duration", Value: "3", Unit: "h", Hardware: "NVIDIA A100", HardwareCount: "8",
				Evidence: "Training takes 3 hours on 8 A100 GPUs", Reason: "missed"}})
			rev, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID})
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.GetClaim(ctx, rev.ClaimID)
			if err != nil || got.Status != models.StatusVerified || got.MetricSlug != "duration" || got.HardwareName != "NVIDIA A100" ||
				*got.HardwareCount != 8 || corrAbstract[got.EvidenceStart:got.EvidenceEnd] != "Training takes 3 hours on 8 A100 GPUs" {
				t.Fatalf("new claim = %+v, %v", got, err)
			}
			dc, _ := s.GetCorrection(ctx, c.ID)
			if dc.ClaimID == nil || *dc.ClaimID != got.ID {
				t.Fatalf("correction does not point at the new claim: %+v", dc)
			}
			// Reverting the creation retracts the claim; nothing is deleted.
			if _, err := s.RevertRevision(ctx, rev.ID, mod.ID, got.Version, ""); err != nil {
				t.Fatal(err)
			}
			if got, _ = s.GetClaim(ctx, rev.ClaimID); got.Status != models.StatusRetracted {
				t.Fatalf("reverted creation: status %q", got.Status)
			}
		})

		t.Run("not a claim retracts", func(t *testing.T) {
			cur, _ := s.GetClaim(ctx, d.ID)
			c := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: models.SuggestionForm{NotAClaim: true, Reason: "it is a citation"}})
			rev, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID, ClaimVersion: cur.Version})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := s.GetClaim(ctx, d.ID)
			if got.Status != models.StatusRetracted || got.Value != cur.Value {
				t.Fatalf("retracted claim = %+v", got)
			}
			// Revert restores the status; the revert is itself a revision.
			back, err := s.RevertRevision(ctx, rev.ID, mod.ID, got.Version, "")
			if err != nil {
				t.Fatal(err)
			}
			got, _ = s.GetClaim(ctx, d.ID)
			if got.Status != models.StatusCorrected || back.RevertOf == nil || *back.RevertOf != rev.ID {
				t.Fatalf("after revert: status %q, revision %+v", got.Status, back)
			}
			if _, err := s.RevertRevision(ctx, rev.ID, mod.ID, got.Version, ""); models.ErrorCode(err) != models.EConflict {
				t.Fatalf("reverting twice err = %v, want conflict (nothing to change)", err)
			}
		})

		t.Run("revert a value change", func(t *testing.T) {
			hist, _ := s.ClaimHistory(ctx, d.ID)
			cur, _ := s.GetClaim(ctx, d.ID)
			if _, err := s.RevertRevision(ctx, hist[0].ID, mod.ID, cur.Version, "the PDF was a preprint"); err != nil {
				t.Fatal(err)
			}
			got, _ := s.GetClaim(ctx, d.ID)
			if got.Value != 277 || got.Qualifier != "up_to" || got.Status != models.StatusExtracted {
				t.Fatalf("after reverting the first revision: %+v", got)
			}
			hist, _ = s.ClaimHistory(ctx, d.ID)
			if len(hist) != 4 {
				t.Fatalf("history has %d entries, want 4 (accept, retract, revert, revert)", len(hist))
			}
		})

		t.Run("verify directly", func(t *testing.T) {
			cur, _ := s.GetClaim(ctx, d.ID)
			if _, err := s.VerifyClaim(ctx, d.ID, mod.ID, cur.Version, "matches the paper"); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.GetClaim(ctx, d.ID); got.Status != models.StatusVerified {
				t.Fatalf("status %q", got.Status)
			}
			if _, err := s.VerifyClaim(ctx, d.ID, mod.ID, 0, ""); models.ErrorCode(err) != models.EConflict {
				t.Fatalf("verify twice err = %v", err)
			}
		})

		t.Run("stale version is a conflict and loses nothing", func(t *testing.T) {
			cur, _ := s.GetClaim(ctx, d.ID)
			f1, f2 := formOf(cur), formOf(cur)
			f1.Value, f2.Value = "300", "310"
			c1 := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f1})
			c2 := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f2})
			// Both moderators reviewed the claim at cur.Version.
			if _, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c1.ID, ModeratorID: mod.ID, ClaimVersion: cur.Version}); err != nil {
				t.Fatal(err)
			}
			_, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c2.ID, ModeratorID: mod.ID, ClaimVersion: cur.Version})
			if models.ErrorCode(err) != models.EConflict || !strings.Contains(models.ErrorMessage(err), "changed by another moderator") {
				t.Fatalf("second accept err = %v, want a conflict", err)
			}
			got, _ := s.GetClaim(ctx, d.ID)
			c2now, _ := s.GetCorrection(ctx, c2.ID)
			if got.Value != 300 || c2now.Status != models.CorrectionPending {
				t.Fatalf("value %v, second suggestion %q: want 300 and still pending", got.Value, c2now.Status)
			}
		})

		t.Run("concurrent accepts: exactly one wins", func(t *testing.T) {
			cur, _ := s.GetClaim(ctx, d.ID)
			var ids []int64
			for _, v := range []string{"401", "402", "403", "404"} {
				f := formOf(cur)
				f.Value = v
				ids = append(ids, mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f}).ID)
			}
			var wg sync.WaitGroup
			errs := make([]error, len(ids))
			for i, id := range ids {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = s.AcceptCorrection(ctx, models.Decision{CorrectionID: id, ModeratorID: mod.ID, ClaimVersion: cur.Version})
				}()
			}
			wg.Wait()
			wins := 0
			for _, err := range errs {
				switch models.ErrorCode(err) {
				case "":
					wins++
				case models.EConflict:
				default:
					t.Errorf("unexpected error: %v", err)
				}
			}
			got, _ := s.GetClaim(ctx, d.ID)
			hist, _ := s.ClaimHistory(ctx, d.ID)
			if wins != 1 || got.Version != cur.Version+1 || hist[len(hist)-1].Changes[0].Before != "300" {
				t.Fatalf("wins %d, version %d (from %d), last revision %+v", wins, got.Version, cur.Version, hist[len(hist)-1])
			}
		})
	})
}

// A re-ingest with a new abstract replaces extracted claims but keeps every
// claim a human decided on, with its history.
func TestReextractionKeepsHumanDecisions(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)
		f := formOf(d)
		f.Value = "280"
		c := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
		if _, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID, ClaimVersion: d.Version}); err != nil {
			t.Fatal(err)
		}
		p := samplePaper("Correctable Rendering", 999, "fps")
		p.Abstract = corrAbstract + " Revised."
		MustSave(t, s, p)
		rows, err := s.ClaimsOfPaper(ctx, d.PaperID)
		if err != nil {
			t.Fatal(err)
		}
		var kept, fresh int
		for _, r := range rows {
			switch {
			case r.ID == d.ID && r.Value == 280 && r.Status == models.StatusCorrected:
				kept++
			case r.Value == 999 && r.Status == models.StatusExtracted:
				fresh++
			}
		}
		if kept != 1 || fresh != 1 || len(rows) != 2 {
			t.Fatalf("claims after re-ingest = %+v", rows)
		}
		if hist, _ := s.ClaimHistory(ctx, d.ID); len(hist) != 1 {
			t.Fatalf("history lost: %+v", hist)
		}
	})
}

func TestModeratorsAndSessions(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		if _, err := s.AddModerator(ctx, "bob", "short"); models.ErrorCode(err) != models.EInvalid {
			t.Fatalf("short password err = %v", err)
		}
		if _, err := s.AddModerator(ctx, "bad name!", "long enough password"); models.ErrorCode(err) != models.EInvalid {
			t.Fatalf("bad name err = %v", err)
		}
		m, err := s.AddModerator(ctx, "bob", "long enough password")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(m.PasswordHash, "long enough") || !strings.HasPrefix(m.PasswordHash, "$2") {
			t.Fatalf("password not bcrypt-hashed: %q", m.PasswordHash)
		}
		if _, err := s.AddModerator(ctx, "bob", "long enough password"); models.ErrorCode(err) != models.EConflict {
			t.Fatalf("duplicate err = %v", err)
		}
		if _, err := s.Authenticate(ctx, "bob", "long enough password", "ip"); err != nil {
			t.Fatal(err)
		}
		old := map[string]any{"username": "bob", "ip_hash": "ip", "created_at": time.Now().UTC().Add(-2 * models.LoginWindow)}
		if err := s.GormDB().Table("login_failures").Create(old).Error; err != nil {
			t.Fatal(err)
		}
		for i := 0; i < models.LoginMaxFailures; i++ {
			if _, err := s.Authenticate(ctx, "bob", "wrong", "ip"); models.ErrorCode(err) != models.EUnauthorized {
				t.Fatalf("wrong password err = %v", err)
			}
		}
		var stored int64
		s.GormDB().Table("login_failures").Count(&stored)
		if stored != models.LoginMaxFailures {
			t.Fatalf("%d failures stored, want %d (the old one swept)", stored, models.LoginMaxFailures)
		}
		now := time.Now()
		token, exp, err := s.CreateSession(ctx, m.ID, now)
		if err != nil || exp.Sub(now) != models.SessionTTL {
			t.Fatalf("session %v %v", exp, err)
		}
		if got, err := s.SessionModerator(ctx, token, now); err != nil || got.Username != "bob" {
			t.Fatalf("session moderator = %+v, %v", got, err)
		}
		if _, err := s.SessionModerator(ctx, token, now.Add(models.SessionTTL+time.Minute)); models.ErrorCode(err) != models.EUnauthorized {
			t.Fatalf("expired session err = %v", err)
		}
		if _, err := s.SessionModerator(ctx, token+"x", now); models.ErrorCode(err) != models.EUnauthorized {
			t.Fatalf("forged session err = %v", err)
		}
		if err := s.DeleteSession(ctx, token); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionModerator(ctx, token, now); models.ErrorCode(err) != models.EUnauthorized {
			t.Fatalf("logged-out session err = %v", err)
		}
		token, _, _ = s.CreateSession(ctx, m.ID, now)
		if err := s.RemoveModerator(ctx, "bob"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionModerator(ctx, token, now); models.ErrorCode(err) != models.EUnauthorized {
			t.Fatalf("session of a removed moderator err = %v", err)
		}
		if err := s.RemoveModerator(ctx, "bob"); models.ErrorCode(err) != models.ENotFound {
			t.Fatalf("remove twice err = %v", err)
		}
	})
}

func TestSubmissionLimitPerAddress(t *testing.T) {
	s, d, _ := corrFixture(t, testdb.SQLiteURL(t))
	ctx := context.Background()
	for i := 0; i < models.SubmissionsPerIP; i++ {
		if wait, err := s.SubmissionWait(ctx, "ip1", time.Now()); err != nil || wait != 0 {
			t.Fatalf("submission %d: wait %v, %v", i, wait, err)
		}
		mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, SubmitterIPHash: "ip1", Form: models.SuggestionForm{NotAClaim: true, Reason: "spam?"}})
	}
	if wait, _ := s.SubmissionWait(ctx, "ip1", time.Now()); wait <= 0 || wait > models.SubmissionWindow {
		t.Fatalf("wait after the limit = %v", wait)
	}
	if wait, _ := s.SubmissionWait(ctx, "ip2", time.Now()); wait != 0 {
		t.Fatalf("another address waits %v", wait)
	}
}

// Two suggestions made against the same state but changing different fields
// both take effect when accepted one after the other: a suggestion carries
// only what it changes, so the second does not undo the first.
func TestSuggestionsApplyOnlyTheirFields(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)
		f1, f2 := formOf(d), formOf(d)
		f1.Value = "290"
		f2.Subject = "our renderer"
		c1 := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f1})
		c2 := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f2})
		if _, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c1.ID, ModeratorID: mod.ID, ClaimVersion: d.Version}); err != nil {
			t.Fatal(err)
		}
		pending, err := s.PendingCorrections(ctx)
		if err != nil || len(pending) != 1 || pending[0].Proposed.Value != 290 || pending[0].Proposed.Subject != "our renderer" ||
			len(pending[0].ProposedFields) != 1 || pending[0].ProposedFields[0] != "subject" {
			t.Fatalf("second suggestion as reviewed now = %+v, %v", pending, err)
		}
		if _, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c2.ID, ModeratorID: mod.ID, ClaimVersion: pending[0].ClaimVersion}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetClaim(ctx, d.ID)
		if got.Value != 290 || got.Subject != "our renderer" {
			t.Fatalf("claim = value %v, subject %q: an accepted change was lost", got.Value, got.Subject)
		}
	})
}

// Moderation changes status and metric through plain updates; the live claim
// counts the home page reads must follow them.
func TestModerationKeepsMetricCounts(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, mod := corrFixture(t, dsn)
		count := func(slug string) int64 {
			t.Helper()
			sums, err := s.MetricSummaries(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range sums {
				if m.Slug == slug {
					return m.Claims
				}
			}
			t.Fatalf("no metric %s", slug)
			return 0
		}
		f := formOf(d)
		f.Metric, f.Unit = "other", ""
		c := mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: f})
		if _, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID}); err != nil {
			t.Fatal(err)
		}
		if count("fps") != 0 || count("other") != 1 {
			t.Fatalf("after moving the claim: fps %d, other %d", count("fps"), count("other"))
		}
		c = mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: models.SuggestionForm{NotAClaim: true, Reason: "citation"}})
		if _, err := s.AcceptCorrection(ctx, models.Decision{CorrectionID: c.ID, ModeratorID: mod.ID}); err != nil {
			t.Fatal(err)
		}
		if count("other") != 0 {
			t.Fatalf("a retracted claim still counts: %d", count("other"))
		}
	})
}
