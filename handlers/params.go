package handlers

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// pathID parses a positive integer path parameter. Anything else names no
// resource, so it is a 404 rather than a 400.
func pathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id < 1 {
		return 0, models.Errorf(models.ENotFound, "no such %s", name)
	}
	return id, nil
}

// queryInt parses an optional integer query parameter; absent or empty means def.
func queryInt(c echo.Context, name string, def int) (int, error) {
	vals := c.QueryParams()[name]
	if len(vals) == 0 || (len(vals) == 1 && vals[0] == "") {
		return def, nil
	}
	if len(vals) > 1 {
		return 0, models.FieldErrorf(name, "given more than once")
	}
	n, err := strconv.Atoi(vals[0])
	if err != nil || n < 1 {
		return 0, models.FieldErrorf(name, "must be a whole number of 1 or more")
	}
	return n, nil
}
