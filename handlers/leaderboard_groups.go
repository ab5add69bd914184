package handlers

import (
	"context"
	"net/url"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// Sections of the default leaderboard view: the tasks with the most claims
// get groupTasks sections of groupRows rows each; the others are linked.
const (
	groupTasks = 6
	groupRows  = 3
)

// groupedView reports whether f is the leaderboard's default view, the one
// grouped by task: no filter, the default sort, the first page. Choosing a
// task, a sort or any filter shows the flat ranking alone.
func groupedView(f models.LeaderboardFilter) bool {
	return f.Unfiltered() && f.Sort == "value" && f.Order == "" && f.Page == 1
}

// taskGroups builds the default view's sections from the kept per-task
// counts (no claim is counted): each section is the task-filtered board's
// first rows, and "no task" closes them. A metric none of whose papers has
// a task gets no sections: the flat ranking says everything.
func (a *app) taskGroups(ctx context.Context, m *models.Metric, path string) ([]views.TaskGroup, []views.TaskLink, error) {
	counts, err := a.store.TasksOfMetric(ctx, m.ID)
	if err != nil || len(counts) == 0 {
		return nil, nil, err
	}
	var groups []views.TaskGroup
	var more []views.TaskLink
	for i, tc := range counts {
		u := path + "?task=" + url.QueryEscape(tc.Slug)
		if i >= groupTasks {
			more = append(more, views.TaskLink{Name: tc.Name, URL: u, Count: views.Number(float64(tc.Claims))})
			continue
		}
		g, err := a.taskGroup(ctx, m, tc.Slug, tc.Name, u, views.Number(float64(tc.Claims)))
		if err != nil {
			return nil, nil, err
		}
		if len(g.Rows) > 0 {
			groups = append(groups, g)
		}
	}
	// Papers with no task have no kept count; the section links the ranking.
	none, err := a.taskGroup(ctx, m, models.TaskNone, "No task", path+"?task="+models.TaskNone, "")
	if err != nil {
		return nil, nil, err
	}
	if len(none.Rows) > 0 {
		groups = append(groups, none)
	}
	return groups, more, nil
}

func (a *app) taskGroup(ctx context.Context, m *models.Metric, slug, name, u, count string) (views.TaskGroup, error) {
	rows, err := a.store.TopClaims(ctx, models.LeaderboardFilter{Metric: m.Slug, Task: slug, PerPage: groupRows})
	if err != nil {
		return views.TaskGroup{}, err
	}
	g := views.TaskGroup{Slug: slug, Name: name, URL: u, Count: count}
	for _, r := range rows {
		g.Rows = append(g.Rows, groupRowView(r))
	}
	return g, nil
}

// groupRowView is a claim as a task's section shows it.
func groupRowView(r models.ClaimRow) views.GroupRow {
	g := views.GroupRow{
		ClaimID: r.ID, Name: rowName(r), PaperID: r.PaperID, PaperTitle: r.PaperTitle,
		Value: views.Value(r.Value, r.ValueHigh, r.Unit), Qualifier: views.Qualifier(r.Qualifier),
		Hardware: r.HardwareName, HardwareSlug: r.HardwareSlug, Baseline: r.Baseline, Subject: r.Subject,
		Evidence: views.CleanText(r.Evidence), Peak: peakView(r.Peak),
	}
	if r.HardwareCount != nil {
		g.HardwareCount = *r.HardwareCount
	}
	for _, k := range keyChipsOf(r.ClaimFields) {
		g.Settings = append(g.Settings, k.Text)
	}
	return g
}
