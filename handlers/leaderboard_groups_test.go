package handlers_test

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/claimboard/claimboard/internal/testdb"
)

// The default leaderboard opens with a section per task (its best rows:
// method, value, hardware × count, baseline, settings, evidence behind a
// <details>) and one for papers with no task; choosing a task, a sort or a
// filter shows the flat ranking alone, which the default view keeps below.
func TestLeaderboardGroupsByTask(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		fileTasks(t, s.store) // the 583 and 277 FPS paper: Gaussian splatting

		_, doc := s.get(t, "/leaderboards/fps")
		groups := doc.Find(`[data-testid="task-groups"] section.group`)
		var names []string
		groups.Each(func(_ int, g *goquery.Selection) { names = append(names, g.AttrOr("data-testid", "")) })
		if strings.Join(names, ",") != "group-gaussian-splatting,group-none" {
			t.Fatalf("sections = %v", names)
		}
		gs := doc.Find(`[data-testid="group-gaussian-splatting"]`)
		if href := gs.Find(`[data-testid="group-link"]`).AttrOr("href", ""); href != "/leaderboards/fps?task=gaussian-splatting" {
			t.Fatalf("task link = %q", href)
		}
		if !strings.Contains(gs.Find("h3").Text(), "2 claims") {
			t.Fatalf("task heading = %q", gs.Find("h3").Text())
		}
		groupValues := func(g *goquery.Selection) string {
			var v []string
			g.Find(`[data-testid="group-value"]`).Each(func(_ int, x *goquery.Selection) { v = append(v, strings.Join(strings.Fields(x.Text()), " ")) })
			return strings.Join(v, "|")
		}
		if got := groupValues(gs); got != "583 FPS|up to 277 FPS" {
			t.Fatalf("Gaussian splatting rows = %q", got)
		}
		none := doc.Find(`[data-testid="group-none"]`)
		if h := none.Find("h3").Text(); !strings.Contains(h, "all of them") || strings.Contains(h, "claims") {
			t.Fatalf("no-task heading = %q: papers with no task have no kept count, so none is shown", h)
		}
		if got := groupValues(none); got != "about 1,000 FPS|up to 120 FPS|30 FPS" {
			t.Fatalf("no-task rows = %q", got)
		}
		first := none.Find(`[data-testid="group-row"]`).First()
		if first.Find(`[data-testid="group-method"]`).Text() != "Renderer B" ||
			!strings.Contains(first.Find(`[data-testid="group-hardware"]`).Text(), "NVIDIA V100") ||
			strings.TrimSpace(first.Find(`[data-testid="group-baseline"]`).Text()) != "vs NeRF" ||
			first.Find(`details [data-testid="group-evidence"]`).Text() != "1000 FPS" {
			t.Fatalf("first no-task row = %q", first.Text())
		}
		if len(values(doc)) != 5 {
			t.Fatalf("the flat ranking under the sections has %d rows, want 5", len(values(doc)))
		}

		for _, target := range []string{"/leaderboards/fps?task=gaussian-splatting", "/leaderboards/fps?sort=date", "/leaderboards/fps?hardware=nvidia-a100"} {
			_, doc := s.get(t, target)
			if doc.Find(`[data-testid="task-groups"]`).Length() != 0 {
				t.Errorf("%s is grouped; a chosen view is the flat ranking", target)
			}
		}
		_, doc = s.get(t, "/leaderboards/fps?task=none")
		if got := strings.Join(values(doc), "|"); got != "1,000 FPS|120 FPS|30 FPS" {
			t.Fatalf("task=none = %q", got)
		}
		if !strings.Contains(doc.Find(`[data-testid="chips"]`).Text(), "task: ") {
			t.Fatal("task=none has no chip")
		}
		rec, _ := s.get(t, "/leaderboards/fps.csv?task=none")
		if n := strings.Count(strings.TrimSpace(rec.Body.String()), "\n"); rec.Code != 200 || n != 3 {
			t.Fatalf("CSV task=none = %d, %d rows", rec.Code, n)
		}
		// A metric none of whose papers has a task: no sections.
		_, doc = s.get(t, "/leaderboards/latency")
		if doc.Find(`[data-testid="task-groups"]`).Length() != 0 {
			t.Fatal("a board without tasks is grouped")
		}
	})
}
