package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// claimShow renders one claim with its evidence in its sentence.
func (a *app) claimShow(c echo.Context) error {
	d, err := a.pathClaim(c)
	if err != nil {
		return err
	}
	v := views.ClaimView{
		Layout: layout("Claim " + strconv.FormatInt(d.ID, 10)), ID: d.ID,
		Metric: d.MetricName, MetricSlug: d.MetricSlug, Value: views.Value(d.Value, d.ValueHigh, d.Unit),
		RawText: d.RawText, Qualifier: views.Qualifier(d.Qualifier), Hardware: d.HardwareName,
		HardwareSlug: d.HardwareSlug,
		Status:       d.Status, Confidence: strconv.FormatFloat(d.Confidence, 'f', 2, 64),
		ExtractorVersion: d.ExtractorVersion, PaperID: d.PaperID, PaperTitle: d.PaperTitle, Peak: peakView(d.Peak),
		Evidence: d.Evidence,
	}
	if d.HardwareCount != nil {
		v.HardwareCount = *d.HardwareCount
	}
	v.Keys = keyChipsOf(d.ClaimFields)
	for _, f := range models.PageFields() {
		v.Details = append(v.Details, views.LabelledValue{Name: f.Name, Label: f.Label, Value: f.Text(&d.ClaimFields)})
	}
	if d.Status == models.StatusSuperseded {
		// Read from an older version of the abstract: its offsets do not fit
		// the stored text, so the evidence stands alone.
		if d.SupersededIn != nil {
			v.Status = "superseded in v" + strconv.Itoa(*d.SupersededIn)
		}
	} else if b, e, a := views.SentenceAround(d.PaperAbstract, d.EvidenceStart, d.EvidenceEnd); e != "" {
		// Shown cleaned (no LaTeX residue); the stored offsets index the original.
		v.Before, v.Evidence, v.After = b, e, a
	}
	hist, err := a.store.ClaimHistory(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	v.History = historyRows(hist)
	if moderatorOf(c) != nil {
		v.Moderation = &views.ClaimModeration{CSRF: csrfToken(c), Version: d.Version, Verified: d.Status == models.StatusVerified,
			Retracted: d.Status == models.StatusRetracted}
	}
	return render(c, http.StatusOK, views.Claim(v))
}

// historyRows turns revisions into the claim page's history, each with the
// before and after of every field it changed.
func historyRows(hist []models.RevisionEntry) []views.RevisionRow {
	rows := make([]views.RevisionRow, 0, len(hist))
	for _, h := range hist {
		r := views.RevisionRow{ID: h.ID, When: h.CreatedAt.UTC().Format("2006-01-02 15:04 UTC"), Who: h.ModeratorName, Note: h.Note}
		if r.Who == "" {
			r.Who = "a removed moderator"
		}
		switch {
		case h.RevertOf != nil:
			r.Summary = "Reverted revision " + strconv.FormatInt(*h.RevertOf, 10) + "."
		case h.CorrectionID != nil && h.BeforeState == "{}":
			r.Summary = "Added from suggestion " + strconv.FormatInt(*h.CorrectionID, 10) + "."
		case h.CorrectionID != nil:
			r.Summary = "Accepted suggestion " + strconv.FormatInt(*h.CorrectionID, 10) + "."
		default:
			r.Summary = "Changed by a moderator."
		}
		for _, ch := range h.Changes {
			r.Changes = append(r.Changes, views.FieldRow{Field: ch.Field, Current: ch.Before, Proposed: ch.After, Changed: true})
		}
		rows = append(rows, r)
	}
	return rows
}
