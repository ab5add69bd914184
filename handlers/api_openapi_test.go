package handlers_test

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
)

// openAPIDoc is the served OpenAPI document with just enough of a JSON Schema
// checker (the subset the document uses) to hold real responses against it.
type openAPIDoc struct{ root map[string]any }

func (d openAPIDoc) resolve(v map[string]any) map[string]any {
	for {
		ref, ok := v["$ref"].(string)
		if !ok {
			return v
		}
		node := any(d.root)
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			node = node.(map[string]any)[part]
		}
		v = node.(map[string]any)
	}
}

// responseSchema finds the schema of one documented response.
func (d openAPIDoc) responseSchema(path string, status int) (map[string]any, error) {
	op, ok := d.root["paths"].(map[string]any)[path].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("path %s not documented", path)
	}
	resp, ok := op["get"].(map[string]any)["responses"].(map[string]any)[strconv.Itoa(status)].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("GET %s: status %d not documented", path, status)
	}
	resp = d.resolve(resp)
	schema, ok := resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("GET %s %d: no JSON schema", path, status)
	}
	return schema, nil
}

// check returns every way v breaks schema, each with its JSON path.
func (d openAPIDoc) check(at string, schema map[string]any, v any) []string {
	schema = d.resolve(schema)
	if v == nil {
		if schema["nullable"] == true {
			return nil
		}
		return []string{at + ": null but not nullable"}
	}
	if all, ok := schema["allOf"].([]any); ok {
		var errs []string
		for _, s := range all {
			errs = append(errs, d.check(at, s.(map[string]any), v)...)
		}
		return errs
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		return []string{fmt.Sprintf("%s: %v not in %v", at, v, enum)}
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	switch schema["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			bad("%T, want object", v)
			break
		}
		props, _ := schema["properties"].(map[string]any)
		for _, r := range asList(schema["required"]) {
			if _, ok := obj[r]; !ok {
				bad("missing required %q", r)
			}
		}
		for k, val := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if schema["additionalProperties"] == false {
					bad("undocumented field %q", k)
				}
				continue
			}
			errs = append(errs, d.check(at+"."+k, ps, val)...)
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			bad("%T, want array", v)
			break
		}
		for i, item := range arr {
			errs = append(errs, d.check(fmt.Sprintf("%s[%d]", at, i), schema["items"].(map[string]any), item)...)
		}
	case "string":
		s, ok := v.(string)
		if !ok {
			bad("%T, want string", v)
			break
		}
		switch schema["format"] {
		case "date":
			if _, err := time.Parse("2006-01-02", s); err != nil {
				bad("%q is not a date", s)
			}
		case "date-time":
			if _, err := time.Parse(time.RFC3339, s); err != nil {
				bad("%q is not a date-time", s)
			}
		}
	case "integer", "number":
		n, ok := v.(float64)
		if !ok {
			bad("%T, want %s", v, schema["type"])
			break
		}
		if schema["type"] == "integer" && n != math.Trunc(n) {
			bad("%v is not an integer", n)
		}
		if lo, ok := schema["minimum"].(float64); ok && n < lo {
			bad("%v < minimum %v", n, lo)
		}
		if hi, ok := schema["maximum"].(float64); ok && n > hi {
			bad("%v > maximum %v", n, hi)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("%T, want boolean", v)
		}
	}
	return errs
}

func asList(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// templatePath maps a request path to the documented path template it matches.
func templatePath(doc openAPIDoc, path string) string {
	for tmpl := range doc.root["paths"].(map[string]any) {
		re := "^" + regexp.MustCompile(`\\\{[a-z_]+\\\}`).ReplaceAllString(regexp.QuoteMeta(tmpl), `[^/]+`) + "$"
		if regexp.MustCompile(re).MatchString(path) {
			return tmpl
		}
	}
	return ""
}

func TestAPIResponsesMatchOpenAPI(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s := mustExportSite(t, dsn)
		rec := s.do(t, "/api/v1/openapi.json", nil)
		var doc openAPIDoc
		if err := json.Unmarshal(rec.Body.Bytes(), &doc.root); err != nil || rec.Code != 200 {
			t.Fatalf("openapi.json: %d %v", rec.Code, err)
		}
		if doc.root["openapi"] != "3.0.3" {
			t.Fatalf("openapi = %v", doc.root["openapi"])
		}
		// Every API route of the router is documented.
		for _, r := range s.e.Routes() {
			if !strings.HasPrefix(r.Path, "/api/") {
				continue
			}
			tmpl := regexp.MustCompile(`:([a-z_]+)`).ReplaceAllString(r.Path, "{$1}")
			if _, ok := doc.root["paths"].(map[string]any)[tmpl]; !ok {
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
			path, _, _ := strings.Cut(target, "?")
			tmpl := templatePath(doc, path)
			schema, err := doc.responseSchema(tmpl, rec.Code)
			if err != nil {
				t.Errorf("GET %s: %v", target, err)
				continue
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %s: Content-Type %q", target, ct)
			}
			var body any
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Errorf("GET %s: %v", target, err)
				continue
			}
			for _, e := range doc.check("$", schema, body) {
				t.Errorf("GET %s (%d): %s", target, rec.Code, e)
			}
		}
	})
}

// The checker itself must catch what it is there to catch.
func TestOpenAPICheckerCatchesDrift(t *testing.T) {
	s := mustExportSite(t, testdb.SQLiteURL(t))
	var doc openAPIDoc
	if err := json.Unmarshal(s.do(t, "/api/v1/openapi.json", nil).Body.Bytes(), &doc.root); err != nil {
		t.Fatal(err)
	}
	schema, err := doc.responseSchema("/api/v1/hardware", 200)
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{
		`{"hardware": [{"slug": "a", "name": "A", "vendor": null, "family": null, "claims": 1, "url": "/h", "extra": 1}]}`,
		`{"hardware": [{"slug": "a", "name": null, "vendor": null, "family": null, "claims": 1, "url": "/h"}]}`,
		`{"hardware": [{"slug": "a", "name": "A", "vendor": null, "family": null, "claims": 1.5, "url": "/h"}]}`,
		`{"hardware": [{"slug": "a", "name": "A", "vendor": null, "claims": 1, "url": "/h"}]}`,
		`{"hardware": {}}`,
	}
	for _, b := range bad {
		var v any
		_ = json.Unmarshal([]byte(b), &v)
		if len(doc.check("$", schema, v)) == 0 {
			t.Errorf("checker accepted %s", b)
		}
	}
}
