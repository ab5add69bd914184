package models

import (
	"strings"
)

// The rules between a claim's fields, each attached to its row of
// ClaimFieldTable with checks(...). parse runs them in table order once
// every field of the form is read, and only for a field that was read
// without error.

// formCheck is what a rule may consult: the form's other fields' errors,
// the claim being corrected (nil for a missing claim), the paper's abstract
// and the metric vocabulary with its units.
type formCheck struct {
	rows     []ClaimField // the form's rows, for rules that read another field
	bad      InvalidFields
	current  *ClaimDetail
	abstract string
	metrics  map[string]string
}

// number is the named field's value in c as a number, if it is a number
// that is set and was read without error.
func (fc *formCheck) number(name string, c *ClaimFields) (float64, bool) {
	for _, f := range fc.rows {
		if f.Name == name && fc.bad[name] == "" {
			return numberOf(f.value(c))
		}
	}
	return 0, false
}

// numberOf is a field's value as a number, if it is one that is set.
func numberOf(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case *float64:
		if n != nil {
			return *n, true
		}
	case *int:
		if n != nil {
			return float64(*n), true
		}
	}
	return 0, false
}

// knownMetric: the metric is one of the metrics table's.
func knownMetric(_ ClaimField, c *ClaimFields, fc *formCheck) string {
	if _, ok := fc.metrics[c.MetricSlug]; !ok {
		return "choose a metric from the list"
	}
	return ""
}

// notBelow: an optional number is not below the field named lower, when
// both are set and lower was read without error.
func notBelow(lower string) func(ClaimField, *ClaimFields, *formCheck) string {
	return func(f ClaimField, c *ClaimFields, fc *formCheck) string {
		hi, set := numberOf(f.value(c))
		lo, ok := fc.number(lower, c)
		if set && ok && hi < lo {
			return "must not be below " + lower
		}
		return ""
	}
}

// metricUnitWhenEmpty: an empty unit is the metric's.
func metricUnitWhenEmpty(_ ClaimField, c *ClaimFields, fc *formCheck) string {
	if c.Unit == "" {
		c.Unit = fc.metrics[c.MetricSlug]
	}
	return ""
}

// evidenceInAbstract: the evidence is copied from the abstract; a
// correction without any keeps the claim's.
func evidenceInAbstract(_ ClaimField, c *ClaimFields, fc *formCheck) string {
	switch {
	case c.Evidence == "" && fc.current != nil:
		c.Evidence = fc.current.Evidence
	case c.Evidence == "":
		return "paste the sentence part that states the number"
	case !strings.Contains(fc.abstract, c.Evidence):
		return "must be copied exactly from the abstract"
	}
	return ""
}
