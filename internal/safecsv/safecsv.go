// Package safecsv makes CSV cells safe to open in a spreadsheet, following
// OWASP's CSV-injection advice, without touching numeric columns.
package safecsv

import "strconv"

// Text neutralises a text cell that a spreadsheet would run as a formula: one
// starting with = + - @, a tab or a carriage return gets a leading apostrophe.
func Text(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Number writes a value plainly: no exponent for ordinary magnitudes, no
// locale separators, the shortest text that reads back as the same float.
func Number(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// OptNumber is Number for an optional value: absent is an empty cell.
func OptNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return Number(*v)
}

// OptInt writes an optional whole number; absent is an empty cell.
func OptInt(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}
