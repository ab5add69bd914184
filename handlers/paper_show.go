package handlers

import (
	"context"
	"net/http"
	"sort"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// paperShow renders a paper's abstract with its claims' evidence marked.
func (a *app) paperShow(c echo.Context) error {
	p, err := a.pathPaper(c)
	ctx := c.Request().Context()
	if err != nil {
		return err
	}
	all, err := a.store.ClaimsOfPaper(ctx, p.ID)
	if err != nil {
		return err
	}
	// Superseded claims were read from an older text: their offsets do not
	// fit this abstract, and they are listed as changes instead.
	var claims, superseded []models.ClaimRow
	for _, r := range all {
		if r.Status == models.StatusSuperseded {
			superseded = append(superseded, r)
		} else {
			claims = append(claims, r)
		}
	}
	tasks, err := a.store.TasksOfPaper(ctx, p.ID)
	if err != nil {
		return err
	}
	v := views.PaperView{
		Layout: layout(p.Title), ID: p.ID, Title: p.Title, SourceURL: webURL(p.SourceURL),
		CodeURL: webURL(p.CodeURL), ProjectURL: webURL(p.ProjectURL), Authors: p.Authors,
		Abstract: segments(p.Abstract, claims), Method: p.Method, MethodHuman: p.MethodSource == models.MethodByHuman,
	}
	if v.History, err = a.paperHistory(ctx, p.ID); err != nil {
		return err
	}
	v.EditURL = "/papers/" + strconv.FormatInt(p.ID, 10) + "/edit"
	for _, t := range tasks {
		v.Tasks = append(v.Tasks, views.PaperTaskChip{Slug: t.Slug, Name: t.Name, Human: t.Source == models.TaskByHuman})
	}
	if p.ArxivID != nil {
		v.ArxivID, v.ArxivURL, v.PDFURL = arxivLinks(*p.ArxivID, p.ArxivVersion)
	}
	if p.PublishedOn != nil {
		v.Published = p.PublishedOn.Format("2006-01-02")
	}
	for _, r := range claims {
		pc := views.PaperClaim{
			ID: r.ID, Metric: r.MetricName, MetricSlug: r.MetricSlug,
			Value: views.Value(r.Value, r.ValueHigh, r.Unit), Qualifier: views.Qualifier(r.Qualifier),
			Hardware: r.HardwareName, Baseline: r.Baseline, Subject: r.Subject,
			Evidence: r.Evidence, Status: r.Status,
		}
		if r.HardwareCount != nil {
			pc.HardwareCount = *r.HardwareCount
		}
		v.Claims = append(v.Claims, pc)
	}
	v.Changes = versionChanges(superseded, all)
	return render(c, http.StatusOK, views.Paper(v))
}

// segments splits an abstract into plain runs and marked evidence runs.
// Overlapping evidence (two claims from one sentence) is merged into the first
// claim's mark; offsets that do not fit the abstract are ignored, never trusted.
func segments(abstract string, claims []models.ClaimRow) []views.Segment {
	type span struct {
		start, end int
		id         int64
	}
	var spans []span
	for _, c := range claims {
		if c.EvidenceStart < 0 || c.EvidenceEnd > len(abstract) || c.EvidenceStart >= c.EvidenceEnd {
			continue
		}
		spans = append(spans, span{c.EvidenceStart, c.EvidenceEnd, c.ID})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []views.Segment
	pos := 0
	for _, s := range spans {
		if s.end <= pos {
			continue
		}
		start := max(s.start, pos)
		if start > pos {
			out = append(out, views.Segment{Text: views.CleanFragment(abstract[pos:start])})
		}
		out = append(out, views.Segment{Text: views.CleanFragment(abstract[start:s.end]), Mark: true, ClaimID: s.id})
		pos = s.end
	}
	if pos < len(abstract) {
		out = append(out, views.Segment{Text: views.CleanFragment(abstract[pos:])})
	}
	return out
}

// paperHistory is a paper's moderator edits, in words.
func (a *app) paperHistory(ctx context.Context, paperID int64) ([]views.PaperChangeView, error) {
	changes, err := a.store.PaperHistory(ctx, paperID)
	if err != nil || len(changes) == 0 {
		return nil, err
	}
	all, err := a.store.Tasks(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(all))
	for _, t := range all {
		names[t.Slug] = t.Name
	}
	return paperChangeViews(changes, names), nil
}
