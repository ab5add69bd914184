package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// moderationVerify marks a claim verified without a suggestion, as a revision.
func (a *app) moderationVerify(c echo.Context) error {
	id, version, err := pathAndVersion(c)
	if err != nil {
		return err
	}
	if _, err := a.store.VerifyClaim(c.Request().Context(), id, moderatorOf(c).ID, version, c.FormValue("note")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/claims/"+strconv.FormatInt(id, 10))
}
