package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/views"
)

// taskList lists the task vocabulary by area with each task's paper count.
func (a *app) taskList(c echo.Context) error {
	tasks, err := a.store.TaskSummaries(c.Request().Context())
	if err != nil {
		return err
	}
	v := views.TaskListView{Layout: layout("Tasks")}
	for _, t := range tasks {
		if n := len(v.Areas); n == 0 || v.Areas[n-1].Name != t.Area {
			v.Areas = append(v.Areas, views.TaskArea{Name: t.Area})
		}
		ar := &v.Areas[len(v.Areas)-1]
		ar.Tasks = append(ar.Tasks, views.TaskItem{Slug: t.Slug, Name: t.Name, Papers: t.Papers})
	}
	return render(c, http.StatusOK, views.TaskListPage(v))
}
