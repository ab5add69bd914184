package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// loginForm shows the moderators' login form.
func (a *app) loginForm(c echo.Context) error {
	v := views.LoginView{Layout: layout("Log in"), CSRF: csrfToken(c), Next: safeNext(c.QueryParam("next"))}
	return render(c, http.StatusOK, views.Login(v))
}

// loginSubmit checks the password and starts a database-backed session.
// Attempts are throttled per username and address, and per address
// (models.Store.Authenticate). Credentials count only from the form body: a password in
// the query string would sit in logs, history and Referer headers.
func (a *app) loginSubmit(c echo.Context) error {
	ctx := c.Request().Context()
	req := c.Request()
	username, password := req.PostFormValue("username"), req.PostFormValue("password")
	v := views.LoginView{Layout: layout("Log in"), CSRF: csrfToken(c), Next: safeNext(req.PostFormValue("next")), Username: username}
	addr, err := a.addressKey(c)
	if err != nil {
		return err
	}
	m, err := a.store.Authenticate(ctx, username, password, addr)
	var limit *models.LimitError
	if errors.As(err, &limit) {
		setRetryAfter(c, limit.Wait)
		v.Error = limit.Error() + " Please wait " + waitText(limit.Wait) + " and try again."
		return render(c, http.StatusTooManyRequests, views.Login(v))
	}
	if models.ErrorCode(err) == models.EUnauthorized {
		v.Error = models.ErrorMessage(err)
		return render(c, http.StatusUnauthorized, views.Login(v))
	}
	if err != nil {
		return err
	}
	// A new login replaces the browser's earlier session, so a session
	// token someone saw before (or planted) dies with the next login.
	if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
		if err := a.store.DeleteSession(ctx, ck.Value); err != nil {
			return err
		}
	}
	token, expires, err := a.store.CreateSession(ctx, m.ID, time.Now())
	if err != nil {
		return err
	}
	setSessionCookie(c, token, expires)
	a.log.Info("moderator logged in", "moderator", m.Username)
	return c.Redirect(http.StatusSeeOther, v.Next)
}

// waitText says a wait the way a person would: seconds under two minutes.
func waitText(d time.Duration) string {
	if d < 2*time.Minute {
		return strconv.Itoa(int((d+time.Second-1)/time.Second)) + " seconds"
	}
	return strconv.Itoa(int((d+time.Minute-1)/time.Minute)) + " minutes"
}
