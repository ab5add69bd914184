package models

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"maps"
	"strconv"
	"strings"
)

// Added fields are the rows of ClaimFieldTable that have no typed member of
// ClaimFields or SuggestionForm: their values live in a set keyed by the
// row's name (FieldValues), so a field that nothing but the table reads is
// added by its row and its migration alone. The core fields, which code
// outside the table reads by name (the value, the metric, the device, the
// evidence, ...), keep typed members.

// FieldValues holds a claim's added fields by name: a string (text and enum
// rows), a *float64 (number rows) or an *int (count rows). An absent name
// is the row's empty value. Copies share nothing that a set changes: set
// copies the set first, so a ClaimFields copied from another never changes it.
type FieldValues struct{ m map[string]any }

func (v FieldValues) get(name string) (any, bool) {
	x, ok := v.m[name]
	return x, ok
}

func (v *FieldValues) set(name string, x any) {
	m := make(map[string]any, len(v.m)+1)
	maps.Copy(m, v.m)
	m[name] = x
	v.m = m
}

// Scan reads the added fields from the one JSON object claimRowColumns
// selects for them (addedFieldsColumn), through each row's decoding.
func (v *FieldValues) Scan(src any) error {
	var b []byte
	switch s := src.(type) {
	case nil:
		v.m = nil
		return nil
	case string:
		b = []byte(s)
	case []byte:
		b = s
	default:
		return fmt.Errorf("added fields: cannot scan %T", src)
	}
	var stored map[string]json.RawMessage
	if err := json.Unmarshal(b, &stored); err != nil {
		return fmt.Errorf("added fields: %w", err)
	}
	var c ClaimFields
	for _, f := range addedRows {
		if raw, ok := stored[f.Name]; ok {
			if err := f.decode(&c, raw); err != nil {
				return fmt.Errorf("added field %s: %w", f.Name, err)
			}
		}
	}
	v.m = c.Added.m
	return nil
}

// Value writes the set as the JSON object Scan reads. GORM requires it of a
// field that scans; claimColumns writes each added field to its own column.
func (v FieldValues) Value() (driver.Value, error) {
	b, err := json.Marshal(v.m)
	return string(b), err
}

// addedFieldsColumn is the alias of the JSON object of added fields.
const addedFieldsColumn = "added_fields"

// addedFieldsSelect reads every added field in one JSON object, so GORM's
// scan by column name fills FieldValues however many rows the table has.
func addedFieldsSelect(dialect string) string {
	fn := "json_object" // SQLite's JSON1
	if dialect == "postgres" {
		fn = "json_build_object"
	}
	args := make([]string, 0, 2*len(addedRows))
	for _, f := range addedRows {
		args = append(args, "'"+f.Name+"'", "c."+f.Columns[0])
	}
	return fn + "(" + strings.Join(args, ", ") + ") AS " + addedFieldsColumn
}

// addedRows are the table's added rows, in table order.
var addedRows = fieldsWhere(func(f ClaimField) bool { return f.Added })

// added binds a row to its value in FieldValues; zero is its empty value.
// Added rows are suggestable, revised, exported at the end (after the
// provenance columns, so no published column moves) and shown on the
// claim's page; their API schema comes from the row (APISchema).
func added[T any](f ClaimField, zero T) ClaimField {
	name := f.Name
	get := func(c *ClaimFields) T {
		if x, ok := c.Added.get(name); ok {
			return x.(T)
		}
		return zero
	}
	set := func(c *ClaimFields, v T) { c.Added.set(name, v) }
	f.Added, f.Suggestable, f.Revised, f.Exported, f.OnPage = true, true, true, true, true
	f.Export = ExportAtEnd
	f.Columns, f.Select = []string{name}, "c."+name
	f.value = func(c *ClaimFields) any { return get(c) }
	f.visit = visitorOf(func(c *ClaimFields) *T { v := get(c); return &v })
	f.ptr = func(c *ClaimFields) any { return &addedScan[T]{c: c, name: name} }
	f.decode = func(c *ClaimFields, raw json.RawMessage) error {
		var v T
		if string(raw) != "null" {
			if err := json.Unmarshal(raw, &v); err != nil {
				return err
			}
		}
		set(c, v)
		return nil
	}
	f.getForm = func(sf *SuggestionForm) string { return sf.added[name] }
	f.setForm = func(sf *SuggestionForm, s string) {
		m := make(map[string]string, len(sf.added)+1)
		maps.Copy(m, sf.added)
		m[name] = s
		sf.added = m
	}
	f.setValue = func(c *ClaimFields, v any) { set(c, v.(T)) }
	return f
}

// addedScan scans one added field's column into c, in place: the export
// reads a million rows into one ExportRow, so it must not copy the set.
type addedScan[T any] struct {
	c    *ClaimFields
	name string
}

func (s *addedScan[T]) Scan(src any) error {
	var v any
	switch any(*new(T)).(type) {
	case string:
		var n sql.Null[string]
		if err := n.Scan(src); err != nil {
			return err
		}
		v = n.V
	case *float64:
		var n sql.Null[float64]
		if err := n.Scan(src); err != nil {
			return err
		}
		var p *float64
		if n.Valid {
			p = &n.V
		}
		v = p
	case *int:
		var n sql.Null[int64]
		if err := n.Scan(src); err != nil {
			return err
		}
		var p *int
		if n.Valid {
			i := int(n.V)
			p = &i
		}
		v = p
	}
	if s.c.Added.m == nil {
		s.c.Added.m = map[string]any{}
	}
	s.c.Added.m[s.name] = v
	return nil
}

// addedText is free text of at most maxLen characters; normalize, when not
// nil, turns accepted text into its stored spelling or says what is wrong.
// Empty text is stored as NULL.
func addedText(name, label, hint string, maxLen int, normalize func(string) (string, string)) ClaimField {
	f := added(ClaimField{Name: name, Label: label, Hint: hint, Kind: TextField, MaxLen: maxLen}, "")
	f.parse = func(s string, c *ClaimFields) string {
		v, msg := cleanText(s, maxLen)
		if msg == "" && v != "" && normalize != nil {
			v, msg = normalize(v)
		}
		f.setValue(c, v)
		return msg
	}
	f.column = func(c *ClaimFields) any {
		if s := f.value(c).(string); s != "" {
			return s
		}
		return nil
	}
	return f
}

// addedEnum is one of options ("" is none, labelled blank, and stored as "").
func addedEnum(name, label string, options []string, blank string) ClaimField {
	f := added(ClaimField{Name: name, Label: label, Kind: EnumField, Options: options, Blank: blank}, "")
	f.parse = parseEnum(label, options, f.setValue)
	return f
}

// addedCount is an optional whole number from min to max.
func addedCount(name, label, hint string, min, max int) ClaimField {
	f := added(ClaimField{Name: name, Label: label, Hint: hint, Kind: NumberField}, (*int)(nil))
	f.parse = parseCount(min, max, func(c *ClaimFields, n *int) { f.setValue(c, n) })
	f.minimum = float64(min)
	return f
}

// addedNumber is an optional finite number. parse, when not nil, reads form
// text into it (with a message when invalid) and show writes it back the
// same way, for numbers people write with a suffix ("7B", "350M").
func addedNumber(name, label, hint string, parse func(string) (float64, string), show func(float64) string) ClaimField {
	f := added(ClaimField{Name: name, Label: label, Hint: hint, Kind: NumberField}, (*float64)(nil))
	if parse == nil {
		parse = func(s string) (float64, string) { return parseNumber(s, true) }
	}
	f.parse = func(s string, c *ClaimFields) string {
		f.setValue(c, (*float64)(nil))
		if strings.TrimSpace(s) == "" {
			return ""
		}
		v, msg := parse(strings.TrimSpace(s))
		f.setValue(c, &v)
		return msg
	}
	if show != nil {
		f.show = func(c *ClaimFields) string {
			if p := f.value(c).(*float64); p != nil {
				return show(*p)
			}
			return ""
		}
	}
	return f
}

// APISchema is the OpenAPI schema of the field's member of the API claim,
// as the served openapi.json gives it for added rows.
func (f ClaimField) APISchema() map[string]any {
	s := map[string]any{"type": f.jsonType()}
	if !f.Required {
		s["nullable"] = true
	}
	if f.Options != nil {
		var enum []any
		for _, o := range f.Options {
			if o != "" {
				enum = append(enum, o)
			}
		}
		if !f.Required {
			enum = append(enum, nil)
		}
		s["enum"] = enum
	}
	if f.Kind == TextField && f.MaxLen > 0 {
		s["maxLength"] = f.MaxLen
	}
	if f.minimum != 0 {
		s["minimum"] = f.minimum
	}
	if f.Doc != "" {
		s["description"] = f.Doc
	}
	return s
}

// jsonType is the JSON type of the field's value.
func (f ClaimField) jsonType() string {
	switch f.value(&ClaimFields{}).(type) {
	case float64, *float64:
		return "number"
	case *int:
		return "integer"
	}
	return "string"
}

// columnValue is what claimColumns writes to the field's column.
func (f ClaimField) columnValue(c *ClaimFields) any {
	if f.column != nil {
		return f.column(c)
	}
	return f.value(c)
}

// parseCount reads an optional whole number from min to max.
func parseCount(min, max int, set func(*ClaimFields, *int)) func(string, *ClaimFields) string {
	return func(s string, c *ClaimFields) string {
		set(c, nil)
		s = strings.TrimSpace(s)
		if s == "" {
			return ""
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < min || n > max {
			return fmt.Sprintf("must be a whole number of %d or more, or empty", min)
		}
		set(c, &n)
		return ""
	}
}

// claimFieldColumns lists the selected columns of a claim row query in a
// dialect: the core rows' Select expressions and one JSON object of the
// added ones.
func claimFieldColumns(dialect string) []string {
	var cols []string
	for _, f := range ClaimFieldTable {
		if !f.Added {
			cols = append(cols, f.Select)
		}
	}
	return append(cols, addedFieldsSelect(dialect))
}
