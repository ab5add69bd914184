package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// TestFloodDoesNotBuryTheQueue floods the queue with more suggestions than a
// page holds (from many addresses, as one address may send only
// SubmissionsPerIP an hour), then sends a real one through the form: the
// moderator reaches it on the next page, or at once by narrowing the queue
// to its address, and any flooder's suggestions alone by theirs.
func TestFloodDoesNotBuryTheQueue(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		ctx := context.Background()
		flood := func(i int) string { return fmt.Sprintf("%032x", i+1) } // address keys of the flood
		n := models.QueuePerPage + 5
		for i := range n {
			_, err := s.store.SubmitCorrection(ctx, models.NewSuggestion{ClaimID: 1, SubmitterIPHash: flood(i),
				Form: models.SuggestionForm{NotAClaim: true, Reason: "flood " + strconv.Itoa(i)}})
			if err != nil {
				t.Fatal(err)
			}
		}
		visitor := newClient(t, s, "198.51.100.7")
		_, doc := visitor.get("/claims/1/corrections")
		form := formValues(doc, `[data-testid="correction-form"]`)
		form.Set("value", "290")
		form.Set("reason", "the real one")
		if rec, _ := visitor.post("/claims/1/corrections", form); rec.Code != http.StatusCreated {
			t.Fatalf("real suggestion status %d", rec.Code)
		}

		mustModerator(t, s, "alice")
		mod := newClient(t, s, "192.0.2.1")
		login(t, mod, "alice")
		var total string // the last page's count line
		reasons := func(target string) ([]string, string) {
			t.Helper()
			rec, doc := mod.get(target)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d", target, rec.Code)
			}
			var out []string
			doc.Find(`[data-testid="pending"] [data-testid="reason"]`).Each(func(_ int, r *goquery.Selection) { out = append(out, r.Text()) })
			next, _ := doc.Find(`[data-testid="queue-next"]`).Attr("href")
			total = strings.Join(strings.Fields(doc.Find(`[data-testid="queue-total"]`).Text()), " ")
			return out, next
		}

		first, next := reasons("/moderation")
		if len(first) != models.QueuePerPage || first[0] != "flood 0" || next == "" || total != strconv.Itoa(n+1)+" pending" {
			t.Fatalf("first page: %d items from %q, next %q, %q", len(first), first[0], next, total)
		}
		second, last := reasons(next)
		if len(second) != 6 || second[5] != "the real one" || last != "" {
			t.Fatalf("second page = %q, next %q", second, last)
		}

		// Narrowed to the real suggestion's address: just it, linked from it.
		_, doc = mod.get(next)
		byAddr, _ := doc.Find(`[data-testid="pending"]`).Last().Find(`[data-testid="by-address"]`).Attr("href")
		only, _ := reasons(byAddr)
		if len(only) != 1 || only[0] != "the real one" || !strings.HasPrefix(total, "1 pending from address ") {
			t.Fatalf("%s = %q, %q", byAddr, only, total)
		}
		floodOnly, _ := reasons("/moderation?address=" + flood(models.QueuePerPage))
		if len(floodOnly) != 1 || floodOnly[0] != "flood "+strconv.Itoa(models.QueuePerPage) {
			t.Fatalf("one flooder's queue = %q", floodOnly)
		}
		if onClaim, _ := reasons("/moderation?claim=1&page=2"); len(onClaim) != 6 {
			t.Fatalf("claim 1's second page = %q", onClaim)
		}
		if onOther, _ := reasons("/moderation?claim=2"); len(onOther) != 0 {
			t.Fatalf("claim 2's queue = %q", onOther)
		}

		for _, target := range []string{"/moderation?address=not-a-key", "/moderation?address=ABCDEF" + flood(0)[6:],
			"/moderation?page=0", "/moderation?claim=x", "/moderation?claim=1&claim=2"} {
			if rec, _ := mod.get(target); rec.Code != http.StatusBadRequest {
				t.Errorf("GET %s = %d, want 400", target, rec.Code)
			}
		}
	})
}
