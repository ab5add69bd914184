package handlers

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// flashes are the messages a moderation action may ask the queue to show;
// only these keys are accepted, so the query string cannot inject text.
var flashes = map[string]string{
	"accepted": "Accepted: the claim is updated and the change is on its history.",
	"rejected": "Rejected: the claim is unchanged.",
}

// addressKeyPattern is the shape of a stored address key (hex of a keyed
// hash): the address filter takes nothing else.
var addressKeyPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// moderationQueue lists one page of pending suggestions oldest first, each
// with the claim's current values beside the proposed ones. claim and
// address narrow it to one claim or one submitting address, so a flood from
// one address can be reviewed on its own and does not bury the others.
func (a *app) moderationQueue(c echo.Context) error {
	var f models.QueueFilter
	var err error
	if f.Page, err = queryInt(c.QueryParams(), "page", 1); err != nil {
		return err
	}
	claim, err := queryInt(c.QueryParams(), "claim", 0)
	if err != nil {
		return err
	}
	f.ClaimID = int64(claim)
	if addr, _, err := single(c.QueryParams(), "address"); err != nil {
		return err
	} else if addr != "" {
		if !addressKeyPattern.MatchString(addr) {
			return models.FieldErrorf("address", "must be an address key as the queue links it")
		}
		f.SubmitterIPHash = addr
	}
	items, total, err := a.store.PendingQueue(c.Request().Context(), f)
	if err != nil {
		return err
	}
	v := views.ModerationView{Layout: layout("Moderation"), Moderator: moderatorOf(c).Username, CSRF: csrfToken(c),
		Flash: flashes[c.QueryParam("done")], Total: views.Number(float64(total))}
	q, narrowed := url.Values{}, []string{}
	if f.ClaimID != 0 {
		narrowed = append(narrowed, "on claim "+strconv.FormatInt(f.ClaimID, 10))
		q.Set("claim", strconv.FormatInt(f.ClaimID, 10))
	}
	if f.SubmitterIPHash != "" {
		narrowed = append(narrowed, "from address "+f.SubmitterIPHash[:8]+"…")
		q.Set("address", f.SubmitterIPHash)
	}
	if len(narrowed) > 0 {
		v.Filter, v.ClearURL = strings.Join(narrowed, ", "), "/moderation"
	}
	pageURL := func(page int) string {
		q.Set("page", strconv.Itoa(page))
		return "/moderation?" + q.Encode()
	}
	if f.Page > 1 {
		v.PrevURL = pageURL(f.Page - 1)
	}
	if int64(f.Page*models.QueuePerPage) < total {
		v.NextURL = pageURL(f.Page + 1)
	}
	for i := range items {
		v.Items = append(v.Items, summaryOf(&items[i], true))
	}
	return render(c, http.StatusOK, views.Moderation(v))
}
