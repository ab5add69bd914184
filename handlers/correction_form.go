package handlers

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// correctionFormClaim shows the suggestion form for a claim, prefilled with
// the claim as it is, so a correction is one edit and a reason.
func (a *app) correctionFormClaim(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	d, err := a.store.GetClaim(c.Request().Context(), id)
	if err != nil {
		return err
	}
	f := models.ClaimFieldsOf(d)
	fields := views.SuggestionFields{Value: f.FieldText("value"), ValueHigh: f.FieldText("value_high"), Unit: f.Unit,
		Metric: f.Metric, Qualifier: f.Qualifier, Hardware: f.Hardware, HardwareCount: f.FieldText("hardware_count"),
		Baseline: f.Baseline, Subject: f.Subject, Condition: f.Condition, Evidence: f.Evidence}
	v, err := a.claimFormView(c, d, fields, nil)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.CorrectionForm(v))
}

// correctionFormPaper shows the form to report a claim the extractor missed.
func (a *app) correctionFormPaper(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	p, err := a.store.GetPaper(c.Request().Context(), id)
	if err != nil {
		return err
	}
	v, err := a.paperFormView(c, p, views.SuggestionFields{}, nil)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.CorrectionForm(v))
}

func (a *app) claimFormView(c echo.Context, d *models.ClaimDetail, f views.SuggestionFields, errs map[string]string) (views.CorrectionFormView, error) {
	v := views.CorrectionFormView{
		Layout: layout("Suggest a correction"), Action: "/claims/" + strconv.FormatInt(d.ID, 10) + "/corrections",
		ClaimID: d.ID, ClaimValue: views.Value(d.Value, d.ValueHigh, d.Unit), PaperID: d.PaperID, PaperTitle: d.PaperTitle,
		CSRF: csrfToken(c), Fields: f, Errors: errs,
	}
	return v, a.fillOptions(c.Request().Context(), &v)
}

func (a *app) paperFormView(c echo.Context, p *models.Paper, f views.SuggestionFields, errs map[string]string) (views.CorrectionFormView, error) {
	v := views.CorrectionFormView{
		Layout: layout("Report a missing claim"), Action: "/papers/" + strconv.FormatInt(p.ID, 10) + "/corrections",
		Missing: true, PaperID: p.ID, PaperTitle: p.Title, Abstract: p.Abstract, CSRF: csrfToken(c), Fields: f, Errors: errs,
	}
	return v, a.fillOptions(c.Request().Context(), &v)
}

// fillOptions lists the metric and qualifier vocabularies for the selects.
func (a *app) fillOptions(ctx context.Context, v *views.CorrectionFormView) error {
	ms, err := a.store.Metrics(ctx)
	if err != nil {
		return err
	}
	if v.Missing {
		v.Metrics = append(v.Metrics, views.Option{Value: "", Label: "— choose —"})
	}
	for _, m := range ms {
		v.Metrics = append(v.Metrics, views.Option{Value: m.Slug, Label: m.Name})
	}
	for _, q := range models.ClaimQualifiers {
		label := views.Qualifier(q)
		if q == "" {
			label = "none"
		}
		v.Qualifiers = append(v.Qualifiers, views.Option{Value: q, Label: label})
	}
	return nil
}
