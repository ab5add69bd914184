package handlers

import (
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
	return row
}
