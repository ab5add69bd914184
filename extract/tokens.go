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
			// A blank line ends a paragraph, and with it a sentence.
			if i+1 < len(s) && s[i+1] == '\n' && i > start {
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
		if i+1 > start {
			out = append(out, [2]int{start, i + 1})
		}
		start = j
		i = j - 1
	}
	if start < len(s) {
		out = append(out, [2]int{start, len(s)})
	}
	return capSentences(s, out)
}

// maxSentence bounds a sentence: rules look back and forth within one, so
// an unpunctuated megabyte would cost quadratic time. Real abstract
// sentences are far shorter.
const maxSentence = 1500

// capSentences splits over-long spans at a clause boundary (", " or "; ")
// or, failing that, a space near the limit.
func capSentences(s string, spans [][2]int) [][2]int {
	long := false
	for _, sp := range spans {
		if sp[1]-sp[0] > maxSentence {
			long = true
			break
		}
	}
	if !long {
		return spans
	}
	var out [][2]int
	for _, sp := range spans {
		a, b := sp[0], sp[1]
		for b-a > maxSentence {
			cut := -1
			for k := a + maxSentence; k > a+maxSentence/2; k-- {
				if s[k] == ' ' && (s[k-1] == ',' || s[k-1] == ';') {
					cut = k
					break
				}
			}
			if cut < 0 {
				for k := a + maxSentence; k > a; k-- {
					if s[k] == ' ' {
						cut = k
						break
					}
				}
			}
			if cut <= a {
				cut = a + maxSentence
				for cut > a+1 && s[cut]&0xC0 == 0x80 {
					cut-- // never split a UTF-8 sequence
				}
			}
			out = append(out, [2]int{a, cut})
			a = cut
		}
		out = append(out, [2]int{a, b})
	}
	return out
}

// abbrevs end with a period that does not end the sentence. Units such as
// "ms." or "sec." are left out: they usually do end one.
var abbrevs = []string{"e.g", "i.e", "al", "vs", "fig", "figs", "eq", "eqs", "approx", "resp", "cf", "ref", "refs", "dr", "mr"}

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
func tokenize(s, lower string, a, b int, out []token) []token {
	i := a
	for i < b {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if isSplitPunct(c) || c == ',' || c == '/' && len(out) > 0 && out[len(out)-1].kind == tkNum && out[len(out)-1].e == i {
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
			if d == '/' && j > i && j+1 < b && isDigit(s[j+1]) && (isDigit(s[j-1]) || s[j-1] == 'x' || s[j-1] == '%') && startsNumber(s[i:j]) {
				// "35/67/405 fJ/op", "2.45x/13.5x": a list of figures, one per setting.
				break
			}
			if d == ',' {
				// A thousands separator stays inside the number: "242,000x".
				if j > i && isDigit(s[j-1]) && j+3 < b && allDigits(s[j+1:j+4]) && (j+4 >= b || !isDigit(s[j+4])) {
					j++
					continue
				}
				if j > i && isDigit(s[j-1]) && j+5 <= b && s[j+1:j+5] == " 000" && (j+5 == b || !isDigit(s[j+5])) && allDigits(s[i:j]) && j-i <= 3 {
					// "500, 000 queries": a thousands separator the scrape spaced out.
					j += 2
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
		t := token{s: i, e: e, w: w, lw: lower[i:e], kind: tkWord}
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
	if len(w) > 2 && w[0] == '-' && isDigit(w[1]) && w[len(w)-1] == '%' {
		// "reduces the error by -62.9%": a reduction written as a negative change.
		i = 1
	}
	for i < len(w) && (w[i] == '~' || w[i] == '+' || w[i] == '>' || w[i] == '<' || w[i] == '=') {
		i++
	}
	if i < len(w) && w[i] == '.' {
		i++
	}
	return i < len(w) && isDigit(w[i])
}

// asciiLower lower-cases ASCII letters only, so byte offsets into the
// result are offsets into the input: tokens slice their lower-case form out
// of one string instead of allocating one each.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
