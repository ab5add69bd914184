package models

import (
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// ClaimQualifiers is the qualifier vocabulary of the claim schema as stored
// ("" is none; the leaderboard filter spells that "none").
var ClaimQualifiers = []string{"", "up_to", "at_least", "approx", "average"}

// ClaimPrecisions is the numeric-precision vocabulary of a claim as stored
// ("" is not stated), as migration 00018 checks it.
var ClaimPrecisions = []string{"", "fp32", "tf32", "fp16", "bf16", "fp8", "int8", "int4", "fp4"}

// claimStatuses is the status vocabulary, as the claims table checks it.
var claimStatuses = []string{StatusExtracted, StatusCorrected, StatusVerified, StatusRetracted, StatusSuperseded}

// ClaimFields is a claim as people read, correct and export it: the claim
// schema's fields. The core ones, which code outside the field table reads,
// are typed members; the rest live in Added, keyed by their row's name.
// ClaimFieldTable says how each one is parsed, compared, shown, stored and
// exported.
type ClaimFields struct {
	MetricSlug    string
	Value         float64
	ValueHigh     *float64
	Unit          string
	Qualifier     string
	HardwareName  string
	HardwareCount *int
	Baseline      string
	Subject       string
	Condition     string
	Evidence      string
	Status        string
	Confidence    float64
	Added         FieldValues `gorm:"column:added_fields"`
}

// FieldKind says how a claim field is parsed from a form and compared.
type FieldKind string

// The kinds of claim field.
const (
	NumberField FieldKind = "number" // a finite decimal, or a whole count
	TextField   FieldKind = "text"   // free text, trimmed and limited to MaxLen characters
	EnumField   FieldKind = "enum"   // one of Options (the metric: one of the metrics table)
	DeviceField FieldKind = "device" // a device name, matched or created when a moderator accepts it
)

// ExportPlace is where a field's column goes in the CSV and JSON Lines
// exports. Columns are only ever added, never moved, because spreadsheets
// and scripts read them by position.
type ExportPlace int

// The places of an export column.
const (
	ExportBeforeClaimURL ExportPlace = iota // the first export's claim columns
	ExportAfterClaimURL                     // precision, where it was first published
	ExportAtEnd                             // after the provenance columns: every field added since
)

// ClaimField is one row of the field table: everything claimboard knows
// about one field of a claim, so adding a field is one row (plus its
// migration), not a hunt through forms, diffs, history and exports.
type ClaimField struct {
	Name  string // the claim schema's name: form input, revision key, CSV and JSON column
	Label string // the form's and the claim page's label
	Hint  string // the form's help line
	Doc   string // what the API document says of it
	// Example is a valid form text for it that a default sample would not
	// be (tests fill every field of the form with one).
	Example string
	Kind    FieldKind
	// Options are an EnumField's values ("" is none, labelled Blank); nil
	// for the metric, whose values are the metrics table.
	Options []string
	Blank   string
	MaxLen  int // characters, for text and device fields
	// Required fields are never empty; the others are null in JSON when empty.
	Required bool
	// Suggestable: the suggestion form shows it and a suggestion may change it.
	Suggestable bool
	// Revised: revisions record its before and after, and a revert restores it.
	Revised bool
	// Exported: a column of the CSV and JSON Lines exports, under Name, at Export.
	Exported bool
	Export   ExportPlace
	// OnPage: a plain labelled row of the claim's page (the value, metric,
	// hardware, qualifier, evidence and status have their own places there).
	OnPage bool
	// Added: the value lives in ClaimFields.Added, not a typed member, and
	// the API document's schema of it comes from the row (APISchema).
	Added bool
	// Columns are the claims columns that store it.
	Columns []string
	// Select reads it in a query over claims c, metrics m and hardware h,
	// named as ClaimFields' field for GORM's scan (added rows: its column,
	// for the export's database/sql scan).
	Select string

	value    func(*ClaimFields) any                    // the typed value
	setValue func(*ClaimFields, any)                   // sets it from a value of its type
	visit    func(*ClaimFields, FieldVisitor)          // the typed value, unboxed, for encoders
	ptr      func(*ClaimFields) any                    // a database/sql Scan destination of it
	decode   func(*ClaimFields, json.RawMessage) error // sets it from its stored JSON
	getForm  func(*SuggestionForm) string              // its text in the suggestion form
	setForm  func(*SuggestionForm, string)
	parse    func(s string, out *ClaimFields) string           // sets it from form text; a message when invalid
	check    func(ClaimField, *ClaimFields, *formCheck) string // a rule between fields, after every field is read
	show     func(*ClaimFields) string                         // its display text, when not Text's default
	column   func(*ClaimFields) any                            // its column's value, when not its value
	write    func(tx *gorm.DB, f *ClaimFields, abstract string, cols map[string]any) error
	minimum  float64 // a count's least value, for the API schema
	// unchangedHere: a correction that changes nothing is told so at this field.
	unchangedHere bool
}

// ClaimFieldTable is the claim, field by field, in display order: the order
// of the form, the moderation diff, the history and the export columns.
// Core rows bind typed members; added rows (addedText, addedEnum,
// addedCount, addedNumber) need nothing but their row and their column.
var ClaimFieldTable = []ClaimField{
	enum("metric", "Metric", nil, "", func(c *ClaimFields) *string { return &c.MetricSlug }, func(f *SuggestionForm) *string { return &f.Metric }).
		required().stored("m.slug AS metric_slug", "metric_id").writes(writeMetric).checks(knownMetric),
	number("value", "Value", "A plain number: 277, 1.5, 2e9.", func(c *ClaimFields) *float64 { return &c.Value }, func(f *SuggestionForm) *string { return &f.Value }).
		reportsUnchanged(),
	optNumber("value_high", "Upper value of a range", "Only for ranges such as 2.4–8x.", func(c *ClaimFields) **float64 { return &c.ValueHigh }, func(f *SuggestionForm) *string { return &f.ValueHigh }).
		checks(notBelow("value")),
	text("unit", "Unit", "Empty means the metric's unit.", 40, func(c *ClaimFields) *string { return &c.Unit }, func(f *SuggestionForm) *string { return &f.Unit }).
		required().checks(metricUnitWhenEmpty),
	enum("qualifier", "Qualifier", ClaimQualifiers, "none", func(c *ClaimFields) *string { return &c.Qualifier }, func(f *SuggestionForm) *string { return &f.Qualifier }),
	text("hardware", "Hardware", "E.g. NVIDIA A100.", 100, func(c *ClaimFields) *string { return &c.HardwareName }, func(f *SuggestionForm) *string { return &f.Hardware }).
		device().stored("COALESCE(h.name, '') AS hardware_name", "hardware_id").writes(writeHardware),
	count("hardware_count", "Number of devices", "", func(c *ClaimFields) **int { return &c.HardwareCount }, func(f *SuggestionForm) *string { return &f.HardwareCount }),
	text("baseline", "Baseline", "What it is compared with, if anything.", MaxFieldLen, func(c *ClaimFields) *string { return &c.Baseline }, func(f *SuggestionForm) *string { return &f.Baseline }).onPage(),
	text("subject", "Subject", "What achieves the number.", MaxFieldLen, func(c *ClaimFields) *string { return &c.Subject }, func(f *SuggestionForm) *string { return &f.Subject }).onPage(),
	text("condition", "Condition", "Setting, data set or resolution.", MaxFieldLen, func(c *ClaimFields) *string { return &c.Condition }, func(f *SuggestionForm) *string { return &f.Condition }).onPage(),
	text("evidence", "Evidence", "Words copied exactly from the abstract.", MaxEvidenceLen, func(c *ClaimFields) *string { return &c.Evidence }, func(f *SuggestionForm) *string { return &f.Evidence }).
		required().stored("c.evidence", "evidence", "evidence_start", "evidence_end").writes(writeEvidence).checks(evidenceInAbstract),
	// A moderator's decision sets the status; a suggestion cannot.
	enum("status", "Status", claimStatuses, "", func(c *ClaimFields) *string { return &c.Status }, nil).
		required(),
	// The extractor's confidence is exported but never edited: a human
	// claim simply has 1.
	number("confidence", "Confidence", "", func(c *ClaimFields) *float64 { return &c.Confidence }, nil).
		unrevised(),

	// Added fields: one row each, and a migration adding its column.
	addedEnum("precision", "Precision", ClaimPrecisions, "not stated").
		exportAfterClaimURL().doc("numeric precision of the measurement; null when not stated"),
}

// SuggestableFields are the rows of ClaimFieldTable a suggestion may change,
// in display order.
func SuggestableFields() []ClaimField {
	return fieldsWhere(func(f ClaimField) bool { return f.Suggestable })
}

// ExportedFields are the rows of ClaimFieldTable the exports and the API
// write, in table order (the encoders place each column by its Export).
func ExportedFields() []ClaimField { return fieldsWhere(func(f ClaimField) bool { return f.Exported }) }

// PageFields are the rows of ClaimFieldTable the claim's page lists as
// plain labelled values, in display order.
func PageFields() []ClaimField { return fieldsWhere(func(f ClaimField) bool { return f.OnPage }) }

// RevisedFields are the rows of ClaimFieldTable revisions record, in display order.
func RevisedFields() []ClaimField { return fieldsWhere(func(f ClaimField) bool { return f.Revised }) }

func fieldsWhere(keep func(ClaimField) bool) []ClaimField {
	var out []ClaimField
	for _, f := range ClaimFieldTable {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// claimFieldColumnsExcluded are the claims columns that are not claim
// fields, each with why; a test checks that every column of the table is
// either here or stored by a row of ClaimFieldTable.
var claimFieldColumnsExcluded = map[string]string{
	"id":                "identity",
	"paper_id":          "the claim's paper, fixed when it is made",
	"raw_text":          "the number as the abstract writes it, the extractor's record",
	"extractor_version": "provenance of an extracted claim",
	"version":           "optimistic locking of moderation",
	"created_at":        "bookkeeping",
	"updated_at":        "bookkeeping",
	"paper_title_lc":    "a trigger-kept copy of the paper's title for search (migration 00010)",
	"arxiv_version":     "provenance: the arXiv version the claim was read from (migration 00017)",
	"superseded_in":     "provenance: the arXiv version that no longer makes the claim (migration 00017)",
}

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
