package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/views"
)

// claimShow renders one claim with its evidence in its sentence.
func (a *app) claimShow(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	d, err := a.store.GetClaim(c.Request().Context(), id)
	if err != nil {
		return err
	}
	v := views.ClaimView{
		Layout: layout("Claim " + strconv.FormatInt(d.ID, 10)), ID: d.ID,
		Metric: d.MetricName, MetricSlug: d.MetricSlug, Value: views.Value(d.Value, d.ValueHigh, d.Unit),
		RawText: d.RawText, Qualifier: views.Qualifier(d.Qualifier), Hardware: d.HardwareName,
		HardwareSlug: d.HardwareSlug, Baseline: d.Baseline, Subject: d.Subject, Condition: d.Condition,
		Status: d.Status, Confidence: strconv.FormatFloat(d.Confidence, 'f', 2, 64),
		ExtractorVersion: d.ExtractorVersion, PaperID: d.PaperID, PaperTitle: d.PaperTitle,
		Evidence: d.Evidence,
	}
	if d.HardwareCount != nil {
		v.HardwareCount = *d.HardwareCount
	}
	v.Before, v.After = sentenceAround(d.PaperAbstract, d.EvidenceStart, d.EvidenceEnd)
	return render(c, http.StatusOK, views.Claim(v))
}

// sentenceAround returns the text of the evidence's sentence before and after
// the evidence span. Offsets that do not fit the abstract give no context
// rather than a panic.
func sentenceAround(abstract string, start, end int) (before, after string) {
	if start < 0 || end > len(abstract) || start > end {
		return "", ""
	}
	from := 0
	if i := strings.LastIndex(abstract[:start], ". "); i >= 0 {
		from = i + 2
	}
	to := len(abstract)
	if i := strings.Index(abstract[end:], ". "); i >= 0 {
		to = end + i + 1
	}
	return abstract[from:start], abstract[end:to]
}
