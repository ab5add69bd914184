package handlers_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// fileTasks files the fixture papers: the rendering paper under Gaussian
// splatting (by the extractor), the latency paper under none.
func fileTasks(t *testing.T, s *models.Store) int64 {
	t.Helper()
	ctx := context.Background()
	p, err := s.FindPaper(ctx, "", "Fast Gaussian Rendering")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceExtractedTasks(ctx, map[int64][]string{p.ID: {"gaussian-splatting"}}); err != nil {
		t.Fatal(err)
	}
	return p.ID
}

// The task filter narrows the page, the CSV and the API alike; the task
// pages list a task's metrics with their best entries.
func TestTaskFilterAndPages(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		paper := fileTasks(t, s.store)

		_, doc := s.get(t, "/leaderboards/fps?task=gaussian-splatting")
		if got := strings.Join(values(doc), "|"); got != "583 FPS|277 FPS" {
			t.Fatalf("fps filtered by task = %s", got)
		}
		chip := doc.Find(`[data-testid="chips"] a.chip`)
		if chip.Length() != 1 || !strings.Contains(chip.Text(), "Gaussian splatting") {
			t.Fatalf("task chip = %q", chip.Text())
		}
		if sel := doc.Find(`[data-testid="task-select"] option[selected]`); sel.AttrOr("value", "") != "gaussian-splatting" {
			t.Fatalf("task select keeps %q", sel.AttrOr("value", ""))
		}
		if csv, _ := doc.Find(`[data-testid="csv-link"]`).Attr("href"); csv != "/leaderboards/fps.csv?task=gaussian-splatting" {
			t.Fatalf("CSV link = %q", csv)
		}
		_, doc = s.get(t, "/leaderboards/fps?task=mpi")
		if len(values(doc)) != 0 || doc.Find(`[data-testid="empty"]`).Length() != 1 {
			t.Fatal("a task without papers must show the empty state")
		}

		rec, _ := s.get(t, "/leaderboards/fps.csv?task=gaussian-splatting")
		lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
		if rec.Code != 200 || len(lines) != 3 || !strings.Contains(lines[1], "583") || !strings.Contains(lines[2], "277") {
			t.Fatalf("CSV by task = %d %q", rec.Code, rec.Body.String())
		}

		rec, _ = s.get(t, "/api/v1/leaderboards/fps?task=gaussian-splatting")
		var api struct {
			Claims []struct {
				Value float64 `json:"value"`
			} `json:"claims"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &api); err != nil || rec.Code != 200 || len(api.Claims) != 2 {
			t.Fatalf("API by task = %d %s (%v)", rec.Code, rec.Body.String(), err)
		}

		for _, target := range []string{"/leaderboards/fps?task=no-such-task", "/leaderboards/fps?task=%3Cb%3E",
			"/leaderboards/fps.csv?task=no-such-task", "/leaderboards/fps?task=a&task=b"} {
			rec, doc := s.get(t, target)
			msg := doc.Find(`[data-testid="error-message"]`).Text()
			if rec.Code != 400 || !strings.HasPrefix(msg, "task:") && !strings.Contains(rec.Body.String(), "task:") {
				t.Errorf("GET %s = %d %q, want 400 naming task", target, rec.Code, msg)
			}
		}
		rec, _ = s.get(t, "/api/v1/leaderboards/fps?task=no-such-task")
		if rec.Code != 400 || !strings.Contains(rec.Body.String(), `"field":"task"`) {
			t.Errorf("API with an unknown task = %d %s", rec.Code, rec.Body.String())
		}

		rec, doc = s.get(t, "/tasks")
		if rec.Code != 200 || doc.Find(`[data-testid^="task-"]`).Length() < 30 {
			t.Fatalf("/tasks = %d with %d tasks", rec.Code, doc.Find(`[data-testid^="task-"]`).Length())
		}
		if txt := doc.Find(`[data-testid="task-gaussian-splatting"]`).Text(); !strings.Contains(txt, "1 papers") {
			t.Fatalf("gaussian-splatting entry = %q", txt)
		}
		rec, doc = s.get(t, "/tasks/gaussian-splatting")
		card := doc.Find(`[data-testid="metric-fps"]`)
		if rec.Code != 200 || card.Length() != 1 || doc.Find(`[data-testid^="metric-"]`).Length() != 1 {
			t.Fatalf("/tasks/gaussian-splatting = %d, cards %d", rec.Code, doc.Find(`[data-testid^="metric-"]`).Length())
		}
		if best := card.Find(`[data-testid="best"]`).Text(); best != "583 FPS" {
			t.Fatalf("best fps of the task = %q", best)
		}
		if href := card.Find("h2 a").AttrOr("href", ""); href != "/leaderboards/fps?task=gaussian-splatting" {
			t.Fatalf("metric link = %q", href)
		}
		if rec, _ := s.get(t, "/tasks/no-such-task"); rec.Code != 404 {
			t.Fatalf("/tasks/no-such-task = %d", rec.Code)
		}

		_, doc = s.get(t, "/papers/"+strconv.FormatInt(paper, 10))
		if doc.Find(`[data-testid="paper-task-gaussian-splatting"]`).Length() != 1 {
			t.Fatal("paper page does not show its task")
		}
		other, err := s.store.FindPaper(context.Background(), "", "Quick <script>alert(1)</script> Answers")
		if err != nil {
			t.Fatal(err)
		}
		_, doc = s.get(t, "/papers/"+strconv.FormatInt(other.ID, 10))
		if txt := doc.Find(`[data-testid="paper-tasks"]`).Text(); !strings.Contains(txt, "none") {
			t.Fatalf("a paper without tasks shows %q", txt)
		}
	})
}
