package handlers

import (
	"bufio"
	"context"
	"mime"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/internal/export"
	"github.com/claimboard/claimboard/models"
)

// exportTimeout bounds one streamed export; the router's 30-second request
// timeout skips the streaming routes because a million rows take longer. It
// matches the server's WriteTimeout, which ends the response anyway.
const exportTimeout = 5 * time.Minute

// exportStall is how long one chunk of a download may wait for the client to
// take it. A reader that stops reading is cut off after this, and the export
// connection and slot it held go to the next download.
const exportStall = 30 * time.Second

// exportBuffer is how much of a download is read ahead of the client. Most
// leaderboards' CSVs fit, so their rows come at database speed and the
// connection is free before the client has read a byte.
const exportBuffer = 1 << 20

// leaderboardCSV serves /leaderboards/:metric.csv: the rows of the page with
// the same query string, all of them, in the page's order. It reads the one
// filter parser, so a parameter the page refuses is refused here too.
func (a *app) leaderboardCSV(c echo.Context) error {
	f, err := parseLeaderboardFilter(c)
	if err != nil {
		return err
	}
	// page and per_page are validated like the page's but the export query
	// never pages: the download is always every matching row.
	m, err := a.store.GetMetric(c.Request().Context(), f.Metric)
	if err != nil {
		return err
	}
	return a.streamCSV(c, "csv", "claimboard-"+m.Slug, func(ctx context.Context, fn func(*models.ExportRow) error) error {
		return a.store.ExportLeaderboard(ctx, f, fn)
	})
}

// streamCSV answers a conditional GET or streams rows as an attachment named
// after name and today's date. Rows go from the database cursor through a
// buffer to the client, so memory stays flat for any number of rows.
func (a *app) streamCSV(c echo.Context, kind, name string, stream func(context.Context, func(*models.ExportRow) error) error) error {
	if done, err := a.notModified(c, kind); done || err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8; header=present")
	h.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment",
		map[string]string{"filename": name + "-" + time.Now().UTC().Format("2006-01-02") + ".csv"}))
	if c.Request().Method == http.MethodHead {
		return c.NoContent(http.StatusOK)
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), exportTimeout)
	defer cancel()
	// The status goes out with the first exportBuffer bytes, so a failure
	// before then (a query that cannot start) still gets a proper error response.
	buf := bufio.NewWriterSize(stallGuard{c.Response(), http.NewResponseController(c.Response()), exportStall}, exportBuffer)
	enc := export.NewClaimCSV(buf, a.absBase)
	err := enc.WriteHeader()
	if err == nil {
		err = stream(ctx, enc.Write)
	}
	if err == nil {
		err = enc.Flush()
	}
	if err == nil {
		err = buf.Flush()
	}
	if err == nil {
		return nil
	}
	if !c.Response().Committed {
		for _, k := range []string{echo.HeaderContentType, echo.HeaderContentDisposition, "ETag", echo.HeaderLastModified} {
			h.Del(k)
		}
		return err
	}
	// The status line is gone: abort the connection so the client sees a
	// broken transfer rather than a short file that looks complete.
	a.log.Warn("export aborted", "path", c.Request().URL.Path, "err", err)
	panic(http.ErrAbortHandler)
}
