package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// logout ends the session in the database, not just in this browser.
func (a *app) logout(c echo.Context) error {
	if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
		if err := a.store.DeleteSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	clearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/")
}
