package models

import "encoding/json"

// ClaimQualifiers is the qualifier vocabulary of the claim schema as stored
// ("" is none; the leaderboard filter spells that "none").
var ClaimQualifiers = []string{"", "up_to", "at_least", "approx", "average"}

// ClaimFields is a claim as people read and correct it: the claim schema's
// fields by name, plus its status. Revisions store the before and after of
// the fields that changed in this shape, keyed by the JSON names.
type ClaimFields struct {
	Metric        string   `json:"metric"`
	Value         float64  `json:"value"`
	ValueHigh     *float64 `json:"value_high"`
	Unit          string   `json:"unit"`
	Qualifier     string   `json:"qualifier"`
	Hardware      string   `json:"hardware"`
	HardwareCount *int     `json:"hardware_count"`
	Baseline      string   `json:"baseline"`
	Subject       string   `json:"subject"`
	Condition     string   `json:"condition"`
	Evidence      string   `json:"evidence"`
	Status        string   `json:"status,omitempty"`
}

// FieldNames lists ClaimFields' JSON names in display order.
var FieldNames = []string{"metric", "value", "value_high", "unit", "qualifier", "hardware",
	"hardware_count", "baseline", "subject", "condition", "evidence", "status"}

// asMap encodes fields as name -> JSON value, the form revisions are diffed in.
func (f ClaimFields) asMap() map[string]json.RawMessage {
	b, _ := json.Marshal(f) // plain struct: cannot fail
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	return m
}

// FieldChange is one field's value before and after a revision, as display text.
type FieldChange struct {
	Field, Before, After string
}

// diffFields returns the before and after JSON of every field that differs.
func diffFields(before, after ClaimFields) (b, a map[string]json.RawMessage) {
	bm, am := before.asMap(), after.asMap()
	b, a = map[string]json.RawMessage{}, map[string]json.RawMessage{}
	for _, name := range FieldNames {
		if string(bm[name]) != string(am[name]) {
			if v, ok := bm[name]; ok {
				b[name] = v
			} else {
				b[name] = json.RawMessage("null")
			}
			if v, ok := am[name]; ok {
				a[name] = v
			} else {
				a[name] = json.RawMessage("null")
			}
		}
	}
	return b, a
}

// fieldsOf is the claim schema view of a stored claim, with its status.
func fieldsOf(d *ClaimDetail) ClaimFields {
	f := fieldsOfWithoutStatus(d)
	f.Status = d.Status
	return f
}

func fieldsOfWithoutStatus(d *ClaimDetail) ClaimFields {
	return ClaimFields{
		Metric: d.MetricSlug, Value: d.Value, ValueHigh: d.ValueHigh, Unit: d.Unit, Qualifier: d.Qualifier,
		Hardware: d.HardwareName, HardwareCount: d.HardwareCount, Baseline: d.Baseline, Subject: d.Subject,
		Condition: d.Condition, Evidence: d.Evidence,
	}
}

// ClaimFieldsOf exposes a stored claim in the schema's shape, e.g. to prefill a form.
func ClaimFieldsOf(d *ClaimDetail) ClaimFields { return fieldsOf(d) }

// jsonText shows a stored JSON value as plain text: strings unquoted, null empty.
func jsonText(v json.RawMessage) string {
	if len(v) == 0 || string(v) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}

// FieldText shows one field of ClaimFields as plain text, for side-by-side views.
func (f ClaimFields) FieldText(name string) string {
	return jsonText(f.asMap()[name])
}
