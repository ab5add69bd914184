package extract

import (
	"strings"
)

type tokKind uint8

const (
	tkWord tokKind = iota
	tkNum
	tkPunct
)

// token is a word, a number-with-suffix ("13.7x", "114K", "10+%") or one
// punctuation mark, with its byte span in the normalised text.
type token struct {
	s, e int
	w    string // as written (normalised)
	lw   string // lower case
	kind tokKind
	// masked tokens belong to a hardware or model name; their digits are never a claim.
	masked bool
}

// sentenceSpans splits normalised text at ". ", "! ", "? " followed by a
// capital letter, digit or quote. A lower-case continuation ("4k res. at")
// or a known abbreviation keeps the sentence together.
func sentenceSpans(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' && c != '\n' {
			continue
		}
		if c == '\n' {
			if i+1 < len(s) && s[i+1] == '\n' {
				out = append(out, [2]int{start, i})
				start = i + 1
			}
			continue
		}
		j := i + 1
		if j < len(s) && s[j] != ' ' && s[j] != '\n' {
			continue
		}
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		if j >= len(s) {
			break
		}
		n := s[j]
		if !(n >= 'A' && n <= 'Z' || isDigit(n) || n == '"' || n == '(' || n == '[') {
			continue
		}
		if c == '.' && isAbbrev(s[start:i]) {
			continue
		}
		out = append(out, [2]int{start, i + 1})
		start = j
	}
	if start < len(s) {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

var abbrevs = []string{"e.g", "i.e", "et al", "vs", "fig", "eq", "approx", "resp", "cf", "no", "ref", "sec", "dr", "mr", "ms", "st"}

func isAbbrev(prefix string) bool {
	k := strings.LastIndexAny(prefix, " (")
	w := strings.ToLower(prefix[k+1:])
	for _, a := range abbrevs {
		if w == a {
			return true
		}
	}
	return false
}

// tokenize splits s[a:b] into tokens. Punctuation that separates clauses is
// its own token; characters that live inside numbers and names ("." "-" "/"
// "+" "%" "~" "_") stay attached.
func tokenize(s string, a, b int, out []token) []token {
	i := a
	for i < b {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if isSplitPunct(c) || c == ',' {
			out = append(out, token{s: i, e: i + 1, w: s[i : i+1], lw: s[i : i+1], kind: tkPunct})
			i++
			continue
		}
		j := i
		for j < b {
			d := s[j]
			if d == ' ' || d == '\n' || d == '\t' || d == '\r' || isSplitPunct(d) {
				break
			}
			if d == ',' {
				// A thousands separator stays inside the number: "242,000x".
				if j > i && isDigit(s[j-1]) && j+3 < b && allDigits(s[j+1:j+4]) && (j+4 >= b || !isDigit(s[j+4])) {
					j++
					continue
				}
				break
			}
			j++
		}
		// Trailing sentence or abbreviation periods are not part of the token,
		// except a period inside a number has already been consumed.
		e := j
		for e > i+1 && (s[e-1] == '.' || s[e-1] == ':' || s[e-1] == '\'' || s[e-1] == '!' || s[e-1] == '?') {
			e--
		}
		if e == i+1 && (s[i] == '.' || s[i] == ':') {
			out = append(out, token{s: i, e: j, w: s[i:j], lw: s[i:j], kind: tkPunct})
			i = j
			continue
		}
		w := s[i:e]
		t := token{s: i, e: e, w: w, lw: strings.ToLower(w), kind: tkWord}
		if startsNumber(w) {
			t.kind = tkNum
		}
		out = append(out, t)
		if e < j {
			p := s[e:j]
			if p == "." || p == ":" || p == ";" {
				out = append(out, token{s: e, e: j, w: p, lw: p, kind: tkPunct})
			}
		}
		i = j
	}
	return out
}

func isSplitPunct(c byte) bool {
	switch c {
	case '(', ')', '[', ']', ';', '"', '{', '}', '=':
		return true
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// startsNumber reports whether a token is numeric: a digit first, or a
// "~", "+", ">" or "." directly before a digit ("~500-billion", "+0.8%").
func startsNumber(w string) bool {
	i := 0
	for i < len(w) && (w[i] == '~' || w[i] == '+' || w[i] == '>' || w[i] == '<' || w[i] == '=') {
		i++
	}
	if i < len(w) && w[i] == '.' {
		i++
	}
	return i < len(w) && isDigit(w[i])
}
