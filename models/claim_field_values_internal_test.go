package models

import "testing"

// TestAddedFieldsScanBothDialectsJSON reads the added fields' object as
// SQLite (json_object) and PostgreSQL (json_build_object, with spaces)
// write it, escapes included, and refuses what is not a flat object.
func TestAddedFieldsScanBothDialectsJSON(t *testing.T) {
	for _, in := range []string{
		`{"precision":"bf16","batch_size":32,"resolution":"1920x1080","seq_len":null,"model_size":0.35,"dataset":"Wiki \"103\" \\ é"}`,
		`{"precision" : "bf16", "batch_size" : 32, "resolution" : "1920x1080", "seq_len" : null, "model_size" : 0.35, "dataset" : "Wiki \"103\" \\ \u00e9"}`,
	} {
		var v FieldValues
		if err := v.Scan(in); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		c := ClaimFields{Added: v}
		got := map[string]string{}
		for _, f := range addedRows {
			got[f.Name] = f.Text(&c)
		}
		want := map[string]string{"precision": "bf16", "batch_size": "32", "resolution": "1920x1080", "seq_len": "",
			"model_size": "350M", "dataset": `Wiki "103" \ é`}
		for name, w := range want {
			if _, ok := got[name]; ok && got[name] != w {
				t.Errorf("%s: %s = %q, want %q", in, name, got[name], w)
			}
		}
	}
	for _, in := range []string{`{"precision":"bf16"`, `["bf16"]`, `{"precision" "bf16"}`, `{"model_size":"x"}`, `{"model_size":1e999}`, ``} {
		var v FieldValues
		if err := v.Scan(in); err == nil {
			t.Errorf("%q scanned", in)
		}
	}
}
