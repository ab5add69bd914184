package extract

import "strings"

// colonDecimal reports a ":" at s[i] that stands for a decimal point: one
// to three digits before it, digits after, then a unit of time or size
// ("0:44 seconds", "4:8 GB"). Ratios ("2:4 sparsity", "1:1"), clock times
// and scores keep their colon.
func colonDecimal(s string, i int) bool {
	if i == 0 || i+1 >= len(s) || !isDigit(s[i-1]) || !isDigit(s[i+1]) {
		return false
	}
	b := i - 1
	for b > 0 && isDigit(s[b-1]) {
		b--
	}
	if i-b > 3 || b > 0 && (s[b-1] == ':' || s[b-1] == '.' || isASCIILetter(s[b-1])) {
		return false
	}
	j := i + 1
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j < len(s) && (s[j] == ':' || s[j] == '.') {
		return false
	}
	if j < len(s) && s[j] == ' ' {
		j++
	}
	k := j
	for k < len(s) && (isASCIILetter(s[k]) || s[k] == '/') {
		k++
	}
	return colonUnits[strings.ToLower(s[j:k])]
}

var colonUnits = map[string]bool{"s": true, "ms": true, "us": true, "ns": true, "sec": true, "secs": true,
	"second": true, "seconds": true, "milliseconds": true, "minutes": true, "hours": true,
	"kb": true, "mb": true, "gb": true, "tb": true, "pb": true, "gb/s": true, "mb/s": true, "tb/s": true, "x": true}

// ligatures are the letter pairs a PDF's text layer drops, as the word
// halves around the gap: "ef ciency" is "efficiency", "of oad" "offload".
var ligatures = []struct{ left, right, fill string }{
	{"ef", "cien", "fi"}, {"signi", "can", "fi"}, {"con", "gur", "fi"}, {"of", "oad", "fl"}, {"work", "ow", "fl"},
}

// ligatureGap returns the letters lost at the space s[i], or "".
func ligatureGap(s string, i int) string {
	// Cheap test first: every space of every abstract comes here.
	if i < 2 || i+3 >= len(s) || !ligatureEnds[s[i-1]] || !ligatureStarts[s[i+1]] {
		return ""
	}
	return ligatureFill(s, i)
}

// ligatureEnds and ligatureStarts are the last letters of the ligatures'
// left halves and the first of their right halves; callers that check every
// space test ligatureEnds before calling ligatureGap.
var ligatureEnds, ligatureStarts = func() (e, st [256]bool) {
	for _, l := range ligatures {
		e[l.left[len(l.left)-1]] = true
		st[l.right[0]] = true
	}
	return e, st
}()

// ligatureFill is ligatureGap past its cheap test.
func ligatureFill(s string, i int) string {
	for _, l := range ligatures {
		b := i - len(l.left)
		if b < 0 || s[b:i] != l.left || b > 0 && isASCIILetter(s[b-1]) || !strings.HasPrefix(s[i+1:], l.right) {
			continue
		}
		return l.fill
	}
	return ""
}

// gluedBy reports "by" at s[i] glued to the word before it and followed by
// a figure or "up to" ("trainingby up to 5.5"). Words that end in "by"
// ("thereby", "nearby") are left alone.
func gluedBy(s string, i int) bool {
	if i < 4 || i+3 >= len(s) || s[i+1] != 'y' || s[i+2] != ' ' || !isASCIILetter(s[i-1]) {
		return false
	}
	b := i
	for b > 0 && isASCIILetter(s[b-1]) {
		b--
	}
	if i-b < 4 || b > 0 && s[b-1] == '-' {
		return false
	}
	switch strings.ToLower(s[b : i+2]) {
	case "thereby", "hereby", "whereby", "nearby", "standby", "lobby", "hobby", "rugby", "derby", "shabby":
		return false
	}
	r := s[i+3:]
	return r != "" && isDigit(r[0]) || strings.HasPrefix(r, "up to ")
}
