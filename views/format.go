package views

import (
	"strconv"
	"strings"
)

// Number formats a value plainly: no exponent for ordinary magnitudes, at
// most three decimals, thousands grouped with commas.
func Number(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if strings.Contains(s, ".") {
		s = strconv.FormatFloat(v, 'f', 3, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	if len(intPart) > 3 {
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

// Value formats a claim's value or range with its unit: "277 FPS", "2.36–8.02x",
// "120B params" (counts of parameters read best with a scale word).
func Value(v float64, high *float64, unit string) string {
	num := Number
	if unit == "params" {
		num = Scaled
	}
	s := num(v)
	if high != nil {
		s += "–" + num(*high)
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

// Scaled writes large counts with K, M, B or T: 1.2e11 -> "120B".
func Scaled(v float64) string {
	for _, u := range []struct {
		div    float64
		suffix string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}} {
		if v >= u.div || v <= -u.div {
			return Number(v/u.div) + u.suffix
		}
	}
	return Number(v)
}
