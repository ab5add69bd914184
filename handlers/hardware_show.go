package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/views"
)

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
	v := views.HardwareView{Layout: layout(h.Name), Name: h.Name, Vendor: h.Vendor, Family: h.Family, Specs: specViews(specs)}
	shown, err := a.rowViews(ctx, rows, 1)
	if err != nil {
		return err
	}
	for i, r := range rows {
		if n := len(v.Groups); n == 0 || v.Groups[n-1].MetricSlug != r.MetricSlug {
			v.Groups = append(v.Groups, views.HardwareGroup{Metric: r.MetricName, MetricSlug: r.MetricSlug})
		}
		g := &v.Groups[len(v.Groups)-1]
		row := shown[i]
		row.Rank = len(g.Claims) + 1
		g.Claims = append(g.Claims, row)
	}
	return render(c, http.StatusOK, views.HardwarePage(v))
}
