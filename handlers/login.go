package handlers

import (
	"net/http"
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
// Attempts are throttled per username and per address.
func (a *app) loginSubmit(c echo.Context) error {
	ctx := c.Request().Context()
	username, password := c.FormValue("username"), c.FormValue("password")
	v := views.LoginView{Layout: layout("Log in"), CSRF: csrfToken(c), Next: safeNext(c.FormValue("next")), Username: username}
	addr, err := a.addressKey(c)
	if err != nil {
		return err
	}
	wait, err := a.store.LoginWait(ctx, username, addr, time.Now())
	if err != nil {
		return err
	}
	if wait > 0 {
		setRetryAfter(c, wait)
		v.Error = "Too many failed logins. Please wait " + wait.Round(time.Minute).String() + " and try again."
		return render(c, http.StatusTooManyRequests, views.Login(v))
	}
	m, err := a.store.Authenticate(ctx, username, password, addr)
	if models.ErrorCode(err) == models.EUnauthorized {
		v.Error = models.ErrorMessage(err)
		return render(c, http.StatusUnauthorized, views.Login(v))
	}
	if err != nil {
		return err
	}
	token, expires, err := a.store.CreateSession(ctx, m.ID, time.Now())
	if err != nil {
		return err
	}
	setSessionCookie(c, token, expires)
	a.log.Info("moderator logged in", "moderator", m.Username)
	return c.Redirect(http.StatusSeeOther, v.Next)
}
