package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// correctionFormClaim shows the suggestion form for a claim, prefilled with
// the claim as it is, so a correction is one edit and a reason.
func (a *app) correctionFormClaim(c echo.Context) error {
	d, err := a.pathClaim(c)
	if err != nil {
		return err
	}
	v, err := a.claimFormView(c, d, models.FormOf(models.ClaimFieldsOf(d)), nil)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.CorrectionForm(v))
}

// correctionFormPaper shows the form to report a claim the extractor missed.
func (a *app) correctionFormPaper(c echo.Context) error {
	p, err := a.pathPaper(c)
	if err != nil {
		return err
	}
	v, err := a.paperFormView(c, p, models.SuggestionForm{}, nil)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.CorrectionForm(v))
}

func (a *app) claimFormView(c echo.Context, d *models.ClaimDetail, f models.SuggestionForm, errs map[string]string) (views.CorrectionFormView, error) {
	v := views.CorrectionFormView{
		Layout: layout("Suggest a correction"), Action: "/claims/" + strconv.FormatInt(d.ID, 10) + "/corrections",
		ClaimID: d.ID, ClaimValue: views.Value(d.Value, d.ValueHigh, d.Unit), PaperID: d.PaperID, PaperTitle: d.PaperTitle,
		Abstract: markEvidence(d.PaperAbstract, d.EvidenceStart, d.EvidenceEnd, d.Evidence), CSRF: csrfToken(c), Errors: errs,
	}
	return v, a.fillInputs(c.Request().Context(), &v, f)
}

func (a *app) paperFormView(c echo.Context, p *models.Paper, f models.SuggestionForm, errs map[string]string) (views.CorrectionFormView, error) {
	v := views.CorrectionFormView{
		Layout: layout("Report a missing claim"), Action: "/papers/" + strconv.FormatInt(p.ID, 10) + "/corrections",
		Missing: true, PaperID: p.ID, PaperTitle: p.Title, Abstract: views.MarkedText{Before: p.Abstract}, CSRF: csrfToken(c), Errors: errs,
	}
	return v, a.fillInputs(c.Request().Context(), &v, f)
}

// markEvidence splits an abstract around a claim's evidence, by its stored
// offsets when they still hold it, else where the evidence first occurs;
// nothing is marked when it is not there.
func markEvidence(abstract string, start, end int, evidence string) views.MarkedText {
	if start < 0 || end > len(abstract) || start >= end || abstract[start:end] != evidence {
		start = strings.Index(abstract, evidence)
		end = start + len(evidence)
	}
	if evidence == "" || start < 0 {
		return views.MarkedText{Before: abstract}
	}
	return views.MarkedText{Before: abstract[:start], Marked: abstract[start:end], After: abstract[end:]}
}

// evidenceRows is the height of a long text field (the evidence): enough to
// read a sentence or two without scrolling.
const evidenceRows = 4

// fillInputs lays out the form from the field table: one input per
// suggestable field as typed in f, a select for each vocabulary, a textarea
// for long text and the known devices offered for a device field.
func (a *app) fillInputs(ctx context.Context, v *views.CorrectionFormView, f models.SuggestionForm) error {
	v.NotAClaim, v.Reason, v.Contact = f.NotAClaim, f.Reason, f.Contact
	for _, fd := range models.SuggestableFields() {
		in := views.FormInput{Name: fd.Name, Label: fd.Label, Hint: fd.Hint, Value: fd.FormText(&f)}
		switch {
		case fd.Kind == models.TextField && fd.MaxLen > models.MaxFieldLen:
			in.Rows = evidenceRows
		case fd.Kind == models.DeviceField:
			devices, err := a.store.KnownDevices(ctx)
			if err != nil {
				return err
			}
			in.Suggestions = devices
		}
		if fd.Kind == models.EnumField {
			opts, err := a.fieldOptions(ctx, fd, v.Missing)
			if err != nil {
				return err
			}
			in.Select, in.Options = true, opts
		}
		v.Inputs = append(v.Inputs, in)
	}
	return nil
}

// fieldOptions lists an enum field's choices: the metric vocabulary from the
// database (a missing claim starts with none chosen), else the field's own.
func (a *app) fieldOptions(ctx context.Context, fd models.ClaimField, missing bool) ([]views.Option, error) {
	var opts []views.Option
	if fd.Options == nil {
		ms, err := a.store.Metrics(ctx)
		if err != nil {
			return nil, err
		}
		if missing {
			opts = append(opts, views.Option{Value: "", Label: "— choose —"})
		}
		for _, m := range ms {
			opts = append(opts, views.Option{Value: m.Slug, Label: m.Name})
		}
		return opts, nil
	}
	for _, o := range fd.Options {
		// views.Qualifier words the qualifiers and leaves other values as stored.
		label := views.Qualifier(o)
		if o == "" {
			label = fd.Blank
		}
		opts = append(opts, views.Option{Value: o, Label: label})
	}
	return opts, nil
}
