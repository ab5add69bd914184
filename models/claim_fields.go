package models

import (
	"encoding/json"
	"strconv"
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
	// decodeValue reads an added field's value from its JSON, for FieldValues.Scan.
	decodeValue func(json.RawMessage) (any, error)
	getForm     func(*SuggestionForm) string // its text in the suggestion form
	setForm     func(*SuggestionForm, string)
	parse       func(s string, out *ClaimFields) string           // sets it from form text; a message when invalid
	check       func(ClaimField, *ClaimFields, *formCheck) string // a rule between fields, after every field is read
	show        func(*ClaimFields) string                         // its display text, when not Text's default
	column      func(*ClaimFields) any                            // its column's value, when not its value
	write       func(tx *gorm.DB, f *ClaimFields, abstract string, cols map[string]any) error
	minimum     float64 // a count's least value, for the API schema
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
	// The comparability keys (migration 00021): what two figures must share
	// before a leaderboard may set them side by side.
	addedCount("batch_size", "Batch size", "Samples per step, e.g. 32.", 1, maxKeyCount).
		doc("batch size the figure was measured at; null when not stated"),
	addedText("resolution", "Resolution", "Width x height, e.g. 1920x1080, or 480p, 720p, 1080p, 1440p, 2K, 4K, 8K.", 13, normalizeResolution).
		example("1920x1080").doc("WxH such as \"1920x1080\", or one of " + strings.Join(namedResolutions, ", ") + "; null when not stated"),
	addedCount("seq_len", "Sequence length", "Tokens, e.g. 2048.", 1, maxKeyCount).
		doc("sequence length in tokens; null when not stated"),
	addedNumber("model_size", "Model size", "Parameters: 7B, 350M, or a number of billions.", parseModelSize, showModelSize).
		example("350M").doc("parameters in billions (7 for a 7B model, 0.35 for 350M); null when not stated"),
	addedText("dataset", "Benchmark / dataset", "E.g. ImageNet, MLPerf, WikiText-103.", MaxFieldLen, nil).
		doc("the benchmark or data set the figure was measured on; null when not stated"),
}

// maxKeyCount bounds batch sizes and sequence lengths, as a sanity limit.
const maxKeyCount = 1_000_000_000

// maxModelSize bounds model sizes (in billions), as a sanity limit that
// also keeps the number finite.
const maxModelSize = 1e9

// namedResolutions are the resolutions a claim may name instead of WxH.
var namedResolutions = []string{"480p", "720p", "1080p", "1440p", "2K", "4K", "8K"}

// normalizeResolution spells a resolution as stored: "1920x1080" for any
// of 1920x1080, 1920 × 1080 or 1920X1080, or a named one in its own case.
func normalizeResolution(s string) (string, string) {
	for _, n := range namedResolutions {
		if strings.EqualFold(s, n) {
			return n, ""
		}
	}
	w, h, ok := strings.Cut(strings.NewReplacer("×", "x", "X", "x", " ", "").Replace(s), "x")
	if ok && dimension(w) && dimension(h) {
		return w + "x" + h, ""
	}
	return s, "must be width x height such as 1920x1080, or one of " + strings.Join(namedResolutions, ", ")
}

// dimension: 1 to 999999 pixels, written without a leading zero.
func dimension(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 999999 && s == strconv.Itoa(n)
}

// modelSizeUnits are the suffixes of parameter counts: a number with one
// is that number × mul / div billions (dividing keeps 350M exactly 0.35).
var modelSizeUnits = []struct {
	suffix   string
	mul, div float64
}{{"T", 1000, 1}, {"B", 1, 1}, {"M", 1, 1000}, {"K", 1, 1e6}}

// parseModelSize reads "7B", "350M", "1.5T" or a plain number of billions.
func parseModelSize(s string) (float64, string) {
	const msg = "must be a parameter count such as 7B or 350M, or a number of billions"
	mul, div, num := 1.0, 1.0, strings.TrimSpace(s)
	for _, u := range modelSizeUnits {
		if n, ok := strings.CutSuffix(strings.ToUpper(num), u.suffix); ok {
			mul, div, num = u.mul, u.div, strings.TrimSpace(n)
			break
		}
	}
	v, bad := parseNumber(num, true)
	if v = v * mul / div; bad != "" || v <= 0 || v > maxModelSize {
		return 0, msg
	}
	return v, ""
}

// showModelSize writes billions of parameters the way papers do: "7B",
// "350M", "1.5T": the largest unit that keeps the number at 1 or more and
// reads back as the same value.
func showModelSize(v float64) string {
	for _, u := range modelSizeUnits {
		if v*u.div/u.mul >= 1 || u.suffix == "K" {
			s := numberText(v*u.div/u.mul) + u.suffix
			if back, _ := parseModelSize(s); back == v {
				return s
			}
		}
	}
	return numberText(v) + "B"
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
	"id":                 "identity",
	"paper_id":           "the claim's paper, fixed when it is made",
	"raw_text":           "the number as the abstract writes it, the extractor's record",
	"extractor_version":  "provenance of an extracted claim",
	"version":            "optimistic locking of moderation",
	"created_at":         "bookkeeping",
	"updated_at":         "bookkeeping",
	"paper_title_lc":     "a trigger-kept copy of the paper's title, lowercased, for search and the paper sort (migration 00010)",
	"paper_published_on": "a trigger-kept copy of the paper's date for the year filter and date sort (migration 00027)",
	"hardware_sort":      "a trigger-kept copy of the device's name ('' for none) for the hardware sort (migration 00030)",
	"search_tsv":         "the trigger-kept word index of the claim's texts for search (migration 00023)",
	"arxiv_version":      "provenance: the arXiv version the claim was read from (migration 00017)",
	"superseded_in":      "provenance: the arXiv version that no longer makes the claim (migration 00017)",
}
