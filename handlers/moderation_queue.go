package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/views"
)

// flashes are the messages a moderation action may ask the queue to show;
// only these keys are accepted, so the query string cannot inject text.
var flashes = map[string]string{
	"accepted": "Accepted: the claim is updated and the change is on its history.",
	"rejected": "Rejected: the claim is unchanged.",
}

// moderationQueue lists pending suggestions oldest first, each with the
// claim's current values beside the proposed ones.
func (a *app) moderationQueue(c echo.Context) error {
	items, err := a.store.PendingCorrections(c.Request().Context())
	if err != nil {
		return err
	}
	v := views.ModerationView{Layout: layout("Moderation"), Moderator: moderatorOf(c).Username, CSRF: csrfToken(c),
		Flash: flashes[c.QueryParam("done")]}
	for i := range items {
		v.Items = append(v.Items, summaryOf(&items[i], true))
	}
	return render(c, http.StatusOK, views.Moderation(v))
}
