package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// correctionSubmitClaim stores a suggested correction of a claim.
func (a *app) correctionSubmitClaim(c echo.Context) error {
	d, err := a.pathClaim(c)
	if err != nil {
		return err
	}
	return a.submitSuggestion(c, models.NewSuggestion{ClaimID: d.ID}, func(f models.SuggestionForm, errs map[string]string) (views.CorrectionFormView, error) {
		return a.claimFormView(c, d, f, errs)
	})
}

// correctionSubmitPaper stores a report of a claim missing from a paper.
func (a *app) correctionSubmitPaper(c echo.Context) error {
	p, err := a.pathPaper(c)
	if err != nil {
		return err
	}
	return a.submitSuggestion(c, models.NewSuggestion{PaperID: p.ID}, func(f models.SuggestionForm, errs map[string]string) (views.CorrectionFormView, error) {
		return a.paperFormView(c, p, f, errs)
	})
}

// submitSuggestion reads the form, stores it and confirms; on invalid input it
// shows the form again as typed with a message per field (422).
func (a *app) submitSuggestion(c echo.Context, in models.NewSuggestion, form func(models.SuggestionForm, map[string]string) (views.CorrectionFormView, error)) error {
	typed := models.SuggestionForm{NotAClaim: c.FormValue("not_a_claim") != "", Reason: c.FormValue("reason"), Contact: c.FormValue("contact")}
	for _, f := range models.SuggestableFields() {
		// Browsers send a textarea's line breaks as CRLF; abstracts have LF.
		f.SetFormText(&typed, strings.ReplaceAll(c.FormValue(f.Name), "\r\n", "\n"))
	}
	if c.FormValue("website") != "" {
		// The honeypot is hidden from people; only bots fill it. They get the
		// usual thanks so they learn nothing, and nothing is stored.
		a.log.Info("honeypot suggestion dropped", "path", c.Request().URL.Path)
		return render(c, http.StatusOK, views.CorrectionDone(views.CorrectionDoneView{Layout: layout("Thank you")}))
	}
	key, err := a.addressKey(c)
	if err != nil {
		return err
	}
	in.SubmitterIPHash = key
	in.Form = typed
	saved, err := a.store.SubmitCorrection(c.Request().Context(), in)
	var bad models.InvalidFields
	if errors.As(err, &bad) {
		v, ferr := form(typed, bad)
		if ferr != nil {
			return ferr
		}
		return render(c, http.StatusUnprocessableEntity, views.CorrectionForm(v))
	}
	if err != nil {
		return err
	}
	url := "/corrections/" + strconv.FormatInt(saved.ID, 10)
	return render(c, http.StatusCreated, views.CorrectionDone(views.CorrectionDoneView{Layout: layout("Thank you"), ID: saved.ID, URL: url}))
}
