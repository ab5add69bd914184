package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// moderationRevert undoes a revision by recording a new one; history is never rewritten.
func (a *app) moderationRevert(c echo.Context) error {
	id, version, err := pathAndVersion(c)
	if err != nil {
		return err
	}
	rev, err := a.store.RevertRevision(c.Request().Context(), id, moderatorOf(c).ID, version, c.FormValue("note"))
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/claims/"+strconv.FormatInt(rev.ClaimID, 10)+"#revision-"+strconv.FormatInt(rev.ID, 10))
}
