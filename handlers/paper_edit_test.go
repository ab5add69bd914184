package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// A moderator changes a paper's method and tasks through the edit form: it
// needs a login and the form's token, writes a revision the paper's page
// shows, the leaderboard names the row by the new method, bad input comes
// back as typed (422), and re-extraction keeps what the moderator set.
func TestModeratorEditsMethodAndTasks(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		ctx := context.Background()
		paper := fileTasks(t, s.store) // "Fast Gaussian Rendering", gaussian-splatting by the extractor
		edit := "/papers/" + strconv.FormatInt(paper, 10) + "/edit"

		anon := newClient(t, s, "192.0.2.10")
		if rec, _ := anon.get(edit); rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login") {
			t.Fatalf("anonymous GET edit = %d to %q", rec.Code, rec.Header().Get("Location"))
		}
		anon.get("/papers/" + strconv.FormatInt(paper, 10))
		if rec, _ := anon.post(edit, url.Values{"method": {"Evil"}}); rec.Code != http.StatusUnauthorized {
			t.Fatalf("anonymous POST edit = %d, want 401", rec.Code)
		}

		mustModerator(t, s, "mod")
		cl := newClient(t, s, "192.0.2.11")
		login(t, cl, "mod")
		rec, doc := cl.get(edit)
		if rec.Code != 200 || doc.Find(`[data-testid="paper-edit-form"] input[name="task"][value="gaussian-splatting"][checked]`).Length() != 1 {
			t.Fatalf("edit form = %d, gaussian-splatting checked: %d", rec.Code, doc.Find(`input[name="task"][checked]`).Length())
		}
		if rec, _ := cl.do(http.MethodPost, edit, url.Values{"method": {"X"}, "_csrf": {"forged"}}); rec.Code != http.StatusForbidden {
			t.Fatalf("POST with a bad token = %d, want 403", rec.Code)
		}
		rec, doc = cl.post(edit, url.Values{"method": {"FastGS"}, "task": {"nerf", "bogus-task"}})
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(`[data-testid="edit-error"]`).Text(), "task") ||
			doc.Find(`[data-testid="method-input"]`).AttrOr("value", "") != "FastGS" {
			t.Fatalf("bad task = %d %q", rec.Code, doc.Find(`[data-testid="edit-error"]`).Text())
		}
		rec, _ = cl.post(edit, url.Values{"method": {"  FastGS "}, "task": {"nerf", "gaussian-splatting"}, "note": {"named in the intro"}})
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("save = %d %s", rec.Code, rec.Body.String())
		}
		rec, _ = cl.post(edit, url.Values{"method": {"FastGS"}, "task": {"gaussian-splatting", "nerf"}})
		if rec.Code != http.StatusUnprocessableEntity {
			t.Fatalf("an edit changing nothing = %d, want 422", rec.Code)
		}

		_, doc = s.get(t, "/papers/"+strconv.FormatInt(paper, 10))
		if got := doc.Find(`[data-testid="paper-method"] strong`).Text(); got != "FastGS" {
			t.Fatalf("paper method = %q", got)
		}
		hist := doc.Find(`[data-testid="paper-revision"]`)
		if hist.Length() != 1 || !strings.Contains(hist.Text(), "method: none → FastGS") ||
			!strings.Contains(hist.Text(), "Neural radiance fields") || !strings.Contains(hist.Text(), "by mod") ||
			!strings.Contains(hist.Text(), "named in the intro") {
			t.Fatalf("history = %d %q", hist.Length(), hist.Text())
		}
		_, doc = s.get(t, "/leaderboards/fps?task=nerf")
		if got := doc.Find(`[data-testid="claim-row"] [data-testid="method"]`).First().Text(); got != "FastGS" {
			t.Fatalf("row method on the nerf board = %q", got)
		}

		if _, err := ingest.Reextract(ctx, s.store, ingest.ReextractOptions{Workers: 1}); err != nil {
			t.Fatal(err)
		}
		st, err := s.store.PaperState(ctx, paper)
		if err != nil {
			t.Fatal(err)
		}
		if st.Method != "FastGS" || strings.Join(st.Tasks, ",") != "nerf,gaussian-splatting" {
			t.Fatalf("after reextract: %+v", st)
		}
		rec, _ = s.get(t, "/api/v1/papers/"+strconv.FormatInt(paper, 10))
		var api struct {
			Method *string
			Tasks  []string
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &api); err != nil || api.Method == nil || *api.Method != "FastGS" || strings.Join(api.Tasks, ",") != "nerf,gaussian-splatting" {
			t.Fatalf("API paper = %s (%v)", rec.Body.String(), err)
		}
		p, _ := s.store.GetPaper(ctx, paper)
		if p.MethodSource != models.MethodByHuman {
			t.Fatalf("method source = %q", p.MethodSource)
		}
	})
}
