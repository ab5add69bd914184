package handlers

import (
	"math"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// limitSubmissions refuses suggestions from an address that has sent
// models.SubmissionsPerIP within models.SubmissionWindow. It counts stored
// suggestions, so the limit holds across server processes; forms sent back
// with errors store nothing and do not count. This is the cheap early answer;
// the count that decides is SubmitCorrection's, in the transaction that
// stores the suggestion, so parallel posts cannot all pass it.
func (a *app) limitSubmissions(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		addr, err := a.addressKey(c)
		if err != nil {
			return err
		}
		wait, err := a.store.SubmissionWait(c.Request().Context(), addr, time.Now())
		if err != nil {
			return err
		}
		if wait > 0 {
			return tooMany(c, wait, "You have sent many suggestions in the last hour; please try again later.")
		}
		return next(c)
	}
}

// tooMany is a 429 with Retry-After.
func tooMany(c echo.Context, wait time.Duration, msg string) error {
	setRetryAfter(c, wait)
	return models.Errorf(models.ETooMany, "%s", msg)
}

// setRetryAfter tells the client how long to wait, in whole seconds rounded up.
func setRetryAfter(c echo.Context, wait time.Duration) {
	c.Response().Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
}
