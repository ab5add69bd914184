package handlers

import (
	"net/url"
	"strconv"
	"strings"

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
func queryInt(q url.Values, name string, def int) (int, error) {
	v, ok, err := single(q, name)
	if err != nil || !ok {
		return def, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, models.FieldErrorf(name, "must be a whole number of 1 or more")
	}
	return n, nil
}

// single returns a parameter that may appear at most once; ok is false when
// it is absent or empty.
func single(q url.Values, name string) (string, bool, error) {
	vals := q[name]
	if len(vals) > 1 {
		return "", false, models.FieldErrorf(name, "given more than once")
	}
	if len(vals) == 0 || vals[0] == "" {
		return "", false, nil
	}
	return vals[0], true, nil
}

// leaderboardParams are the query parameters a leaderboard understands. Any
// other parameter (utm_source, fbclid, gclid, ref, ...) is ignored: links
// shared through other sites carry such tags, and a shared link must open.
// The page's own links are built from the parsed filter, so they never
// repeat an ignored parameter.
var leaderboardParams = map[string]bool{
	"sort": true, "order": true, "hardware": true, "qualifier": true, "q": true, "min": true,
	"max": true, "min_confidence": true, "year": true, "status": true, "has_code": true,
	"page": true, "per_page": true, "task": true, "flag": true,
}

// parseLeaderboardFilter reads the one filter that the leaderboard page, its
// CSV export and the API share, and validates it.
func parseLeaderboardFilter(c echo.Context) (models.LeaderboardFilter, error) {
	// Go drops pairs it cannot parse (a stray ';' or bad escape); refuse them
	// instead of serving a view the user did not ask for.
	if _, err := url.ParseQuery(c.Request().URL.RawQuery); err != nil {
		return models.LeaderboardFilter{Metric: c.Param("metric")}, models.FieldErrorf("query", "is malformed: %v", err)
	}
	return filterFromValues(c.Param("metric"), c.QueryParams(), moderatorOf(c) != nil)
}

// filterFromValues parses and validates a leaderboard filter from query
// values; moderator allows asking for retracted claims.
func filterFromValues(metric string, q url.Values, moderator bool) (models.LeaderboardFilter, error) {
	f := models.LeaderboardFilter{Metric: metric, Moderator: moderator}
	var err error
	if f.Page, err = queryInt(q, "page", 1); err != nil {
		return f, err
	}
	if f.PerPage, err = queryInt(q, "per_page", models.DefaultPerPage); err != nil {
		return f, err
	}
	if f.Sort, _, err = single(q, "sort"); err != nil {
		return f, err
	}
	if f.Order, _, err = single(q, "order"); err != nil {
		return f, err
	}
	if f.Query, _, err = single(q, "q"); err != nil {
		return f, err
	}
	if f.Task, _, err = single(q, "task"); err != nil {
		return f, err
	}
	for _, k := range models.Keys {
		if v, ok, err := single(q, k.Param); err != nil {
			return f, err
		} else if ok {
			if err := f.Keys.SetKey(k.Param, v); err != nil {
				return f, err
			}
		}
	}
	if f.After, _, err = single(q, "after"); err != nil {
		return f, err
	}
	if f.Flag, _, err = single(q, "flag"); err != nil {
		return f, err
	}
	f.Hardware = nonEmpty(q["hardware"])
	f.Qualifier = nonEmpty(q["qualifier"])
	f.Status = nonEmpty(q["status"])
	for _, b := range []struct {
		name string
		dst  **float64
	}{{"min", &f.Min}, {"max", &f.Max}, {"min_confidence", &f.MinConf}} {
		v, ok, err := single(q, b.name)
		if err != nil {
			return f, err
		}
		if ok {
			x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return f, models.FieldErrorf(b.name, "must be a finite number")
			}
			*b.dst = &x
		}
	}
	if v, ok, err := single(q, "year"); err != nil {
		return f, err
	} else if ok {
		if f.Year, err = strconv.Atoi(v); err != nil {
			return f, models.FieldErrorf("year", "must be a year between 1900 and 2200")
		}
	}
	if v, ok, err := single(q, "has_code"); err != nil {
		return f, err
	} else if ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return f, models.FieldErrorf("has_code", "must be true or false")
		}
		f.HasCode = &b
	}
	return f, f.Normalize()
}

// filterQuery encodes a filter back into the query string it came from,
// leaving out defaults so shared links stay short.
func filterQuery(f models.LeaderboardFilter) url.Values {
	q := url.Values{}
	if f.Sort != "" && f.Sort != "value" {
		q.Set("sort", f.Sort)
	}
	if f.Order != "" {
		q.Set("order", f.Order)
	}
	for _, h := range f.Hardware {
		q.Add("hardware", h)
	}
	for _, v := range f.Qualifier {
		q.Add("qualifier", v)
	}
	for _, v := range f.Status {
		q.Add("status", v)
	}
	if f.Query != "" {
		q.Set("q", f.Query)
	}
	if f.Min != nil {
		q.Set("min", strconv.FormatFloat(*f.Min, 'f', -1, 64))
	}
	if f.Max != nil {
		q.Set("max", strconv.FormatFloat(*f.Max, 'f', -1, 64))
	}
	if f.MinConf != nil {
		q.Set("min_confidence", strconv.FormatFloat(*f.MinConf, 'f', -1, 64))
	}
	if f.Year != 0 {
		q.Set("year", strconv.Itoa(f.Year))
	}
	if f.HasCode != nil {
		q.Set("has_code", strconv.FormatBool(*f.HasCode))
	}
	if f.Task != "" {
		q.Set("task", f.Task)
	}
	for _, k := range models.Keys {
		if v := f.Keys.Get(k.Param); v != "" {
			q.Set(k.Param, v)
		}
	}
	if f.Flag != "" {
		q.Set("flag", f.Flag)
	}
	if f.Page > 1 {
		q.Set("page", strconv.Itoa(f.Page))
	}
	if f.After != "" {
		q.Set("after", f.After)
	}
	if f.PerPage != 0 && f.PerPage != models.DefaultPerPage {
		q.Set("per_page", strconv.Itoa(f.PerPage))
	}
	return q
}

func withQuery(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

func nonEmpty(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func clipParam(s string) string {
	s = strings.ToValidUTF8(s, "?")
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// pathClaim loads the claim the path's :id names, or ENotFound.
func (a *app) pathClaim(c echo.Context) (*models.ClaimDetail, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return nil, err
	}
	return a.store.GetClaim(c.Request().Context(), id)
}

// pathPaper loads the paper the path's :id names, or ENotFound.
func (a *app) pathPaper(c echo.Context) (*models.Paper, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return nil, err
	}
	return a.store.GetPaper(c.Request().Context(), id)
}
