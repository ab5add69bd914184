package extract

import (
	"strings"
	"unicode/utf8"
)

// normText is the abstract after repairing scrape damage, with a map back to
// the original bytes. Rules work on the repaired text so they need to know only
// one spelling of "×" or "~"; evidence is cut from the original through the map
// so it stays an exact substring of what the paper wrote.
type normText struct {
	s string
	// start[i] and end[i] are the original byte range that produced byte i of
	// s. A replaced chunk maps every output byte to the whole chunk, so any
	// span of s maps to a span of the original that covers it.
	start []int32
	end   []int32
}

// orig maps the half-open span [a,b) of the normalised text to the original.
func (n *normText) orig(a, b int) (int, int) {
	if a < 0 {
		a = 0
	}
	if b > len(n.s) {
		b = len(n.s)
	}
	if a >= b {
		if a >= len(n.start) {
			return 0, 0
		}
		p := int(n.start[a])
		return p, p
	}
	return int(n.start[a]), int(n.end[b-1])
}

type normBuilder struct {
	b          strings.Builder
	start, end []int32
}

func (nb *normBuilder) emit(out string, from, to int) {
	nb.b.WriteString(out)
	for range len(out) {
		nb.start = append(nb.start, int32(from))
		nb.end = append(nb.end, int32(to))
	}
}

// latexReplacements are the LaTeX commands that survive in scraped abstracts
// and carry meaning for numbers. Unknown commands are dropped.
var latexReplacements = map[string]string{
	"times": "x", "sim": "~", "approx": "~", "simeq": "~", "%": "%",
	"geq": ">=", "ge": ">=", "leq": "<=", "le": "<=", "cdot": " ", "mu": "u",
	"textbf": "", "textit": "", "emph": "", "mathrm": "", "text": "", "mathbf": "",
	",": " ", ";": " ", " ": " ", "$": "$", "&": "&", "_": "_",
}

// normalize repairs what PDF/LaTeX scraping does to numbers: "$\times$" and
// "×" become "x", "\sim", "∼" and the bare scrape residue "sim" before a
// digit become "~", LaTeX "~" used as a non-breaking space becomes a space,
// exotic dashes and spaces become ASCII, "$", "{" and "}" vanish.
func normalize(s string) *normText {
	nb := &normBuilder{}
	nb.start = make([]int32, 0, len(s)+8)
	nb.end = make([]int32, 0, len(s)+8)
	nb.b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '$' || c == '{' || c == '}':
			i++
			continue
		case c == '\\':
			j := i + 1
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			if j == i+1 && j < len(s) && j+1 <= len(s) {
				// "\%" and friends: a single escaped symbol.
				cmd := s[j : j+1]
				if r, ok := latexReplacements[cmd]; ok {
					nb.emit(r, i, j+1)
					i = j + 1
					continue
				}
				nb.emit(" ", i, i+1)
				i++
				continue
			}
			cmd := s[i+1 : j]
			r := latexReplacements[cmd]
			nb.emit(r, i, j)
			i = j
			continue
		case c == '~':
			// LaTeX non-breaking space ("e.g.~on") unless it approximates a number.
			if nextNonSpaceIsDigit(s, i+1) {
				nb.emit("~", i, i+1)
			} else {
				nb.emit(" ", i, i+1)
			}
			i++
			continue
		case c == 's' && strings.HasPrefix(s[i:], "sim") && (i == 0 || !isASCIILetter(s[i-1])) && nextNonSpaceIsDigit(s, i+3):
			// "2.36sim 8.02times", "sim500-billion": a "\sim" whose backslash was lost.
			nb.emit("~", i, i+3)
			i += 3
			continue
		case c < utf8.RuneSelf:
			nb.emit(s[i:i+1], i, i+1)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '×', '✕', '⨉':
			nb.emit("x", i, i+size)
		case '∼', '≈', '～', '˜', '≃':
			nb.emit("~", i, i+size)
		case '–', '—', '−', '‐', '‑', '‒':
			nb.emit("-", i, i+size)
		case '\u00a0', '\u2009', '\u202f', '\u2002', '\u2003', '\u2007', '\u200a':
			nb.emit(" ", i, i+size)
		case '’', '‘':
			nb.emit("'", i, i+size)
		case '“', '”':
			nb.emit("\"", i, i+size)
		case 'µ', 'μ':
			nb.emit("u", i, i+size)
		case '≥':
			nb.emit(">=", i, i+size)
		case '≤':
			nb.emit("<=", i, i+size)
		default:
			for k := range size {
				nb.emit(s[i+k:i+k+1], i+k, i+k+1)
			}
		}
		i += size
	}
	nb.start = append(nb.start, int32(len(s)))
	nb.end = append(nb.end, int32(len(s)))
	return &normText{s: nb.b.String(), start: nb.start, end: nb.end}
}

func nextNonSpaceIsDigit(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && isDigit(s[i])
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
