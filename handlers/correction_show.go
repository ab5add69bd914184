package handlers

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// correctionShow is the public page of one suggestion, pending or decided,
// without the submitter's contact.
func (a *app) correctionShow(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	it, err := a.store.GetCorrection(c.Request().Context(), id)
	if err != nil {
		return err
	}
	v := views.CorrectionView{Layout: layout("Suggestion " + strconv.FormatInt(id, 10)), CorrectionSummary: summaryOf(it, false)}
	return render(c, http.StatusOK, views.Correction(v))
}

// kindLabels names the correction kinds for people.
var kindLabels = map[string]string{
	models.KindChange: "correction", models.KindNotAClaim: "not a claim", models.KindMissing: "missing claim",
}

// summaryOf shapes a suggestion for pages; the contact is shown to moderators only.
func summaryOf(it *models.CorrectionItem, forModerator bool) views.CorrectionSummary {
	s := views.CorrectionSummary{
		ID: it.ID, URL: "/corrections/" + strconv.FormatInt(it.ID, 10), Kind: kindLabels[it.Kind], Status: it.Status,
		Submitted: it.CreatedAt.UTC().Format("2006-01-02 15:04 UTC"), PaperID: it.PaperID, PaperTitle: it.PaperTitle,
		ClaimVersion: it.ClaimVersion, Reason: it.Reason, Moderator: it.ModeratorName, Note: it.DecisionNote,
	}
	if s.Moderator == "" && it.Status != models.CorrectionPending {
		s.Moderator = "a removed moderator"
	}
	if it.ClaimID != nil {
		s.ClaimID = *it.ClaimID
	}
	if forModerator {
		s.Contact = it.Contact
		s.ByAddressURL = "/moderation?address=" + url.QueryEscape(it.SubmitterIPHash)
		if s.ClaimID != 0 && it.Kind != models.KindMissing {
			s.ByClaimURL = "/moderation?claim=" + strconv.FormatInt(s.ClaimID, 10)
		}
	}
	if it.DecidedAt != nil {
		s.Decided = it.DecidedAt.UTC().Format("2006-01-02 15:04 UTC")
	}
	if forModerator {
		s.NewDevice = it.NewDevice
	}
	if it.RevertedAt != nil && it.Current != nil {
		// The record says what became of the accepted change, and what
		// the claim says now, not just "accepted".
		s.Reverted = it.RevertedAt.UTC().Format("2006-01-02 15:04 UTC")
		s.ClaimNow = views.Value(it.Current.Value, it.Current.ValueHigh, it.Current.Unit)
		if it.Current.HardwareName != "" {
			s.ClaimNow += " on " + it.Current.HardwareName
		}
		s.ClaimNow += " (" + it.Current.Status + ")"
	}
	if it.Kind == models.KindNotAClaim {
		return s
	}
	for _, f := range models.SuggestableFields() {
		row := views.FieldRow{Field: f.Name, Proposed: f.Text(&it.Proposed)}
		if it.Current != nil && it.Kind == models.KindChange {
			row.Current = f.Text(it.Current)
		}
		row.Changed = slices.Contains(it.ProposedFields, f.Name)
		row.NewDevice = forModerator && f.Kind == models.DeviceField && it.NewDevice != ""
		s.Rows = append(s.Rows, row)
	}
	return s
}
