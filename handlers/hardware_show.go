package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// deviceRowsPerMetric is how many claims a device page shows per metric.
const deviceRowsPerMetric = 10

// hardwareShow lists every claim measured on one device, grouped by metric.
func (a *app) hardwareShow(c echo.Context) error {
	ctx := c.Request().Context()
	h, err := a.store.GetHardware(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	rows, err := a.store.ClaimsOnHardware(ctx, h.ID)
	if err != nil {
		return err
	}
	specs, err := a.store.SpecsOfHardware(ctx, h.Slug)
	if err != nil {
		return err
	}
	v := views.HardwareView{Layout: layout(h.Name), Name: h.Name, Slug: h.Slug, Vendor: h.Vendor, Family: h.Family, Specs: specViews(specs)}
	// Each metric shows its best deviceRowsPerMetric claims and links its
	// leaderboard filtered to the device for the rest: with evidence under
	// every row, a busy device listing all its claims was megabytes, too big
	// for the page cache and slow to render on every visit.
	var kept []models.ClaimRow
	var group []int // group index of each kept row
	for _, r := range rows {
		if n := len(v.Groups); n == 0 || v.Groups[n-1].MetricSlug != r.MetricSlug {
			v.Groups = append(v.Groups, views.HardwareGroup{Metric: r.MetricName, MetricSlug: r.MetricSlug})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Total++
		if g.Total <= deviceRowsPerMetric {
			kept = append(kept, r)
			group = append(group, len(v.Groups)-1)
		}
	}
	v.Capped = len(rows) >= models.ClaimsOnHardwareCap
	shown, err := a.rowViews(ctx, kept, 1)
	if err != nil {
		return err
	}
	for i := range kept {
		g := &v.Groups[group[i]]
		row := shown[i]
		row.Rank = len(g.Claims) + 1
		g.Claims = append(g.Claims, row)
	}
	return render(c, http.StatusOK, views.HardwarePage(v))
}
