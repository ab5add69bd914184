package models

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// KeyFilter selects claims by their comparability keys (issue 14): the
// settings two figures must share to be compared. A zero member is any.
type KeyFilter struct {
	Precision  string
	BatchSize  int
	Resolution string
	SeqLen     int
	ModelSize  float64 // billions of parameters
	Dataset    string
	Devices    int // hardware_count
}

// KeyDef is one comparability key: its query parameter (also its name in
// notices and the API), the label people read, and the column it filters.
type KeyDef struct {
	Param  string
	Label  string
	Column string
	// numeric keys are NULL when not stated; text keys are '' or NULL.
	numeric bool
	get     func(*KeyFilter) string       // the filter's value as a parameter, "" for any
	set     func(*KeyFilter, string) bool // parse a parameter; false when malformed
	show    func(string) string           // a parameter value as people read it
	hint    string                        // what a malformed value should be
}

// Keys are the comparability keys in the order pages list them.
var Keys = []KeyDef{
	{Param: "precision", Label: "precision", Column: "precision",
		get:  func(k *KeyFilter) string { return k.Precision },
		set:  func(k *KeyFilter, s string) bool { k.Precision = strings.ToLower(s); return isPrecision(k.Precision) },
		show: func(s string) string { return strings.ToUpper(s) },
		hint: "must be one of " + strings.Join(ClaimPrecisions[1:], ", ")},
	{Param: "batch_size", Label: "batch size", Column: "batch_size", numeric: true,
		get:  func(k *KeyFilter) string { return itoaNonZero(k.BatchSize) },
		set:  func(k *KeyFilter, s string) bool { return keyCount(s, &k.BatchSize) },
		show: func(s string) string { return "batch " + s },
		hint: "must be a whole number of 1 or more"},
	{Param: "resolution", Label: "resolution", Column: "resolution",
		get: func(k *KeyFilter) string { return k.Resolution },
		set: func(k *KeyFilter, s string) bool {
			v, bad := normalizeResolution(s)
			k.Resolution = v
			return bad == "" && v != ""
		},
		show: func(s string) string { return s },
		hint: "must be width x height such as 1920x1080, or one of " + strings.Join(namedResolutions, ", ")},
	{Param: "seq_len", Label: "sequence length", Column: "seq_len", numeric: true,
		get:  func(k *KeyFilter) string { return itoaNonZero(k.SeqLen) },
		set:  func(k *KeyFilter, s string) bool { return keyCount(s, &k.SeqLen) },
		show: func(s string) string { return s + " tokens" },
		hint: "must be a whole number of tokens, 1 or more"},
	{Param: "model_size", Label: "model size", Column: "model_size", numeric: true,
		get:  func(k *KeyFilter) string { return formatBillions(k.ModelSize) },
		set:  func(k *KeyFilter, s string) bool { v, bad := parseModelSize(s); k.ModelSize = v; return bad == "" },
		show: func(s string) string { v, _ := parseModelSize(s); return showModelSize(v) },
		hint: "must be a parameter count such as 7B or 350M, or a number of billions"},
	{Param: "dataset", Label: "dataset", Column: "dataset",
		get: func(k *KeyFilter) string { return k.Dataset },
		set: func(k *KeyFilter, s string) bool {
			k.Dataset = strings.TrimSpace(s)
			return k.Dataset != "" && utf8.ValidString(s) && !strings.ContainsRune(s, 0) && utf8.RuneCountInString(k.Dataset) <= MaxFieldLen
		},
		show: func(s string) string { return s },
		hint: "must be a benchmark or dataset name of at most 200 characters"},
	{Param: "devices", Label: "device count", Column: "hardware_count", numeric: true,
		get:  func(k *KeyFilter) string { return itoaNonZero(k.Devices) },
		set:  func(k *KeyFilter, s string) bool { return keyCount(s, &k.Devices) },
		show: func(s string) string { return "× " + s },
		hint: "must be a whole number of devices, 1 or more"},
}

// SetKey parses value into the key named param, naming the parameter when
// the value is malformed.
func (k *KeyFilter) SetKey(param, value string) error {
	for _, d := range Keys {
		if d.Param == param {
			if !d.set(k, strings.TrimSpace(value)) {
				return FieldErrorf(param, "%s", d.hint)
			}
			return nil
		}
	}
	return FieldErrorf(param, "is not a comparability key")
}

// Get returns the key named param as a query parameter value, "" for any.
func (k KeyFilter) Get(param string) string {
	for _, d := range Keys {
		if d.Param == param {
			return d.get(&k)
		}
	}
	return ""
}

// Show writes a key's parameter value as people read it: "7B", "fp16".
func (d KeyDef) Show(value string) string { return d.show(value) }

// normalize re-checks every set key, for filters built in code.
func (k *KeyFilter) normalize() error {
	for _, d := range Keys {
		if v := d.get(k); v != "" {
			if err := k.SetKey(d.Param, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// keyConditions adds the set keys to a query over claims c. Each condition
// repeats its partial index's predicate literally (migration 00026), so
// SQLite, which matches predicates by their terms, can use the index.
func keyConditions(q *gorm.DB, k KeyFilter) *gorm.DB {
	for _, d := range Keys {
		v := d.get(&k)
		if v == "" {
			continue
		}
		var arg any = v
		switch d.Param {
		case "batch_size":
			arg = k.BatchSize
		case "seq_len":
			arg = k.SeqLen
		case "devices":
			arg = k.Devices
		case "model_size":
			arg = k.ModelSize
		}
		if d.numeric {
			q = q.Where("c."+d.Column+" IS NOT NULL AND c."+d.Column+" = ?", arg)
		} else {
			q = q.Where("c."+d.Column+" <> '' AND c."+d.Column+" = ?", arg)
		}
	}
	return q
}

func isPrecision(s string) bool { return s != "" && slices.Contains(ClaimPrecisions, s) }

func itoaNonZero(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// keyCount reads a whole number from 1 to a billion.
func keyCount(s string, dst *int) bool {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1_000_000_000 {
		return false
	}
	*dst = n
	return true
}

func formatBillions(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// KeyValues are the comparability keys a claim states, as a filter that
// selects claims like it.
func (c ClaimFields) KeyValues() KeyFilter {
	k := KeyFilter{
		Precision:  keyText(c, "precision"),
		Resolution: keyText(c, "resolution"),
		Dataset:    keyText(c, "dataset"),
		BatchSize:  keyInt(c, "batch_size"),
		SeqLen:     keyInt(c, "seq_len"),
	}
	if x, ok := c.Added.get("model_size"); ok {
		if p, ok := x.(*float64); ok && p != nil {
			k.ModelSize = *p
		}
	}
	if c.HardwareCount != nil {
		k.Devices = *c.HardwareCount
	}
	return k
}

func keyText(c ClaimFields, name string) string {
	x, _ := c.Added.get(name)
	v, _ := x.(string)
	return v
}

func keyInt(c ClaimFields, name string) int {
	x, _ := c.Added.get(name)
	if p, ok := x.(*int); ok && p != nil {
		return *p
	}
	return 0
}

// keyColumnValues are k's stored columns, precision to dataset: ” for no
// precision (the column is NOT NULL), NULL for any other key not stated.
func keyColumnValues(k KeyFilter) []any {
	orNil := func(ok bool, v any) any {
		if !ok {
			return nil
		}
		return v
	}
	return []any{k.Precision, orNil(k.BatchSize > 0, k.BatchSize), orNil(k.Resolution != "", k.Resolution),
		orNil(k.SeqLen > 0, k.SeqLen), orNil(k.ModelSize > 0, k.ModelSize), orNil(k.Dataset != "", k.Dataset)}
}
