package views

import (
	"context"
	"fmt"
	"io"
	"testing"
)

// BenchmarkRenderLeaderboard50 renders the leaderboard page with 50 rows and
// its chart, the work behind every uncached leaderboard view.
func BenchmarkRenderLeaderboard50(b *testing.B) {
	v := LeaderboardView{Layout: Layout{Title: "Speedup", CSSURL: "/static/style.css"}, Slug: "speedup",
		Name: "Speedup", Unit: "x", Total: "1,000,000", Page: 1, NextURL: "/leaderboards/speedup?page=2"}
	var points []ChartPoint
	for i := range 50 {
		v.Rows = append(v.Rows, LeaderboardRow{Rank: i + 1, ClaimID: int64(i), PaperID: int64(i),
			PaperTitle: fmt.Sprintf("Efficient Pipeline Parallelism for Large Models (%d)", i),
			Value:      Value(float64(100-i), nil, "x"), RawText: "100x", Qualifier: "up to", Hardware: "NVIDIA A100",
			HardwareSlug: "nvidia-a100", HardwareCount: 8, Baseline: "Megatron-LM", Subject: "training throughput",
			Evidence: "our system achieves a 100x speedup over the baseline on 8 NVIDIA A100 GPUs", Status: "extracted",
			Published: "2024-03-01", Confidence: "0.90"})
		if i < 10 {
			points = append(points, ChartPoint{Label: v.Rows[i].PaperTitle, Value: float64(100 - i), Text: v.Rows[i].Value, URL: "/claims/1"})
		}
	}
	v.Chart = NewChart("Top 10", "x", points)
	for _, name := range []string{"value", "paper", "hardware", "date"} {
		v.Columns = append(v.Columns, SortHeader{Label: name, URL: "/leaderboards/speedup?sort=" + name})
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Leaderboard(v).Render(context.Background(), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
