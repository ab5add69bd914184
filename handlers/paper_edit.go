package handlers

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// paperEditForm shows a moderator the paper's method and tasks to change.
func (a *app) paperEditForm(c echo.Context) error {
	p, err := a.pathPaper(c)
	if err != nil {
		return err
	}
	st, err := a.store.PaperState(c.Request().Context(), p.ID)
	if err != nil {
		return err
	}
	v, err := a.paperEditView(c, p, st.Method, st.Tasks, "", "")
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.PaperEdit(v))
}

// paperEditSubmit saves a moderator's method and tasks as a revision; on
// invalid input the form comes back as typed with the message (422).
func (a *app) paperEditSubmit(c echo.Context) error {
	p, err := a.pathPaper(c)
	if err != nil {
		return err
	}
	form, _ := c.FormParams()
	method, tasks, note := c.FormValue("method"), form["task"], c.FormValue("note")
	_, err = a.store.EditPaper(c.Request().Context(), p.ID, moderatorOf(c).ID, models.PaperEdit{Method: method, Tasks: tasks, Note: note})
	var bad *models.Error
	if errors.As(err, &bad) && bad.Code == models.EInvalid {
		v, verr := a.paperEditView(c, p, method, tasks, note, models.ErrorMessage(err))
		if verr != nil {
			return verr
		}
		return render(c, http.StatusUnprocessableEntity, views.PaperEdit(v))
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/papers/"+strconv.FormatInt(p.ID, 10))
}

func (a *app) paperEditView(c echo.Context, p *models.Paper, method string, tasks []string, note, problem string) (views.PaperEditView, error) {
	all, err := a.store.Tasks(c.Request().Context())
	if err != nil {
		return views.PaperEditView{}, err
	}
	v := views.PaperEditView{Layout: layout("Edit " + p.Title), PaperID: p.ID, PaperTitle: p.Title,
		Method: method, Note: note, CSRF: csrfToken(c), Error: problem}
	for _, t := range all {
		v.Tasks = append(v.Tasks, views.Option{Value: t.Slug, Label: t.Name, Checked: slices.Contains(tasks, t.Slug)})
	}
	return v, nil
}

// paperChangeViews says each moderator edit of a paper in words.
func paperChangeViews(changes []models.PaperChange, names map[string]string) []views.PaperChangeView {
	out := make([]views.PaperChangeView, 0, len(changes))
	for _, ch := range changes {
		v := views.PaperChangeView{When: ch.CreatedAt.UTC().Format("2006-01-02 15:04 UTC"), Moderator: ch.ModeratorName, Note: ch.Note}
		if v.Moderator == "" {
			v.Moderator = "a former moderator"
		}
		if ch.Before.Method != ch.After.Method {
			v.Diffs = append(v.Diffs, "method: "+orNone(ch.Before.Method)+" → "+orNone(ch.After.Method))
		}
		if !slices.Equal(ch.Before.Tasks, ch.After.Tasks) {
			v.Diffs = append(v.Diffs, "tasks: "+taskNames(ch.Before.Tasks, names)+" → "+taskNames(ch.After.Tasks, names))
		}
		out = append(out, v)
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func taskNames(slugs []string, names map[string]string) string {
	if len(slugs) == 0 {
		return "none"
	}
	out := make([]string, len(slugs))
	for i, s := range slugs {
		out[i] = names[s]
		if out[i] == "" {
			out[i] = s
		}
	}
	return strings.Join(out, ", ")
}
