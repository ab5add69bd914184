package handlers

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/internal/safecsv"
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

// CSVHeader names the export's columns, in order; the README documents them.
// Renaming or reordering one breaks users' spreadsheets and scripts.
var CSVHeader = []string{
	"paper_title", "arxiv_id", "paper_url", "metric", "value", "value_high", "unit", "qualifier",
	"hardware", "hardware_count", "baseline", "subject", "condition", "evidence", "status",
	"confidence", "claim_url", "value_as_written", "code_url", "published", "arxiv_version",
}

// ClaimCSV writes claims as RFC 4180 CSV in UTF-8 under CSVHeader. Every text
// cell is neutralised against spreadsheet formula injection; numeric cells are
// written plainly and never altered, so a negative value stays a number.
type ClaimCSV struct {
	w    *csv.Writer
	base string
	rec  []string
}

// NewClaimCSV returns an encoder writing to w; claim URLs start with baseURL
// (scheme and host, no trailing slash).
func NewClaimCSV(w io.Writer, baseURL string) *ClaimCSV {
	return &ClaimCSV{w: csv.NewWriter(w), base: baseURL, rec: make([]string, len(CSVHeader))}
}

// WriteHeader writes the header row.
func (e *ClaimCSV) WriteHeader() error {
	if err := e.w.Write(CSVHeader); err != nil {
		return fmt.Errorf("csv: header: %w", err)
	}
	return nil
}

// Write writes one claim.
func (e *ClaimCSV) Write(r *models.ExportRow) error {
	rec := e.rec
	rec[0] = safecsv.Text(r.PaperTitle)
	rec[1] = safecsv.Text(r.ArxivID)
	rec[2] = safecsv.Text(paperURL(r.SourceURL, r.ArxivID))
	rec[3] = safecsv.Text(r.MetricSlug)
	rec[4] = safecsv.Number(r.Value)
	rec[5] = safecsv.OptNumber(r.ValueHigh)
	rec[6] = safecsv.Text(r.Unit)
	rec[7] = safecsv.Text(r.Qualifier)
	rec[8] = safecsv.Text(r.HardwareName)
	rec[9] = safecsv.OptInt(r.HardwareCount)
	rec[10] = safecsv.Text(r.Baseline)
	rec[11] = safecsv.Text(r.Subject)
	rec[12] = safecsv.Text(r.Condition)
	rec[13] = safecsv.Text(r.Evidence)
	rec[14] = safecsv.Text(r.Status)
	rec[15] = safecsv.Number(r.Confidence)
	rec[16] = safecsv.Text(e.base + "/claims/" + strconv.FormatInt(r.ID, 10))
	rec[17] = safecsv.Text(r.RawText)
	rec[18] = safecsv.Text(models.LinkURL(r.CodeURL)) // only http(s) links leave the site
	rec[19] = safecsv.Text(r.Published)
	rec[20] = ""
	if r.ArxivVersion > 0 {
		rec[20] = strconv.Itoa(r.ArxivVersion)
	}
	if err := e.w.Write(rec); err != nil {
		return fmt.Errorf("csv: claim %d: %w", r.ID, err)
	}
	return nil
}

// Flush writes out buffered rows and reports any earlier write error.
func (e *ClaimCSV) Flush() error {
	e.w.Flush()
	if err := e.w.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// paperURL is where the paper itself lives: its source page as ingested (if
// it is an http(s) link), else its arXiv abstract page, else nothing.
func paperURL(source, arxivID string) string {
	switch {
	case source != "" && models.LinkURL(source) != "":
		return source
	case arxivID != "":
		return "https://arxiv.org/abs/" + arxivID
	}
	return ""
}

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
func (a *app) streamCSV(c echo.Context, kind, name string, export func(context.Context, func(*models.ExportRow) error) error) error {
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
	enc := NewClaimCSV(buf, a.absBase)
	err := enc.WriteHeader()
	if err == nil {
		err = export(ctx, enc.Write)
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
