package views

import (
	"strconv"
	"strings"
)

// Number formats a value plainly: no exponent for ordinary magnitudes, at
// most three decimals, thousands grouped with commas above 9999.
func Number(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if strings.Contains(s, ".") {
		s = strconv.FormatFloat(v, 'f', 3, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	if len(intPart) > 4 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteRune(',')
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	if neg {
		intPart = "-" + intPart
	}
	if frac != "" {
		return intPart + "." + frac
	}
	return intPart
}

// Value formats a claim's value or range with its unit: "277 FPS", "2.36–8.02x".
func Value(v float64, high *float64, unit string) string {
	s := Number(v)
	if high != nil {
		s += "–" + Number(*high)
	}
	switch unit {
	case "":
		return s
	case "x", "%":
		return s + unit
	}
	return s + " " + unit
}

// Qualifier turns a schema qualifier into words.
func Qualifier(q string) string {
	switch q {
	case "up_to":
		return "up to"
	case "at_least":
		return "at least"
	case "approx":
		return "about"
	case "average":
		return "on average"
	}
	return q
}
