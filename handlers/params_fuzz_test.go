package handlers

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// leaderboardSeeds are query strings the fuzzers start from: valid views and
// the hostile values of hostile_test.go.
var leaderboardSeeds = []string{
	"", "sort=date&order=asc", "hardware=nvidia-rtx-3090&hardware=nvidia-a100", "qualifier=up_to&status=verified",
	"q=gaussian+splatting", "min=1&max=1e3", "min=NaN", "max=Inf", "min=1e309", "min=-1e308&max=0x1p10",
	"year=2024&has_code=true", "page=999999999999999999999", "per_page=-1", "per_page=201", "page=0",
	"q=%00", "q=%ff%fe", "q=%27%20OR%201%3D1--", "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "q=%3DHYPERLINK(%22x%22)",
	"sort=value;DROP TABLE claims", "sort=sort&sort=value", "a;b=c", "%zz=1", "_=1&_csrf=x", "unknown=1",
	"hardware=" + "x%2F..%2F..", "year=-2024", "has_code=maybe", "min=5&max=1",
}

// parseEcho is shared so a fuzz iteration measures the parser, not echo.New.
var parseEcho = echo.New()

// parse runs parseLeaderboardFilter on a raw query as the router would.
func parse(metric, rawQuery string) (models.LeaderboardFilter, error) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.URL.RawQuery = rawQuery
	c := parseEcho.NewContext(req, httptest.NewRecorder())
	c.SetParamNames("metric")
	c.SetParamValues(metric)
	return parseLeaderboardFilter(c)
}

// FuzzParseLeaderboardFilter feeds any query string to the parser the page,
// CSV and API share. It must never panic; a refusal must be a user error
// (400) naming what is wrong; an accepted filter must be valid and survive
// the round trip through the links the page writes (filterQuery), so a
// shared link shows the same view.
//
//	go test ./handlers -run '^$' -fuzz FuzzParseLeaderboardFilter -fuzztime 5m
func FuzzParseLeaderboardFilter(f *testing.F) {
	for _, s := range leaderboardSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := parse("fps", raw)
		if err != nil {
			if code := models.ErrorCode(err); code != models.EInvalid {
				t.Fatalf("query %q: error code %q (%v), want %q", raw, code, err, models.EInvalid)
			}
			if models.ErrorMessage(err) == "" {
				t.Fatalf("query %q: refusal without a message", raw)
			}
			return
		}
		if err := got.Normalize(); err != nil {
			t.Fatalf("query %q: accepted filter does not validate: %v", raw, err)
		}
		again, err := parse("fps", filterQuery(got).Encode())
		if err != nil {
			t.Fatalf("query %q: its own link %q is refused: %v", raw, filterQuery(got).Encode(), err)
		}
		if !reflect.DeepEqual(got, again) {
			t.Fatalf("query %q: link round trip changed the filter\n got  %+v\n back %+v", raw, got, again)
		}
	})
}
