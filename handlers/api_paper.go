package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// apiPaper serves a paper with its abstract and all its claims in abstract order.
func (a *app) apiPaper(c echo.Context) error {
	p, err := a.pathPaper(c)
	ctx := c.Request().Context()
	if err != nil {
		return err
	}
	if done, err := a.notModified(c, "api"); done || err != nil {
		return err
	}
	claims, err := a.store.ClaimsOfPaper(ctx, p.ID)
	if err != nil {
		return err
	}
	st, err := a.store.PaperState(ctx, p.ID)
	if err != nil {
		return err
	}
	out := apiPaper{
		ID: p.ID, URL: "/papers/" + strconv.FormatInt(p.ID, 10), Title: p.Title, Abstract: p.Abstract,
		ArxivID: p.ArxivID, SourceURL: orNull(models.LinkURL(p.SourceURL)), CodeURL: orNull(models.LinkURL(p.CodeURL)),
		Authors: orNull(p.Authors), PublishedOn: dateOrNull(p.PublishedOn), Claims: claimsJSON(claims),
		Method: orNull(st.Method), Tasks: st.Tasks,
	}
	return c.JSON(http.StatusOK, out)
}
