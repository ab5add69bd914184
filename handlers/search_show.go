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
		v.Searched = []string{
			"the titles and abstracts of all " + views.Number(float64(res.PapersTotal)) + " papers",
			"hardware names and their aliases",
			"each claim's subject, baseline, evidence, device and paper title",
		}
	}
	words := models.TextWords(res.Query)
	for _, p := range res.Papers {
		sp := views.SearchPaper{ID: p.ID, Title: p.Title, InAbstract: p.InAbstract}
		if p.InAbstract {
			if i, n := firstWord(p.Abstract, words); i >= 0 {
				sp.Snippet = views.EvidenceContext(p.Abstract, i, i+n, "")
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

// firstWord finds the earliest of words in text, case-insensitively, for
// the passage shown under an abstract hit; -1 if none is there as written.
func firstWord(text string, words []string) (at, n int) {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return -1, 0 // offsets would not carry over
	}
	at = -1
	for _, w := range words {
		if i := strings.Index(lower, w); i >= 0 && (at < 0 || i < at) {
			at, n = i, len(w)
		}
	}
	return at, n
}
