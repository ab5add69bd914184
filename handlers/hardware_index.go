package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/views"
)

// hardwareIndex lists every device with live claims, by name.
func (a *app) hardwareIndex(c echo.Context) error {
	if done, err := a.notModified(c, "page"); done || err != nil {
		return err
	}
	hw, err := a.store.HardwareList(c.Request().Context())
	if err != nil {
		return err
	}
	v := views.HardwareIndexView{Layout: layout("Hardware")}
	for _, h := range hw {
		if h.Claims == 0 {
			v.Unused++
			continue
		}
		v.Devices = append(v.Devices, views.HardwareEntry{Slug: h.Slug, Name: h.Name, Vendor: h.Vendor, Family: h.Family, Claims: h.Claims})
	}
	return render(c, http.StatusOK, views.HardwareIndex(v))
}
