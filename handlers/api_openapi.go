package handlers

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPI is the API's contract; a test checks real responses against it.
//
//go:embed openapi.json
var openAPI []byte

// apiOpenAPI serves the OpenAPI 3 document of /api/v1.
func (a *app) apiOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSONCharsetUTF8, openAPI)
}
