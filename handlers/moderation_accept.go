package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// moderationAccept applies a suggestion. The form carries the claim version
// the moderator reviewed; if another moderator changed the claim meanwhile
// the store refuses with a conflict (409) and nothing is changed.
func (a *app) moderationAccept(c echo.Context) error {
	d, err := decisionOf(c)
	if err != nil {
		return err
	}
	rev, err := a.store.AcceptCorrection(c.Request().Context(), d)
	if err != nil {
		return err
	}
	a.log.Info("suggestion accepted", "correction", d.CorrectionID, "claim", rev.ClaimID, "revision", rev.ID, "moderator", moderatorOf(c).Username)
	return c.Redirect(http.StatusSeeOther, "/moderation?done=accepted")
}

// decisionOf reads a decision form: the suggestion from the path, the
// reviewed claim version, the note and the new-device confirmation from the form.
func decisionOf(c echo.Context) (models.Decision, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return models.Decision{}, err
	}
	version, err := formVersion(c)
	if err != nil {
		return models.Decision{}, err
	}
	return models.Decision{CorrectionID: id, ModeratorID: moderatorOf(c).ID, ClaimVersion: version, Note: c.FormValue("note"),
		NewDevice: c.FormValue("new_device") != ""}, nil
}

// pathAndVersion reads a moderator's form about one claim or revision: the
// id from the path and the claim version the moderator saw.
func pathAndVersion(c echo.Context) (int64, int, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return 0, 0, err
	}
	version, err := formVersion(c)
	return id, version, err
}

// formVersion parses the optional "version" field; 0 means not given.
func formVersion(c echo.Context) (int, error) {
	s := c.FormValue("version")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, models.FieldErrorf("version", "must be a whole number")
	}
	return n, nil
}
