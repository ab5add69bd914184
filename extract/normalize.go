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
	if n.start == nil {
		// Nothing was repaired: offsets are the same.
		return max(a, 0), max(min(b, len(n.s)), max(a, 0))
	}
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
	lastTimes  bool
	lastSuper  bool
	// lastSym is "%" or "~" when that was the last byte written, so the
	// same sign scraped twice ("10%\%", "similar-to\sim") is written once.
	lastSym byte
	// timesNum is the number right before the last times sign and timesAt
	// the output length after that sign: math rendered twice or three
	// times ("2.28×2.28\times2.28 ×") repeats the number after the sign.
	timesNum string
	timesAt  int
}

// emitOnce writes a "%" or "~" unless the same sign was just written, in
// which case the previous one grows to cover this source too.
func (nb *normBuilder) emitOnce(sym string, from, to int) {
	if nb.lastSym == sym[0] && len(nb.end) > 0 {
		nb.end[len(nb.end)-1] = int32(to)
		return
	}
	nb.emit(sym, from, to)
}

// repeatedNumber reports the length of a number at s[i:] that only repeats
// the number before the times sign just written and is itself followed by
// a times sign: the second and third renderings of one piece of math.
func (nb *normBuilder) repeatedNumber(s string, i int) int {
	if nb.timesNum == "" || !strings.HasPrefix(s[i:], nb.timesNum) {
		return 0
	}
	out := nb.b.String()
	if nb.timesAt > len(out) || strings.Trim(out[nb.timesAt:], " ") != "" {
		return 0
	}
	j := i + len(nb.timesNum)
	if j < len(s) && (isDigit(s[j]) || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1])) {
		return 0
	}
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == '$' || s[k] == '{') {
		k++
	}
	r := s[k:]
	if strings.HasPrefix(r, "×") || strings.HasPrefix(r, "\\times") || strings.HasPrefix(r, "\\texttimes") {
		// The spaces go too, so the sign after them merges with the one written.
		return k - i
	}
	return 0
}

// emitTimes writes the factor sign once: "10-20×\times" (the same sign
// scraped twice) must not become "xx".
func (nb *normBuilder) emitTimes(from, to int) {
	if nb.lastTimes {
		// Extend the previous sign's source span instead of writing another.
		nb.end[len(nb.end)-1] = int32(to)
		return
	}
	out := nb.b.String()
	if nb.timesAt > 0 && nb.timesAt <= len(out) && strings.Trim(out[nb.timesAt:], " ") == "" && nb.timesAt-1 < len(nb.end) {
		// "1.51 × ×": a sign shown again after a space.
		nb.end[nb.timesAt-1] = int32(to)
		return
	}
	e := len(out)
	for e > 0 && out[e-1] == ' ' {
		e--
	}
	b := e
	for b > 0 && (isDigit(out[b-1]) || out[b-1] == '.' || out[b-1] == ',') {
		b--
	}
	nb.timesNum = out[b:e]
	nb.emit("x", from, to)
	nb.lastTimes = true
	nb.timesAt = nb.b.Len()
}

func (nb *normBuilder) emit(out string, from, to int) {
	if out != "" {
		nb.lastTimes = false
		nb.lastSuper = false
		nb.lastSym = 0
		if out == "%" || out == "~" {
			nb.lastSym = out[0]
		}
	}
	nb.b.WriteString(out)
	for range len(out) {
		nb.start = append(nb.start, int32(from))
		nb.end = append(nb.end, int32(to))
	}
}

// latexReplacements are the LaTeX commands that survive in scraped abstracts
// and carry meaning for numbers. Unknown commands are dropped.
var latexReplacements = map[string]string{
	"times": "x", "texttimes": "x", "sim": "~", "approx": "~", "simeq": "~", "%": "%",
	"textasciitilde": "~", "textendash": "-", "textemdash": "-",
	"geq": ">=", "ge": ">=", "leq": "<=", "le": "<=", "cdot": " ", "mu": "u",
	"textbf": "", "textit": "", "emph": "", "mathrm": "", "text": "", "mathbf": "",
	",": " ", ";": " ", " ": " ", "$": "$", "&": "&", "_": "_",
}

const superDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

var htmlEntities = map[string]string{
	"times": "x", "#215": "x", "#xd7": "x", "#xD7": "x", "sim": "~", "#8764": "~", "asymp": "~", "#8776": "~",
	"nbsp": " ", "#160": " ", "thinsp": " ", "ndash": "-", "mdash": "-", "minus": "-", "#8211": "-",
	"ge": ">=", "le": "<=", "gt": ">", "lt": "<", "amp": "&", "micro": "u", "mu": "u", "percnt": "%",
}

// normalize repairs what PDF/LaTeX scraping does to numbers: "$\times$" and
// "×" become "x", "\sim", "∼" and the bare scrape residue "sim" before a
// digit become "~", LaTeX "~" used as a non-breaking space becomes a space,
// exotic dashes and spaces become ASCII, "$", "{" and "}" vanish.
func normalize(s string) *normText {
	if clean(s) {
		return &normText{s: s}
	}
	nb := &normBuilder{}
	nb.start = make([]int32, 0, len(s)+8)
	nb.end = make([]int32, 0, len(s)+8)
	nb.b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '$' || c == '{' || c == '}':
			// Dropped, but a closing "$" or "}" stays with the byte before it so
			// a figure's Text reads "5.2$\times$", not "5.2$\times".
			if n := len(nb.end); n > 0 && int(nb.end[n-1]) == i && (i+1 == len(s) || !isASCIILetter(s[i+1]) && !isDigit(s[i+1])) {
				nb.end[n-1] = int32(i + 1)
			}
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
					if r == "%" {
						nb.emitOnce(r, i, j+1)
						i = j + 1
						continue
					}
					nb.emit(r, i, j+1)
					i = j + 1
					continue
				}
				nb.emit(" ", i, i+1)
				i++
				continue
			}
			cmd := s[i+1 : j]
			if cmd == "times" || cmd == "texttimes" {
				nb.emitTimes(i, j)
				i = j
				continue
			}
			r := latexReplacements[cmd]
			if r == "~" {
				nb.emitOnce(r, i, j)
				i = j
				continue
			}
			nb.emit(r, i, j)
			i = j
			continue
		case c == ':' && colonDecimal(s, i):
			// "0:44 seconds", "4:8 GB": a decimal point the scrape read as a colon.
			nb.emit(".", i, i+1)
			i++
			continue
		case c == ' ' && i > 0 && ligatureEnds[s[i-1]] && ligatureGap(s, i) != "":
			// "ef ciency", "of oad": a ligature the PDF text lost.
			nb.emit(ligatureGap(s, i), i, i+1)
			i++
			continue
		case c == 'b' && gluedBy(s, i):
			// "trainingby up to 5.5": the space before "by" was lost.
			nb.emit(" ", i, i+1)
			nb.emit("b", i, i+1)
			i++
			continue
		case c == '-' && lineBreakHyphen(s, i):
			// "mil- liseconds", "Sum- mitDev": a word the PDF broke at a line end.
			i += 2
			continue
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			// LaTeX "--" and "---" are dashes: "2.5x--3x" is a range.
			j := i
			for j < len(s) && s[j] == '-' {
				j++
			}
			nb.emit("-", i, j)
			i = j
			continue
		case c == '&':
			// HTML entities from scraped pages: "3&times;", "&sim;5".
			if k := strings.IndexByte(s[i:min(len(s), i+10)], ';'); k > 1 {
				if r, ok := htmlEntities[s[i+1:i+k]]; ok {
					if r == "x" {
						nb.emitTimes(i, i+k+1)
					} else {
						nb.emit(r, i, i+k+1)
					}
					i += k + 1
					continue
				}
			}
			nb.emit("&", i, i+1)
			i++
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
		case c == 'i' && strings.HasPrefix(s[i:], "imes") && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || isDigit(s[i-1])) && (i+4 == len(s) || !isASCIILetter(s[i+4])) && prevNonSpaceIsDigit(s, i):
			// "6.71 imes": "\times" whose "\t" was read as a tab.
			nb.emitTimes(i, i+4)
			i += 4
			continue
		case isDigit(c) && (i == 0 || !isDigit(s[i-1]) && s[i-1] != '.') && nb.repeatedNumber(s, i) > 0:
			// "1.3×1.3\times": the LaTeX source of a number already shown.
			i += nb.repeatedNumber(s, i)
			continue
		case c == 's' && strings.HasPrefix(s[i:], "similar-to") && (i+10 < len(s) && (s[i+10] == '\\' || isDigit(s[i+10]))):
			// "10%similar-to\sim21%": MathML's spoken name of "∼".
			nb.emitOnce("~", i, i+10)
			i += 10
			continue
		case c == 'p' && nb.lastSym == '%' && strings.HasPrefix(s[i:], "percent") && (i+7 == len(s) || !isASCIILetter(s[i+7])):
			// "90 %percent\%": the spoken name of a "%" just written.
			nb.end[len(nb.end)-1] = int32(i + 7)
			i += 7
			continue
		case c == '*':
			j := i
			for j < len(s) && s[j] == '*' {
				j++
			}
			if j-i == 1 && i > 0 && isDigit(s[i-1]) && (j == len(s) || !isDigit(s[j])) {
				// "up to 3.1* speedup": a times sign that lost its shape.
				nb.emitTimes(i, j)
			} else if j-i > 1 || i > 0 && s[i-1] != ' ' || j < len(s) && s[j] != ' ' {
				// Markdown emphasis ("**12x**", "*fast*") carries no meaning;
				// the bytes stay with their neighbour so evidence keeps them.
				if n := len(nb.end); n > 0 && int(nb.end[n-1]) == i {
					nb.end[n-1] = int32(j)
				}
			} else {
				nb.emit(s[i:j], i, j)
			}
			i = j
			continue
		case c < utf8.RuneSelf:
			nb.emit(s[i:i+1], i, i+1)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if d := strings.IndexRune(superDigits, r); d >= 0 {
			// "3.5×10⁹": superscript digits are an exponent.
			out := string(rune('0' + utf8.RuneCountInString(superDigits[:d])))
			if !nb.lastSuper {
				out = "^" + out
			}
			nb.emit(out, i, i+size)
			nb.lastSuper = true
			i += size
			continue
		}
		switch r {
		case '×', '✕', '⨉':
			nb.emitTimes(i, i+size)
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

func prevNonSpaceIsDigit(s string, i int) bool {
	i--
	for i >= 0 && (s[i] == ' ' || s[i] == '\t') {
		i--
	}
	return i >= 0 && isDigit(s[i])
}

// clean reports text that normalize would copy unchanged, so the common
// case skips building an offset map.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '$', c == '{', c == '}', c == '\\', c == '~', c == '&', c == '*':
			return false
		case c == '-' && i+1 < len(s) && s[i+1] == '-', c == '-' && lineBreakHyphen(s, i):
			return false
		case c == ':' && colonDecimal(s, i), c == ' ' && i > 0 && ligatureEnds[s[i-1]] && ligatureGap(s, i) != "", c == 'b' && gluedBy(s, i):
			return false
		case c == 's' && strings.HasPrefix(s[i:], "sim") && (i == 0 || !isASCIILetter(s[i-1])) && nextNonSpaceIsDigit(s, i+3):
			return false
		case c == 's' && strings.HasPrefix(s[i:], "similar-to"), c == '%' && strings.HasPrefix(s[i+1:], "percent"):
			return false
		case c == 'i' && strings.HasPrefix(s[i:], "imes") && i > 0 && (i+4 == len(s) || !isASCIILetter(s[i+4])) && prevNonSpaceIsDigit(s, i):
			return false
		}
	}
	return true
}

// lineBreakHyphen reports "- " at s[i] inside a word broken across lines
// ("mil- liseconds"): a letter before, a lower-case letter after. A shared
// prefix ("CPU- and GPU-based", "pre- or post-", "single- to multi-node")
// is English, not damage.
func lineBreakHyphen(s string, i int) bool {
	if i == 0 || i+2 >= len(s) || s[i+1] != ' ' || !isASCIILetter(s[i-1]) || s[i+2] < 'a' || s[i+2] > 'z' {
		return false
	}
	j := i + 2
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	switch s[i+2 : j] {
	case "and", "or", "to", "nor", "as", "vs", "versus", "than", "through", "via", "then", "but":
		return false
	}
	return true
}
