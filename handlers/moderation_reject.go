package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// moderationReject decides a suggestion against; the claim is not touched.
func (a *app) moderationReject(c echo.Context) error {
	d, err := decisionOf(c)
	if err != nil {
		return err
	}
	if err := a.store.RejectCorrection(c.Request().Context(), d); err != nil {
		return err
	}
	a.log.Info("suggestion rejected", "correction", d.CorrectionID, "moderator", moderatorOf(c).Username)
	return c.Redirect(http.StatusSeeOther, "/moderation?done=rejected")
}
