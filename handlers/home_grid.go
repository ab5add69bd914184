package handlers

import (
	"context"
	"net/url"
	"slices"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// gridTasks and gridMetrics bound the home page's metric × task table: rows
// for the tasks with the most claims, columns for the metrics with the most
// claims on them; /tasks and /tasks/:slug list the rest. Each cell's best
// entry is a query (1–2 ms at 100k papers), so the bound keeps an uncached
// home page to a few dozen of them.
const (
	gridTasks   = 8
	gridMetrics = 8
)

// taskGrid builds the home page's metric × task table from the kept counts;
// each non-empty cell's best entry is the task-filtered leaderboard's first
// row (an index walk, as on /tasks/:slug).
func (a *app) taskGrid(ctx context.Context) (views.TaskGrid, error) {
	cells, err := a.store.TaskMetricCells(ctx)
	if err != nil || len(cells) == 0 {
		return views.TaskGrid{}, err
	}
	total := map[string]int64{}
	var tasks []models.TaskMetricCell // one per task, in vocabulary order
	for _, c := range cells {
		if _, ok := total[c.TaskSlug]; !ok {
			tasks = append(tasks, c)
		}
		total[c.TaskSlug] += c.Claims
	}
	// The busiest tasks, kept in vocabulary order for reading.
	busiest := slices.Clone(tasks)
	slices.SortStableFunc(busiest, func(x, y models.TaskMetricCell) int { return int(total[y.TaskSlug] - total[x.TaskSlug]) })
	shown := map[string]bool{}
	for _, t := range busiest[:min(gridTasks, len(busiest))] {
		shown[t.TaskSlug] = true
	}
	g := views.TaskGrid{More: len(tasks) - len(shown)}
	col := map[string]int{}
	metricTotal := map[string]int64{}
	var metricOrder []string
	for _, c := range cells {
		if shown[c.TaskSlug] {
			if _, ok := metricTotal[c.MetricSlug]; !ok {
				metricOrder = append(metricOrder, c.MetricSlug)
			}
			metricTotal[c.MetricSlug] += c.Claims
		}
	}
	slices.SortStableFunc(metricOrder, func(x, y string) int { return int(metricTotal[y] - metricTotal[x]) })
	metricOrder = metricOrder[:min(gridMetrics, len(metricOrder))]
	// Columns in the metric vocabulary's order.
	sums, err := a.store.Metrics(ctx)
	if err != nil {
		return views.TaskGrid{}, err
	}
	for _, m := range sums {
		if slices.Contains(metricOrder, m.Slug) {
			col[m.Slug] = len(g.Metrics)
			g.Metrics = append(g.Metrics, views.GridMetric{Slug: m.Slug, Name: m.Name})
		}
	}
	row := map[string]int{}
	for _, t := range tasks {
		if shown[t.TaskSlug] {
			row[t.TaskSlug] = len(g.Rows)
			g.Rows = append(g.Rows, views.GridRow{Slug: t.TaskSlug, Name: t.TaskName, Cells: make([]views.GridCell, len(g.Metrics))})
		}
	}
	for _, c := range cells {
		if _, ok := col[c.MetricSlug]; !shown[c.TaskSlug] || !ok {
			continue
		}
		cell := views.GridCell{Count: views.Number(float64(c.Claims)),
			URL: "/leaderboards/" + url.PathEscape(c.MetricSlug) + "?task=" + url.QueryEscape(c.TaskSlug)}
		top, err := a.store.TopClaims(ctx, models.LeaderboardFilter{Metric: c.MetricSlug, Task: c.TaskSlug, PerPage: 1})
		if err != nil {
			return views.TaskGrid{}, err
		}
		if len(top) > 0 {
			b := top[0]
			cell.Best, cell.BestName, cell.BestClaim = views.Value(b.Value, b.ValueHigh, b.Unit), rowName(b), b.ID
		}
		g.Rows[row[c.TaskSlug]].Cells[col[c.MetricSlug]] = cell
	}
	return g, nil
}
