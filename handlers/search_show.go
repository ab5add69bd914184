package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// searchShow finds papers, devices and claims by free text, and says what it
// searched.
func (a *app) searchShow(c echo.Context) error {
	q, _, err := single(c.QueryParams(), "q")
	if err != nil {
		return err
	}
	sq := models.SearchQuery{Text: q}
	if a.aliases != nil {
		sq.HardwareSlugs = a.aliases(q)
	}
	ctx := c.Request().Context()
	res, err := a.store.Search(ctx, sq)
	if err != nil {
		return err
	}
	title := "Search"
	if res.Query != "" {
		title = "Search: " + res.Query
	}
	v := views.SearchView{Layout: layout(title), Query: res.Query, Limit: models.SearchLimit}
	if res.Query != "" {
		abstracts := "the abstracts of all " + views.Number(float64(res.PapersTotal)) + " papers"
		if res.AbstractsRead < res.PapersTotal {
			abstracts = "the abstracts of the newest " + views.Number(float64(res.AbstractsRead)) + " of " +
				views.Number(float64(res.PapersTotal)) + " papers"
		}
		v.Searched = []string{
			"paper titles", abstracts, "hardware names and their aliases",
			"each claim's subject, baseline, evidence and paper title",
		}
	}
	lower := strings.ToLower(res.Query)
	for _, p := range res.Papers {
		sp := views.SearchPaper{ID: p.ID, Title: p.Title, InAbstract: p.InAbstract}
		if p.InAbstract {
			if i := strings.Index(strings.ToLower(p.Abstract), lower); i >= 0 && len(p.Abstract) == len(strings.ToLower(p.Abstract)) {
				sp.Snippet = views.EvidenceContext(p.Abstract, i, i+len(lower), "")
			}
		}
		v.Papers = append(v.Papers, sp)
	}
	for _, h := range res.Hardware {
		v.Hardware = append(v.Hardware, views.Option{Value: h.Slug, Label: h.Name})
	}
	if v.Claims, err = a.rowViews(ctx, res.Claims, 1); err != nil {
		return err
	}
	return render(c, http.StatusOK, views.Search(v))
}
