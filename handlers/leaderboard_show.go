package handlers

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// chartSize is how many of the best values the leaderboard chart shows.
const chartSize = 10

// leaderboardShow renders one metric's leaderboard as filtered and sorted by
// the query string: every view is a permalink.
func (a *app) leaderboardShow(c echo.Context) error {
	f, err := parseLeaderboardFilter(c)
	if err != nil {
		return a.leaderboardInvalid(c, err)
	}
	if done, err := a.notModified(c, "page"); done || err != nil {
		return err
	}
	v, err := a.leaderboardView(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.Leaderboard(v))
}

// leaderboardView builds the page of filter f.
func (a *app) leaderboardView(ctx context.Context, f models.LeaderboardFilter) (views.LeaderboardView, error) {
	lb, err := a.store.Leaderboard(ctx, f)
	if err != nil {
		return views.LeaderboardView{}, err
	}
	m := lb.Metric
	hw, err := a.store.HardwareOfMetric(ctx, m.ID)
	if err != nil {
		return views.LeaderboardView{}, err
	}
	tasks, err := a.store.Tasks(ctx)
	if err != nil {
		return views.LeaderboardView{}, err
	}
	// The chart shows the best values of the filtered set whatever the table's sort.
	best := lb.Rows
	if f.Sort != "value" || f.Order != "" || f.Page != 1 {
		bf := f
		bf.Sort, bf.Order, bf.Page, bf.PerPage, bf.After = "value", "", 1, chartSize, ""
		if bf.Flag != "" { // flags are computed on read: only Leaderboard pages them
			top, err := a.store.Leaderboard(ctx, bf)
			if err != nil {
				return views.LeaderboardView{}, err
			}
			best = top.Rows
		} else if best, err = a.store.TopClaims(ctx, bf); err != nil {
			// TopClaims, not Leaderboard: the chart needs no total.
			return views.LeaderboardView{}, err
		}
	}

	path := "/leaderboards/" + url.PathEscape(m.Slug)
	v := views.LeaderboardView{
		Layout: layout(m.Name), Slug: m.Slug, Name: m.Name, Description: m.Description,
		Unit: m.Unit, Direction: direction(m.HigherIsBetter), Page: f.Page,
		Total:    views.Number(float64(lb.Total)),
		ClearURL: path,
		CSVURL:   withQuery(path+".csv", withoutPaging(f)),
		JSONURL:  withQuery("/api/v1/leaderboards/"+url.PathEscape(m.Slug), withoutPaging(f)),
		Columns:  sortHeaders(path, f, m.HigherIsBetter),
		Form:     filterForm(path, f, hw, tasks),
		Chips:    append(chips(path, f, hw, tasks), keyChips(path, f)...),
	}
	v.KeyNotices = keyNotices(path, f, lb.Rows)
	if groupedView(f) {
		if v.Groups, v.MoreTasks, err = a.taskGroups(ctx, &m, path); err != nil {
			return views.LeaderboardView{}, err
		}
	}
	v.Form.Peaks = models.ComparedWithPeak(m.Slug) || f.Flag != ""
	v.Form.AbovePeak = f.Flag == models.FlagAbovePeak
	v.FeedURL, v.FeedTitle = withQuery(path+"/feed.atom", feedQuery(f)), "New "+m.Name+" claims"
	switch {
	case lb.TotalEstimated:
		v.Total = "about " + v.Total
	case lb.TotalCapped:
		v.Total = "more than " + v.Total
	}
	v.Layout.Canonical = withQuery(path, filterQuery(f))
	if v.Rows, err = a.rowViews(ctx, lb.Rows, (f.Page-1)*f.PerPage+1); err != nil {
		return views.LeaderboardView{}, err
	}
	if !lb.TotalCapped && !lb.TotalEstimated {
		v.PageCount = int((lb.Total + int64(f.PerPage) - 1) / int64(f.PerPage))
	}
	if f.Page > 1 {
		v.PrevURL = withQuery(path, filterQuery(pageOf(f, f.Page-1, "")))
	}
	if lb.HasNext {
		v.NextURL = withQuery(path, filterQuery(pageOf(f, f.Page+1, lb.NextAfter)))
	}
	var points []views.ChartPoint
	best = best[:min(len(best), chartSize)]
	labels := chartLabels(best)
	for i, r := range best {
		points = append(points, views.ChartPoint{
			Label: labels[i], Value: r.Value, Text: views.Value(r.Value, r.ValueHigh, r.Unit),
			URL: "/claims/" + strconv.FormatInt(r.ID, 10),
		})
	}
	v.Chart = views.NewChart("Top "+strconv.Itoa(len(points))+" "+m.Name+" claims", m.Unit, points)
	return v, nil
}

func withoutPaging(f models.LeaderboardFilter) url.Values {
	f.Page, f.PerPage, f.After = 1, 0, ""
	return filterQuery(f)
}

// pageOf is f's page n: the next page seeks after the cursor the store
// made; any other page (previous, or a page=N link) goes by number.
func pageOf(f models.LeaderboardFilter, n int, after string) models.LeaderboardFilter {
	f.Page, f.After = n, after
	return f
}

// sortHeaders builds the table's column headings; clicking the current sort
// column flips its direction, clicking another sorts by it in its natural order.
func sortHeaders(path string, f models.LeaderboardFilter, higherIsBetter bool) []views.SortHeader {
	cols := []struct{ label, key string }{
		{"#", ""}, {"Value", "value"}, {"Qualifier", "qualifier"}, {"Paper", "paper"},
		{"Hardware", "hardware"}, {"Baseline", "baseline"}, {"Subject", "subject"}, {"Condition", "condition"},
		{"Published", "date"}, {"Status", "status"}, {"Confidence", "confidence"},
	}
	desc := f.Descending(higherIsBetter)
	out := make([]views.SortHeader, 0, len(cols))
	for _, col := range cols {
		h := views.SortHeader{Label: col.label}
		if col.key != "" {
			nf := f
			nf.Page, nf.After = 1, ""
			nf.Sort, nf.Order = col.key, ""
			if col.key == f.Sort {
				h.AriaSort = "ascending"
				nf.Order = "desc"
				if desc {
					h.AriaSort = "descending"
					nf.Order = "asc"
				}
			}
			h.URL = withQuery(path, filterQuery(nf))
		}
		out = append(out, h)
	}
	return out
}

var qualifierLabels = map[string]string{
	"up_to": "up to", "at_least": "at least", "approx": "about", "average": "on average", "none": "none",
}

func filterForm(path string, f models.LeaderboardFilter, hw []models.Hardware, tasks []models.Task) views.FilterForm {
	form := views.FilterForm{
		Action: path, Query: f.Query, Sort: f.Sort, Order: f.Order,
		PerPage: strconv.Itoa(f.PerPage),
	}
	if f.Min != nil {
		form.Min = strconv.FormatFloat(*f.Min, 'f', -1, 64)
	}
	if f.Max != nil {
		form.Max = strconv.FormatFloat(*f.Max, 'f', -1, 64)
	}
	if f.MinConf != nil {
		form.MinConf = strconv.FormatFloat(*f.MinConf, 'f', -1, 64)
	}
	if f.Year != 0 {
		form.Year = strconv.Itoa(f.Year)
	}
	if f.HasCode != nil {
		form.HasCode = strconv.FormatBool(*f.HasCode)
	}
	for _, h := range hw {
		form.Hardware = append(form.Hardware, views.Option{Value: h.Slug, Label: h.Name, Checked: slices.Contains(f.Hardware, h.Slug)})
	}
	for _, q := range models.Qualifiers {
		form.Qualifiers = append(form.Qualifiers, views.Option{Value: q, Label: qualifierLabels[q], Checked: slices.Contains(f.Qualifier, q)})
	}
	// The page is cached for everyone, so it offers "retracted" only on the
	// uncached view that already asks for it (a moderator's).
	statuses := models.FilterStatuses
	if f.WantsRetracted() {
		statuses = models.ModeratorStatuses
	}
	for _, s := range statuses {
		form.Statuses = append(form.Statuses, views.Option{Value: s, Label: s, Checked: slices.Contains(f.Status, s)})
	}
	for _, t := range tasks {
		form.Tasks = append(form.Tasks, views.Option{Value: t.Slug, Label: t.Name, Checked: f.Task == t.Slug})
	}
	if len(tasks) > 0 {
		form.Tasks = append(form.Tasks, views.Option{Value: models.TaskNone, Label: "(papers with no task)", Checked: f.Task == models.TaskNone})
	}
	return form
}

// chips lists the active filters, each with a link to the view without it.
func chips(path string, f models.LeaderboardFilter, hw []models.Hardware, tasks []models.Task) []views.Chip {
	base := f
	base.Page, base.After = 1, ""
	var out []views.Chip
	add := func(label string, without models.LeaderboardFilter) {
		out = append(out, views.Chip{Label: label, RemoveURL: withQuery(path, filterQuery(without))})
	}
	names := map[string]string{}
	for _, h := range hw {
		names[h.Slug] = h.Name
	}
	for _, h := range f.Hardware {
		nf := base
		nf.Hardware = remove(f.Hardware, h)
		label := names[h]
		if label == "" {
			label = h
		}
		add("hardware: "+label, nf)
	}
	for _, q := range f.Qualifier {
		nf := base
		nf.Qualifier = remove(f.Qualifier, q)
		add("qualifier: "+qualifierLabels[q], nf)
	}
	for _, s := range f.Status {
		nf := base
		nf.Status = remove(f.Status, s)
		add("status: "+s, nf)
	}
	if f.Query != "" {
		nf := base
		nf.Query = ""
		add("search: "+f.Query, nf)
	}
	if f.Min != nil {
		nf := base
		nf.Min = nil
		add("≥ "+views.Number(*f.Min), nf)
	}
	if f.Max != nil {
		nf := base
		nf.Max = nil
		add("≤ "+views.Number(*f.Max), nf)
	}
	if f.MinConf != nil {
		nf := base
		nf.MinConf = nil
		add("confidence ≥ "+strconv.FormatFloat(*f.MinConf, 'f', -1, 64), nf)
	}
	if f.Year != 0 {
		nf := base
		nf.Year = 0
		add("year: "+strconv.Itoa(f.Year), nf)
	}
	if f.Task != "" {
		nf := base
		nf.Task = ""
		label := f.Task
		for _, t := range tasks {
			if t.Slug == f.Task {
				label = t.Name
			}
		}
		add("task: "+label, nf)
	}
	if f.Flag != "" {
		nf := base
		nf.Flag = ""
		add("above the device's peak", nf)
	}
	if f.HasCode != nil {
		nf := base
		nf.HasCode = nil
		label := "with code"
		if !*f.HasCode {
			label = "without code"
		}
		add(label, nf)
	}
	return out
}

func remove(list []string, v string) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// chartLabels tells chart rows apart: each is its method (else its paper's
// short title) and device; rows that would still share a label add what was measured, then
// what it is compared with, then the setting, then their rank in front.
func chartLabels(rows []models.ClaimRow) []string {
	labels := make([]string, len(rows))
	for i, r := range rows {
		labels[i] = chartLabel(r)
	}
	extras := []func(models.ClaimRow) string{
		func(r models.ClaimRow) string { return r.Subject },
		func(r models.ClaimRow) string { return prefixed("vs ", r.Baseline) },
		func(r models.ClaimRow) string { return r.Condition },
	}
	for _, extra := range extras {
		count := map[string]int{}
		for _, l := range labels {
			count[l]++
		}
		for i, r := range rows {
			if count[labels[i]] > 1 {
				if x := extra(r); x != "" {
					labels[i] += ", " + clip(x, 24)
				}
			}
		}
	}
	count := map[string]int{}
	for _, l := range labels {
		count[l]++
	}
	for i := range labels {
		if count[labels[i]] > 1 {
			labels[i] = "#" + strconv.Itoa(i+1) + " " + labels[i] // first, so clipping keeps it
		}
	}
	return labels
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		return string([]rune(s)[:n-1]) + "…"
	}
	return s
}

// chartLabel is a row's name (its method, else its paper's short title)
// and its device: "Method (hardware)".
func chartLabel(r models.ClaimRow) string {
	name := rowName(r)
	if r.HardwareName != "" {
		return name + " (" + r.HardwareName + ")"
	}
	return name
}
