package handlers_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// suggest submits the claim's form with the given fields changed and
// returns the new suggestion's page address.
func suggest(t *testing.T, cl *client, claim string, fields ...string) string {
	t.Helper()
	_, doc := cl.get("/claims/" + claim + "/corrections")
	form := formValues(doc, `[data-testid="correction-form"]`)
	for i := 0; i+1 < len(fields); i += 2 {
		form.Set(fields[i], fields[i+1])
	}
	form.Set("reason", "the PDF says so")
	rec, doc := cl.post("/claims/"+claim+"/corrections", form)
	if rec.Code != http.StatusCreated {
		t.Fatalf("suggest %v on claim %s = %d: %s", fields, claim, rec.Code, doc.Find("main").Text())
	}
	return doc.Find(`[data-testid="suggestion-link"]`).AttrOr("href", "")
}

// pendingCard is the queue's card of one suggestion.
func pendingCard(doc *goquery.Document, link string) *goquery.Selection {
	id := strings.TrimPrefix(link, "/corrections/")
	return doc.Find(`[data-testid="pending"][data-correction-id="` + id + `"]`)
}

// Suggestions keep one device per device: the form offers the known ones,
// an alias is the device it names, and an unknown name needs the
// moderator's explicit confirmation.
func TestCorrectionDevicesStayCanonical(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		visitor := newClient(t, s, "198.51.100.21")

		_, doc := visitor.get("/claims/2/corrections")
		in := doc.Find(`input[name="hardware"]`)
		list := doc.Find(`datalist#` + in.AttrOr("list", "none"))
		if list.Length() != 1 || list.Find(`option[value="NVIDIA RTX 3090"]`).Length() != 1 || list.Find(`option[value="NVIDIA H100"]`).Length() != 1 {
			t.Fatalf("hardware input list=%q; datalist with %d options", in.AttrOr("list", ""), list.Find("option").Length())
		}

		alias := suggest(t, visitor, "2", "hardware", "rtx3090")
		unknown := suggest(t, visitor, "3", "hardware", "Quantum Toaster 9000")
		_, doc = visitor.get(alias)
		if got := doc.Find(`[data-testid="field-hardware"] [data-testid="proposed"]`).Text(); got != "NVIDIA RTX 3090" {
			t.Fatalf("alias stored as %q", got)
		}

		mustModerator(t, s, "alice")
		mod := newClient(t, s, "203.0.113.21")
		login(t, mod, "alice")
		_, doc = mod.get("/moderation")
		if card := pendingCard(doc, alias); card.Find(`[data-testid="new-device"]`).Length() != 0 || card.Find(`[data-testid="new-device-badge"]`).Length() != 0 {
			t.Fatalf("an alias is shown as a new device: %q", card.Text())
		}
		card := pendingCard(doc, unknown)
		if card.Find(`[data-testid="field-hardware"] [data-testid="new-device-badge"]`).Text() != "new device" ||
			card.Find(`input[type="checkbox"][name="new_device"]`).Length() != 1 {
			t.Fatalf("unknown device not flagged: %q", card.Text())
		}

		// Without the confirmation: 400 naming the field, nothing changes.
		decision := formValues(doc, `[data-testid="pending"][data-correction-id="`+strings.TrimPrefix(unknown, "/corrections/")+`"] form`)
		if decision.Has("new_device") {
			t.Fatal("the confirmation is ticked by default")
		}
		target := card.Find("form").AttrOr("action", "")
		rec, doc := mod.post(target, decision)
		if rec.Code != http.StatusBadRequest || !strings.Contains(doc.Find(`[data-testid="error-message"]`).Text(), "new_device") {
			t.Fatalf("unconfirmed accept = %d %q", rec.Code, doc.Find(`[data-testid="error-message"]`).Text())
		}
		if rec, _ := visitor.get("/hardware/quantum-toaster-9000"); rec.Code != http.StatusNotFound {
			t.Fatalf("refused accept created the device: %d", rec.Code)
		}
		if _, doc := visitor.get(unknown); doc.Find(`[data-testid="status"]`).Text() != "pending" {
			t.Fatalf("refused accept decided the suggestion: %q", doc.Find(`[data-testid="status"]`).Text())
		}
		if _, doc := visitor.get("/claims/3"); doc.Find(`[data-testid="claim-status"]`).Text() == "corrected" {
			t.Fatal("refused accept changed the claim")
		}

		// With it, the device is created; the alias lands on the RTX 3090.
		decision.Set("new_device", "1")
		if rec, _ := mod.post(target, decision); rec.Code != http.StatusSeeOther {
			t.Fatalf("confirmed accept = %d", rec.Code)
		}
		if rec, _ := visitor.get("/hardware/quantum-toaster-9000"); rec.Code != http.StatusOK {
			t.Fatalf("confirmed new device page = %d", rec.Code)
		}
		_, doc = mod.get("/moderation")
		card = pendingCard(doc, alias)
		if rec, _ := mod.post(card.Find("form").AttrOr("action", ""), formValues(doc, `[data-testid="pending"] form`)); rec.Code != http.StatusSeeOther {
			t.Fatalf("accept alias = %d", rec.Code)
		}
		if rec, _ := visitor.get("/hardware/rtx3090"); rec.Code != http.StatusNotFound {
			t.Fatalf("/hardware/rtx3090 = %d: the alias became a device", rec.Code)
		}
		_, doc = visitor.get("/hardware/nvidia-rtx-3090")
		if !strings.Contains(doc.Find("main").Text(), "583 FPS") {
			t.Fatalf("claim 2 is not on the RTX 3090's page: %q", doc.Find("main").Text())
		}
		_, doc = visitor.get("/hardware")
		if got := doc.Find(`a[href^="/hardware/"]`).FilterFunction(func(_ int, a *goquery.Selection) bool {
			return strings.Contains(strings.ToLower(a.Text()), "3090")
		}).Length(); got != 1 {
			t.Fatalf("the hardware index lists %d RTX 3090 devices", got)
		}
	})
}

// After a revert the public record says the accepted change was reverted,
// when, and what the claim says now.
func TestCorrectionRecordAfterRevert(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		visitor := newClient(t, s, "198.51.100.22")
		link := suggest(t, visitor, "1", "value", "290")
		mustModerator(t, s, "alice")
		mod := newClient(t, s, "203.0.113.22")
		login(t, mod, "alice")
		_, doc := mod.get("/moderation")
		if rec, _ := mod.post(pendingCard(doc, link).Find("form").AttrOr("action", ""), formValues(doc, `[data-testid="pending"] form`)); rec.Code != http.StatusSeeOther {
			t.Fatalf("accept = %d", rec.Code)
		}
		_, doc = visitor.get(link)
		if doc.Find(`[data-testid="reverted"]`).Length() != 0 || doc.Find(`[data-testid="status"]`).Text() != "accepted" {
			t.Fatalf("before the revert: %q", doc.Find("main").Text())
		}

		_, doc = mod.get("/claims/1")
		rec, _ := mod.post(doc.Find(`[data-testid="revert-form"]`).AttrOr("action", ""), formValues(doc, `[data-testid="revert-form"]`))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("revert = %d", rec.Code)
		}
		for _, page := range []string{link, "/corrections"} {
			_, doc = visitor.get(page)
			said := strings.Join(strings.Fields(doc.Find(`[data-testid="reverted"]`).Text()), " ")
			if !strings.HasPrefix(said, "accepted, later reverted by a moderator on 20") || !strings.HasSuffix(said, " UTC") {
				t.Errorf("%s says %q", page, said)
			}
			if st := doc.Find(`[data-testid="status"]`).First().Text(); st != "accepted, later reverted" {
				t.Errorf("%s: status %q", page, st)
			}
			if now := doc.Find(`[data-testid="claim-now"] strong`).Text(); now != "277 FPS on NVIDIA RTX 3090 (extracted)" {
				t.Errorf("%s: the claim now = %q", page, now)
			}
		}
	})
}

// The correction form shows the abstract with the claim's evidence marked,
// and the evidence in a field big enough to read.
func TestCorrectionFormMarksEvidence(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		cl := newClient(t, s, "198.51.100.23")
		_, doc := cl.get("/claims/1/corrections")
		abs := doc.Find(`[data-testid="abstract"]`)
		if abs.Text() != fixturePapers()[0].Abstract {
			t.Fatalf("abstract = %q", abs.Text())
		}
		if m := abs.Find(`mark[data-testid="current-evidence"]`).Text(); m != "277 FPS on an RTX 3090" {
			t.Fatalf("marked evidence = %q", m)
		}
		ev := doc.Find(`textarea[name="evidence"]`)
		if rows, _ := strconv.Atoi(ev.AttrOr("rows", "0")); ev.Text() != "277 FPS on an RTX 3090" || rows < 3 {
			t.Fatalf("evidence field: textarea %d, rows %q, text %q", ev.Length(), ev.AttrOr("rows", ""), ev.Text())
		}
		// The missing-claim form still shows the whole abstract, unmarked.
		_, doc = cl.get("/papers/1/corrections")
		if doc.Find(`[data-testid="abstract"]`).Text() != fixturePapers()[0].Abstract || doc.Find(`[data-testid="abstract"] mark`).Length() != 0 {
			t.Fatalf("missing-claim abstract = %q", doc.Find(`[data-testid="abstract"]`).Text())
		}
	})
}

// A browser sends a textarea's line breaks as CRLF; evidence quoted across a
// line break of the abstract (stored as LF) is still found in it.
func TestCorrectionEvidenceAcrossALineBreak(t *testing.T) {
	s := mustSite(t, testdb.SQLiteURL(t))
	abstract := "We decode at 30 FPS\non one phone."
	if _, err := s.store.SavePapers(context.Background(), []models.PaperInput{{Title: "Line Breaks", Abstract: abstract}}); err != nil {
		t.Fatal(err)
	}
	cl := newClient(t, s, "198.51.100.24")
	_, doc := cl.get("/papers/3/corrections")
	form := formValues(doc, `[data-testid="correction-form"]`)
	form.Set("metric", "fps")
	form.Set("value", "30")
	form.Set("evidence", "30 FPS\r\non one phone")
	form.Set("reason", "missed")
	if rec, doc := cl.post("/papers/3/corrections", form); rec.Code != http.StatusCreated {
		t.Fatalf("evidence across a line break = %d %q", rec.Code, doc.Find(`[data-testid="error-evidence"]`).Text())
	}
}
