package models

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"
)

// The constructors of ClaimFieldTable's rows, one per kind of value. Each
// binds a row to its typed field of ClaimFields and of SuggestionForm (nil:
// not suggestable), so the table reads and writes fields without names.

// bind gives a row its typed access to ClaimFields.
func bind[T any](f ClaimField, get func(*ClaimFields) *T, form func(*SuggestionForm) *string) ClaimField {
	f.value = func(c *ClaimFields) any { return *get(c) }
	f.setValue = func(c *ClaimFields, v any) { *get(c) = v.(T) }
	f.visit = visitorOf(get)
	f.ptr = func(c *ClaimFields) any { return get(c) }
	f.decode = func(c *ClaimFields, raw json.RawMessage) error {
		var v T
		if string(raw) != "null" {
			if err := json.Unmarshal(raw, &v); err != nil {
				return err
			}
		}
		*get(c) = v
		return nil
	}
	if form != nil {
		f.getForm = func(sf *SuggestionForm) string { return *form(sf) }
		f.setForm = func(sf *SuggestionForm, s string) { *form(sf) = s }
	}
	f.Suggestable = form != nil
	f.Revised, f.Exported = true, true
	f.Columns, f.Select = []string{f.Name}, "c."+f.Name
	return f
}

// FieldVisitor receives a field's typed value without boxing it in an
// interface, for encoders that run once per field of every exported row.
type FieldVisitor interface {
	Text(string)
	Number(float64)
	OptNumber(*float64)
	Count(*int)
}

// visitorOf picks, once per row of the table, the FieldVisitor method of the
// field's type; a field of any other type cannot be built.
func visitorOf[T any](get func(*ClaimFields) *T) func(*ClaimFields, FieldVisitor) {
	switch g := any(get).(type) {
	case func(*ClaimFields) *string:
		return func(c *ClaimFields, v FieldVisitor) { v.Text(*g(c)) }
	case func(*ClaimFields) *float64:
		return func(c *ClaimFields, v FieldVisitor) { v.Number(*g(c)) }
	case func(*ClaimFields) **float64:
		return func(c *ClaimFields, v FieldVisitor) { v.OptNumber(*g(c)) }
	case func(*ClaimFields) **int:
		return func(c *ClaimFields, v FieldVisitor) { v.Count(*g(c)) }
	}
	panic(fmt.Sprintf("models: a claim field of type %T has no FieldVisitor method", *new(T)))
}

func text(name, label, hint string, maxLen int, get func(*ClaimFields) *string, form func(*SuggestionForm) *string) ClaimField {
	f := bind(ClaimField{Name: name, Label: label, Hint: hint, Kind: TextField, MaxLen: maxLen}, get, form)
	f.parse = func(s string, c *ClaimFields) string {
		v, msg := cleanText(s, maxLen)
		*get(c) = v
		return msg
	}
	return f
}

// enum is a choice of options; nil options accept any value (the metric,
// whose check compares it with the metrics table).
func enum(name, label string, options []string, blank string, get func(*ClaimFields) *string, form func(*SuggestionForm) *string) ClaimField {
	f := bind(ClaimField{Name: name, Label: label, Kind: EnumField, Options: options, Blank: blank}, get, form)
	f.parse = parseEnum(label, options, f.setValue)
	return f
}

// parseEnum reads one of options (any text when options is nil).
func parseEnum(label string, options []string, set func(*ClaimFields, any)) func(string, *ClaimFields) string {
	return func(s string, c *ClaimFields) string {
		v := strings.TrimSpace(s)
		set(c, v)
		if options != nil && !slices.Contains(options, v) {
			return "choose a " + strings.ToLower(label) + " from the list"
		}
		return ""
	}
}

func number(name, label, hint string, get func(*ClaimFields) *float64, form func(*SuggestionForm) *string) ClaimField {
	f := bind(ClaimField{Name: name, Label: label, Hint: hint, Kind: NumberField, Required: true}, get, form)
	f.parse = func(s string, c *ClaimFields) string {
		v, msg := parseNumber(s, true)
		*get(c) = v
		return msg
	}
	return f
}

func optNumber(name, label, hint string, get func(*ClaimFields) **float64, form func(*SuggestionForm) *string) ClaimField {
	f := bind(ClaimField{Name: name, Label: label, Hint: hint, Kind: NumberField}, get, form)
	f.parse = func(s string, c *ClaimFields) string {
		*get(c) = nil
		if strings.TrimSpace(s) == "" {
			return ""
		}
		v, msg := parseNumber(s, true)
		*get(c) = &v
		return msg
	}
	return f
}

// count is an optional whole number of 1 or more, such as a device count.
func count(name, label, hint string, get func(*ClaimFields) **int, form func(*SuggestionForm) *string) ClaimField {
	f := bind(ClaimField{Name: name, Label: label, Hint: hint, Kind: NumberField}, get, form)
	f.parse = parseCount(1, maxHardwareCount, func(c *ClaimFields, n *int) { *get(c) = n })
	f.minimum = 1
	return f
}

// required marks a field that is never empty.
func (f ClaimField) required() ClaimField { f.Required = true; return f }

// exportAfterClaimURL puts the field's export column right after claim_url
// (see ExportAfterClaimURL).
func (f ClaimField) exportAfterClaimURL() ClaimField { f.Export = ExportAfterClaimURL; return f }

// example gives the field a valid form text for tests (see ClaimField.Example).
func (f ClaimField) example(s string) ClaimField { f.Example = s; return f }

// doc is what the API's document says of the field.
func (f ClaimField) doc(s string) ClaimField { f.Doc = s; return f }

// checks adds a rule that compares the field with others, run once every
// field of a form is read (see fieldCheck).
func (f ClaimField) checks(c func(ClaimField, *ClaimFields, *formCheck) string) ClaimField {
	f.check = c
	return f
}

// onPage lists the field as a plain labelled row of the claim's page.
func (f ClaimField) onPage() ClaimField { f.OnPage = true; return f }

// reportsUnchanged puts the form's "nothing differs" message on this field.
func (f ClaimField) reportsUnchanged() ClaimField { f.unchangedHere = true; return f }

// device marks a text field that names a device.
func (f ClaimField) device() ClaimField { f.Kind = DeviceField; return f }

// unrevised marks a field that moderation never changes, so revisions do not record it.
func (f ClaimField) unrevised() ClaimField { f.Revised = false; return f }

// stored says how queries read the field and which claims columns hold it.
func (f ClaimField) stored(sel string, columns ...string) ClaimField {
	f.Select, f.Columns = sel, columns
	return f
}

// writes sets how the field becomes columns when its columns are not just its value.
func (f ClaimField) writes(w func(*gorm.DB, *ClaimFields, string, map[string]any) error) ClaimField {
	f.write = w
	return f
}

// cleanText trims form text and checks it is text a database will take.
func cleanText(v string, limit int) (string, string) {
	v = strings.TrimSpace(v)
	switch {
	case !utf8.ValidString(v):
		// PostgreSQL would refuse the bytes on insert, a 500 instead of a message.
		return v, "is not valid text (UTF-8)"
	case utf8.RuneCountInString(v) > limit:
		return v, fmt.Sprintf("must be at most %d characters", limit)
	case strings.ContainsFunc(v, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }):
		return v, "must not contain control characters"
	}
	return v, ""
}

// parseNumber parses a finite decimal; required says whether empty is an error.
func parseNumber(s string, required bool) (float64, string) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	if s == "" {
		if required {
			return 0, "is required"
		}
		return 0, ""
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, "must be a finite number such as 277 or 1.5e9"
	}
	return v, ""
}
