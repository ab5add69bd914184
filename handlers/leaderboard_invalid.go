package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// leaderboardInvalid answers a leaderboard link with a malformed parameter:
// still a 400, but the page shows the view without the bad parameter, the
// user's other filters, and the form with the bad field marked and its
// value as typed, so the way on is to fix it rather than to start over.
// Errors that name no single parameter keep the plain error page.
func (a *app) leaderboardInvalid(c echo.Context, perr error) error {
	var fe *models.Error
	if !errors.As(perr, &fe) || !leaderboardParams[fe.Field] {
		return perr
	}
	q := url.Values{}
	for k, vals := range c.QueryParams() {
		if leaderboardParams[k] {
			q[k] = vals
		}
	}
	bad := fe
	raw := map[string]string{}
	moderator := moderatorOf(c) != nil
	// Drop the parameter at fault until the rest parses; each round removes
	// one known name, so this ends.
	for {
		raw[bad.Field] = strings.Join(q[bad.Field], ", ")
		q.Del(bad.Field)
		f, err := filterFromValues(c.Param("metric"), q, moderator)
		if err == nil {
			v, err := a.leaderboardView(c.Request().Context(), f)
			if err != nil {
				return err
			}
			v.Invalid = views.InvalidField{Field: fe.Field, Message: fe.Error()}
			v.Form.Invalid = fe.Field
			v.Form.InvalidMessage = fe.Message
			setRawField(&v.Form, fe.Field, raw[fe.Field])
			v.Layout.Title = "Invalid filter · " + v.Name
			return render(c, http.StatusBadRequest, views.Leaderboard(v))
		}
		if !errors.As(err, &bad) || !leaderboardParams[bad.Field] || q[bad.Field] == nil {
			return perr
		}
	}
}

// setRawField puts a rejected value back into its text field as typed.
func setRawField(form *views.FilterForm, field, raw string) {
	switch field {
	case "q":
		form.Query = raw
	case "min":
		form.Min = raw
	case "max":
		form.Max = raw
	case "min_confidence":
		form.MinConf = raw
	case "year":
		form.Year = raw
	}
}
