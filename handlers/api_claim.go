package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiClaim serves one claim with its provenance (extractor version, edit
// version and times).
func (a *app) apiClaim(c echo.Context) error {
	d, err := a.pathClaim(c)
	if err != nil {
		return err
	}
	if done, err := a.notModified(c, "api"); done || err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiClaimDetail{
		apiClaim: claimJSON(d.ClaimRow), ExtractorVersion: d.ExtractorVersion, Version: d.Version,
		CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC(),
	})
}
