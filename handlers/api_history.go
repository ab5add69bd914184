package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// apiHistory is a claim's revisions, oldest first: who changed what, when,
// through which suggestion, and the before and after of every field.
type apiHistory struct {
	ClaimID   int64         `json:"claim_id"`
	Revisions []apiRevision `json:"revisions"`
}

type apiRevision struct {
	ID           int64       `json:"id"`
	CreatedAt    time.Time   `json:"created_at"`
	Moderator    *string     `json:"moderator"`
	CorrectionID *int64      `json:"correction_id"`
	RevertOf     *int64      `json:"revert_of"`
	Note         string      `json:"note"`
	Changes      []apiChange `json:"changes"`
}

type apiChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// apiClaimHistory serves /api/v1/claims/:id/history.
func (a *app) apiClaimHistory(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := a.store.GetClaim(ctx, id); err != nil {
		return err
	}
	if done, err := a.notModified(c, "api"); done || err != nil {
		return err
	}
	hist, err := a.store.ClaimHistory(ctx, id)
	if err != nil {
		return err
	}
	out := apiHistory{ClaimID: id, Revisions: make([]apiRevision, 0, len(hist))}
	for _, h := range hist {
		r := apiRevision{ID: h.ID, CreatedAt: h.CreatedAt.UTC(), CorrectionID: h.CorrectionID, RevertOf: h.RevertOf,
			Note: h.Note, Changes: make([]apiChange, 0, len(h.Changes))}
		if h.ModeratorName != "" {
			name := h.ModeratorName
			r.Moderator = &name
		}
		for _, ch := range h.Changes {
			r.Changes = append(r.Changes, apiChange{Field: ch.Field, Before: ch.Before, After: ch.After})
		}
		out.Revisions = append(out.Revisions, r)
	}
	return c.JSON(http.StatusOK, out)
}
