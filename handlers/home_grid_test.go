package handlers_test

import (
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
)

// The home page shows metric × task: per task with claims, the count of
// each metric's claims on its papers, linking to that ranking, and the best.
func TestHomeTaskGrid(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustSite(t, dsn)
		moreFPS(t, s.store)
		_, doc := s.get(t, "/")
		if doc.Find(`[data-testid="task-grid"]`).Length() != 0 {
			t.Fatal("a grid without any task filed")
		}
		fileTasks(t, s.store)
		_, doc = s.get(t, "/")
		row := doc.Find(`[data-testid="task-grid"] [data-testid="grid-gaussian-splatting"]`)
		if row.Length() != 1 || doc.Find(`[data-testid="task-grid"] tbody tr`).Length() != 1 {
			t.Fatalf("grid rows = %d", doc.Find(`[data-testid="task-grid"] tbody tr`).Length())
		}
		cell := row.Find(`[data-testid="cell-fps"]`)
		if cell.Find(`[data-testid="cell-count"]`).Text() != "2 claims" ||
			cell.Find(`[data-testid="cell-count"]`).AttrOr("href", "") != "/leaderboards/fps?task=gaussian-splatting" ||
			cell.Find(`[data-testid="cell-best"]`).Text() != "583 FPS" {
			t.Fatalf("fps × Gaussian splatting = %q", cell.Text())
		}
		if strings.TrimSpace(row.Find(`[data-testid="cell-latency"]`).Text()) != "" && row.Find(`[data-testid="cell-latency"]`).Length() != 0 {
			t.Fatalf("latency cell of a task without latency claims = %q", row.Find(`[data-testid="cell-latency"]`).Text())
		}
		// The metric cards are still there.
		if doc.Find(`[data-testid="metric-fps"] [data-testid="claim-count"]`).Text() != "5" {
			t.Fatalf("fps card count = %q", doc.Find(`[data-testid="metric-fps"] [data-testid="claim-count"]`).Text())
		}
	})
}
