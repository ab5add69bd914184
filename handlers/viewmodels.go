package handlers

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// rowFields turns a stored claim into the table row every listing shows,
// all but the evidence's context, which rowViews sets once: from the
// abstract when it has it, else the evidence alone.
func rowFields(r models.ClaimRow, rank int) views.LeaderboardRow {
	row := views.LeaderboardRow{
		Rank: rank, ClaimID: r.ID, PaperID: r.PaperID, PaperTitle: r.PaperTitle,
		Method: r.PaperMethod, Name: rowName(r),
		Value: views.Value(r.Value, r.ValueHigh, r.Unit), RawText: r.RawText,
		Qualifier: views.Qualifier(r.Qualifier), Hardware: r.HardwareName, HardwareSlug: r.HardwareSlug,
		Baseline: r.Baseline, Subject: r.Subject, Evidence: r.Evidence, Status: r.Status,
		MetricName: r.MetricName, MetricSlug: r.MetricSlug,
	}
	if r.HardwareCount != nil {
		row.HardwareCount = *r.HardwareCount
	}
	if r.PaperPublishedOn != nil {
		row.Published = r.PaperPublishedOn.Format("2006-01-02")
	}
	row.Condition = r.Condition
	row.Confidence = strconv.FormatFloat(r.Confidence, 'f', 2, 64)
	row.Peak = peakView(r.Peak)
	row.Keys = keyChipsOf(r.ClaimFields)
	return row
}

// rowViews turns claim rows into table rows whose evidence is shown in its
// clause of the abstract (one read of the page's abstracts).
func (a *app) rowViews(ctx context.Context, rows []models.ClaimRow, firstRank int) ([]views.LeaderboardRow, error) {
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		if r.Abstract == "" && !slices.Contains(ids, r.PaperID) { // a leaderboard's rows carry theirs
			ids = append(ids, r.PaperID)
		}
	}
	abstracts, err := a.store.AbstractsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]views.LeaderboardRow, 0, len(rows))
	for i, r := range rows {
		row := rowFields(r, firstRank+i)
		abs, ok := r.Abstract, r.Abstract != ""
		if !ok {
			abs, ok = abstracts[r.PaperID]
		}
		if ok {
			row.Context = views.EvidenceContext(abs, r.EvidenceStart, r.EvidenceEnd, r.Evidence)
		} else {
			row.Context = views.CleanText(r.Evidence)
		}
		out = append(out, row)
	}
	return out, nil
}

// rowName is what a row is called: the method its paper names, else the
// paper's short title (before its colon, as "Quokka" of "Quokka: Streaming
// Splats", clipped), so rows are told apart by name, not by a cut title.
func rowName(r models.ClaimRow) string {
	if r.PaperMethod != "" {
		return r.PaperMethod
	}
	title := r.PaperTitle
	if i := strings.Index(title, ":"); i > 0 && i <= 40 {
		title = title[:i]
	}
	return clip(title, 32)
}
