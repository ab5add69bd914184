package handlers

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/claimboard/claimboard/models"
)

// TestOpenAPIClaimSchemaIsTheFieldTable holds the served claim schemas to
// the field table: every exported row is a required member; an added row's
// schema is the row's own (APISchema), and a core row's hand-written schema
// agrees with the row on type, nullability and vocabulary.
func TestOpenAPIClaimSchemaIsTheFieldTable(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Required   []string                  `json:"required"`
				Properties map[string]map[string]any `json:"properties"`
				Note       any                       `json:"x-field-table"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	for _, name := range claimSchemas {
		s := doc.Components.Schemas[name]
		if s.Note != nil {
			t.Errorf("%s: the file's x-field-table note is served", name)
		}
		for _, f := range models.ExportedFields() {
			got, ok := s.Properties[f.Name]
			if !ok || !slices.Contains(s.Required, f.Name) {
				t.Errorf("%s: %s is not a required property", name, f.Name)
				continue
			}
			want := roundTrip(t, f.APISchema())
			if f.Added {
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s.%s = %v, want the row's %v", name, f.Name, got, want)
				}
				continue
			}
			for _, key := range []string{"type", "nullable", "enum"} {
				if !reflect.DeepEqual(got[key], want[key]) {
					t.Errorf("%s.%s: %s is %v in openapi.json, %v in the field table", name, f.Name, key, got[key], want[key])
				}
			}
		}
	}
}

func roundTrip(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
