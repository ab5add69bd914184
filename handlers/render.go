package handlers

import (
	"bytes"
	"context"
	"fmt"
	"net/http"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/static"
	"github.com/claimboard/claimboard/views"
)

// render writes a templ component as a complete HTML response. It renders into
// a buffer first so a failing template becomes a proper error page instead of
// half a page with a 200 status.
func render(c echo.Context, status int, comp templ.Component) error {
	var buf bytes.Buffer
	// Rendering is CPU-only; a request context already cancelled by the
	// timeout middleware must still get its (error) page.
	if err := comp.Render(context.WithoutCancel(c.Request().Context()), &buf); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return c.Blob(status, echo.MIMETextHTMLCharsetUTF8, buf.Bytes())
}

func layout(title string) views.Layout {
	return views.Layout{Title: title, CSSURL: "/static/style.css?v=" + static.Version}
}

// StatusText is http.StatusText with a fallback, for error page titles.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return t
	}
	return "Error"
}
