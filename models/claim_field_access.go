package models

// What the table's rows do with a claim: read and show a field, fill a
// form, diff and store fields as JSON for suggestions and revisions, and
// turn fields into claims columns.

import (
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Value is the field's typed value in c: a string, float64, *float64 or *int.
func (f ClaimField) Value(c *ClaimFields) any { return f.value(c) }

// Visit passes the field's value in c to the method of v for its type.
func (f ClaimField) Visit(c *ClaimFields, v FieldVisitor) { f.visit(c, v) }

// ScanDest is a pointer to the field in c, for database/sql's Scan of Select.
func (f ClaimField) ScanDest(c *ClaimFields) any { return f.ptr(c) }

// Text shows the field of c as plain text: numbers in their shortest exact
// form, absent values empty.
func (f ClaimField) Text(c *ClaimFields) string {
	if f.show != nil {
		return f.show(c)
	}
	switch v := f.value(c).(type) {
	case string:
		return v
	case *float64:
		if v == nil {
			return ""
		}
		return numberText(*v)
	case *int:
		if v == nil {
			return ""
		}
		return fmt.Sprint(*v)
	case float64:
		return numberText(v)
	}
	return fmt.Sprint(f.value(c))
}

// FormText is the field's text in a suggestion form.
func (f ClaimField) FormText(sf *SuggestionForm) string { return f.getForm(sf) }

// SetFormText sets the field's text in a suggestion form, e.g. from a request.
func (f ClaimField) SetFormText(sf *SuggestionForm, s string) { f.setForm(sf, s) }

// numberText writes a number as JSON does, the form revisions store it in,
// so the history, the form and the diff agree on "1500000000" and "1e-07".
func numberText(v float64) string {
	b, _ := json.Marshal(v) // finite by validation and schema
	return string(b)
}

// encode is the field's stored JSON, as revisions and suggestions keep it.
func (f ClaimField) encode(c *ClaimFields) json.RawMessage {
	b, _ := json.Marshal(f.value(c)) // strings and finite numbers: cannot fail
	return b
}

// FormOf is the suggestion form prefilled with c, as the claim page offers it.
func FormOf(c ClaimFields) SuggestionForm {
	var sf SuggestionForm
	for _, f := range SuggestableFields() {
		f.setForm(&sf, f.Text(&c))
	}
	return sf
}

// FieldChange is one field's value before and after a revision, as display text.
type FieldChange struct {
	Field, Before, After string
}

// diffFields returns the stored JSON before and after of every field of
// fields that differs between before and after.
func diffFields(fields []ClaimField, before, after ClaimFields) (b, a map[string]json.RawMessage) {
	b, a = map[string]json.RawMessage{}, map[string]json.RawMessage{}
	for _, f := range fields {
		bv, av := f.encode(&before), f.encode(&after)
		if string(bv) != string(av) {
			b[f.Name], a[f.Name] = bv, av
		}
	}
	return b, a
}

// encodeFields is the stored JSON of fields of c, keyed by name.
func encodeFields(fields []ClaimField, c ClaimFields) map[string]json.RawMessage {
	m := make(map[string]json.RawMessage, len(fields))
	for _, f := range fields {
		m[f.Name] = f.encode(&c)
	}
	return m
}

// decodeFields sets the revised fields that stored names over c; other
// names are ignored, as a row removed from the table would be.
func decodeFields(stored map[string]json.RawMessage, c *ClaimFields) error {
	for _, f := range RevisedFields() {
		if raw, ok := stored[f.Name]; ok {
			if err := f.decode(c, raw); err != nil {
				return fmt.Errorf("%s: %w", f.Name, err)
			}
		}
	}
	return nil
}

// decodeJSON reads a stored JSON object of fields (a suggestion's proposal
// or a revision's state) over c, returning the names it holds in table order.
func decodeJSON(s string, c *ClaimFields) ([]string, error) {
	var stored map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &stored); err != nil {
		return nil, err
	}
	if err := decodeFields(stored, c); err != nil {
		return nil, err
	}
	var names []string
	for _, f := range RevisedFields() {
		if _, ok := stored[f.Name]; ok {
			names = append(names, f.Name)
		}
	}
	return names, nil
}

// storedText shows a field's stored JSON as plain text, read through its
// row of the table; a value the row cannot read is shown as stored.
func (f ClaimField) storedText(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var c ClaimFields
	if err := f.decode(&c, raw); err != nil {
		return string(raw)
	}
	return f.Text(&c)
}

// fieldsOf is the claim schema view of a stored claim, with its status.
func fieldsOf(d *ClaimDetail) ClaimFields { return d.ClaimFields }

// ClaimFieldsOf exposes a stored claim in the schema's shape, e.g. to prefill a form.
func ClaimFieldsOf(d *ClaimDetail) ClaimFields { return fieldsOf(d) }

// claimColumns turns fields into claims columns through the table: the
// metric slug and hardware name become ids, the evidence its offsets in
// the abstract, every other revised field its own column.
func claimColumns(tx *gorm.DB, f ClaimFields, abstract string) (map[string]any, error) {
	cols := map[string]any{}
	for _, fd := range RevisedFields() {
		if fd.write != nil {
			if err := fd.write(tx, &f, abstract, cols); err != nil {
				return nil, err
			}
			continue
		}
		cols[fd.Columns[0]] = fd.columnValue(&f)
	}
	return cols, nil
}

func writeMetric(tx *gorm.DB, f *ClaimFields, _ string, cols map[string]any) error {
	var m Metric
	if err := tx.Where("slug = ?", f.MetricSlug).Take(&m).Error; err != nil {
		return FieldErrorf("metric", "unknown metric %q", f.MetricSlug)
	}
	cols["metric_id"] = m.ID
	return nil
}

func writeHardware(tx *gorm.DB, f *ClaimFields, _ string, cols map[string]any) error {
	var hw *int64
	if f.HardwareName != "" {
		id, err := hardwareByName(tx, f.HardwareName)
		if err != nil {
			return err
		}
		hw = &id
	}
	cols["hardware_id"] = hw
	return nil
}

func writeEvidence(_ *gorm.DB, f *ClaimFields, abstract string, cols map[string]any) error {
	start := strings.Index(abstract, f.Evidence)
	if start < 0 || f.Evidence == "" {
		return FieldErrorf("evidence", "is no longer in the paper's abstract")
	}
	cols["evidence"], cols["evidence_start"], cols["evidence_end"] = f.Evidence, start, start+len(f.Evidence)
	return nil
}
