package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// searchShow finds papers and claims by free text.
func (a *app) searchShow(c echo.Context) error {
	q, _, err := single(c.QueryParams(), "q")
	if err != nil {
		return err
	}
	res, err := a.store.Search(c.Request().Context(), q)
	if err != nil {
		return err
	}
	title := "Search"
	if res.Query != "" {
		title = "Search: " + res.Query
	}
	v := views.SearchView{Layout: layout(title), Query: res.Query, Limit: models.SearchLimit}
	for _, p := range res.Papers {
		v.Papers = append(v.Papers, views.SearchPaper{ID: p.ID, Title: p.Title})
	}
	for i, r := range res.Claims {
		v.Claims = append(v.Claims, rowView(r, i+1))
	}
	return render(c, http.StatusOK, views.Search(v))
}
