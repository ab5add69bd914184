package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// correctionsList is the public record of decided suggestions, newest first.
func (a *app) correctionsList(c echo.Context) error {
	page, err := queryInt(c.QueryParams(), "page", 1)
	if err != nil {
		return err
	}
	items, total, err := a.store.DecidedCorrections(c.Request().Context(), page, models.DefaultPerPage)
	if err != nil {
		return err
	}
	v := views.CorrectionsView{Layout: layout("Corrections"), Total: total}
	for i := range items {
		v.Items = append(v.Items, summaryOf(&items[i], false))
	}
	if page > 1 {
		v.PrevURL = "/corrections?page=" + strconv.Itoa(page-1)
	}
	if int64(page*models.DefaultPerPage) < total {
		v.NextURL = "/corrections?page=" + strconv.Itoa(page+1)
	}
	return render(c, http.StatusOK, views.Corrections(v))
}
