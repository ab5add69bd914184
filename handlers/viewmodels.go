package handlers

import (
	"strconv"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// rowView turns a stored claim into the table row every listing shows.
func rowView(r models.ClaimRow, rank int) views.LeaderboardRow {
	row := views.LeaderboardRow{
		Rank: rank, ClaimID: r.ID, PaperID: r.PaperID, PaperTitle: r.PaperTitle,
		Value: views.Value(r.Value, r.ValueHigh, r.Unit), RawText: r.RawText,
		Qualifier: views.Qualifier(r.Qualifier), Hardware: r.HardwareName, HardwareSlug: r.HardwareSlug,
		Baseline: r.Baseline, Subject: r.Subject, Evidence: r.Evidence, Status: r.Status,
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
	return row
}
