package handlers

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"
)

// apiHardware lists every device by name with its number of live claims.
func (a *app) apiHardware(c echo.Context) error {
	if done, err := a.notModified(c, "api"); done || err != nil {
		return err
	}
	hw, err := a.store.HardwareList(c.Request().Context())
	if err != nil {
		return err
	}
	out := make([]apiHardware, 0, len(hw))
	for _, h := range hw {
		out = append(out, apiHardware{
			Slug: h.Slug, Name: h.Name, Vendor: orNull(h.Vendor), Family: orNull(h.Family),
			Claims: h.Claims, URL: "/hardware/" + url.PathEscape(h.Slug),
		})
	}
	return c.JSON(http.StatusOK, map[string]any{"hardware": out})
}
