package handlers

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// openAPIFile is the API's contract as written by hand. The members of the
// claim that the field table adds (its added rows) are not in it: the
// served document gets them from the table (withAddedFields), so a new
// field reaches the API's contract with its row. A test checks real
// responses against the served document, and the table's other rows
// against the file.
//
//go:embed openapi.json
var openAPIFile []byte

// openAPI is the served document.
var openAPI = mustAddFields(openAPIFile)

// claimSchemas are the schemas of openapi.json that hold a claim's fields.
var claimSchemas = []string{"Claim", "ClaimDetail"}

func mustAddFields(file []byte) []byte {
	b, err := withAddedFields(file)
	if err != nil {
		panic(fmt.Sprintf("handlers: openapi.json: %v", err))
	}
	return b
}

// withAddedFields adds each added row of the field table to the claim
// schemas of doc: its property (ClaimField.APISchema) and, like every claim
// member, its name among the required ones (absent values are null).
func withAddedFields(doc []byte) ([]byte, error) {
	var d map[string]any
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, err
	}
	schemas, _ := d["components"].(map[string]any)["schemas"].(map[string]any)
	for _, name := range claimSchemas {
		s, ok := schemas[name].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("no schema %s", name)
		}
		props := s["properties"].(map[string]any)
		req, _ := s["required"].([]any)
		for _, f := range models.ExportedFields() {
			if !f.Added {
				continue
			}
			if _, dup := props[f.Name]; dup {
				return nil, fmt.Errorf("%s.%s is written by hand and added by the field table", name, f.Name)
			}
			props[f.Name] = f.APISchema()
			req = append(req, f.Name)
		}
		slices.SortFunc(req, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
		s["required"] = req
		delete(s, "x-field-table") // the file's note that this is done
	}
	return json.MarshalIndent(d, "", "  ")
}

// apiOpenAPI serves the OpenAPI 3 document of /api/v1.
func (a *app) apiOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSONCharsetUTF8, openAPI)
}
