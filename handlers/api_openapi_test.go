package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/claimboard/claimboard/internal/testdb"
)

// servedOpenAPI loads the served document with kin-openapi, which also
// validates the document itself against the OpenAPI 3 specification, and
// returns a router that finds each request's documented operation.
func servedOpenAPI(t *testing.T, s site) (*openapi3.T, routers.Router) {
	t.Helper()
	rec := s.do(t, "/api/v1/openapi.json", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("openapi.json: %d", rec.Code)
	}
	doc, err := openapi3.NewLoader().LoadFromData(rec.Body.Bytes())
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	if doc.OpenAPI != "3.0.3" {
		t.Fatalf("openapi = %v", doc.OpenAPI)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, router
}

// checkResponse holds one response against the operation the router finds
// for GET target: its status must be documented and its body match the schema.
func checkResponse(router routers.Router, target string, status int, header http.Header, body []byte) error {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	route, params, err := router.FindRoute(req)
	if err != nil {
		return fmt.Errorf("not documented: %w", err)
	}
	return openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	})
}

func TestAPIResponsesMatchOpenAPI(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		doc, router := servedOpenAPI(t, s)
		// Every API route of the router is documented.
		for _, r := range s.e.Routes() {
			if !strings.HasPrefix(r.Path, "/api/") {
				continue
			}
			tmpl := regexp.MustCompile(`:([a-z_]+)`).ReplaceAllString(r.Path, "{$1}")
			if doc.Paths.Find(tmpl) == nil {
				t.Errorf("route %s is not in openapi.json", r.Path)
			}
		}
		// Ids of a real paper and claim.
		var lb struct {
			Claims []struct {
				ID      int64 `json:"id"`
				PaperID int64 `json:"paper_id"`
			} `json:"claims"`
		}
		if err := json.Unmarshal(s.do(t, "/api/v1/leaderboards/fps?per_page=200", nil).Body.Bytes(), &lb); err != nil || len(lb.Claims) == 0 {
			t.Fatalf("leaderboard: %v", err)
		}
		hiID, hiPaper := lb.Claims[0].ID, lb.Claims[0].PaperID
		targets := []string{
			"/api/v1/metrics", "/api/v1/hardware", "/api/v1/status",
			"/api/v1/leaderboards/fps", "/api/v1/leaderboards/fps?per_page=5&page=2&sort=paper",
			"/api/v1/leaderboards/fps?per_page=5&page=5", "/api/v1/leaderboards/latency",
			"/api/v1/leaderboards/fps?qualifier=none&hardware=nvidia-a100&has_code=false",
			fmt.Sprintf("/api/v1/papers/%d", hiPaper), fmt.Sprintf("/api/v1/claims/%d", hiID), fmt.Sprintf("/api/v1/claims/%d/history", hiID),
			fmt.Sprintf("/api/v1/claims/%d", lb.Claims[len(lb.Claims)-1].ID),
			"/api/v1/leaderboards/fps?sort=nope", "/api/v1/leaderboards/nope",
			"/api/v1/papers/999999", "/api/v1/claims/x",
		}
		for _, target := range targets {
			rec := s.do(t, target, nil)
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %s: Content-Type %q", target, ct)
			}
			if err := checkResponse(router, target, rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
				t.Errorf("GET %s (%d): %v", target, rec.Code, err)
			}
		}
	})
}

// The check itself must catch what it is there to catch.
func TestOpenAPICheckerCatchesDrift(t *testing.T) {
	s := mustExportSite(t, testdb.SQLiteURL(t))
	_, router := servedOpenAPI(t, s)
	header := http.Header{"Content-Type": {"application/json"}}
	good := `{"hardware": [{"slug": "a", "name": "A", "vendor": null, "family": null, "claims": 1, "url": "/h"}]}`
	if err := checkResponse(router, "/api/v1/hardware", 200, header, []byte(good)); err != nil {
		t.Fatalf("check refused a valid body: %v", err)
	}
	bad := []string{
		`{"hardware": [{"slug": "a", "name": "A", "vendor": null, "family": null, "claims": 1, "url": "/h", "extra": 1}]}`,
		`{"hardware": [{"slug": "a", "name": null, "vendor": null, "family": null, "claims": 1, "url": "/h"}]}`,
		`{"hardware": [{"slug": "a", "name": "A", "vendor": null, "family": null, "claims": 1.5, "url": "/h"}]}`,
		`{"hardware": [{"slug": "a", "name": "A", "vendor": null, "claims": 1, "url": "/h"}]}`,
		`{"hardware": {}}`,
	}
	for _, b := range bad {
		if checkResponse(router, "/api/v1/hardware", 200, header, []byte(b)) == nil {
			t.Errorf("check accepted %s", b)
		}
	}
	if checkResponse(router, "/api/v1/hardware", 418, header, []byte(good)) == nil {
		t.Error("check accepted an undocumented status")
	}
}
