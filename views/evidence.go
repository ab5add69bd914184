package views

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Display cleaning of abstract text. Sources strip LaTeX unevenly: some keep
// "$10\sim100\times$", others leave "10sim100times". The page shows plain
// text; the stored evidence and its offsets are never changed.
var (
	latexCmd = strings.NewReplacer(
		`\times`, "×", `\sim`, "~", `\approx`, "≈", `\le`, "≤", `\ge`, "≥", `\pm`, "±",
		`\%`, "%", `\&`, "&", `\,`, " ", `\;`, " ", `\!`, "",
	)
	// Stripped commands glued to numbers: "13.7times", "10sim100".
	gluedTimes = regexp.MustCompile(`(\d)times\b`)
	gluedSim   = regexp.MustCompile(`(\d)\s?sim\s?(\d)`)
	// Leftover markup: $...$, \( \) \[ \] and braces ("2^{10}" reads 2^10).
	mathDelims = regexp.MustCompile(`\$|\\[()\[\]]|[{}]`)
	otherCmd   = regexp.MustCompile(`\\(?:mathrm|text|textbf|mathbf|emph|mathit)\b`)
	spaces     = regexp.MustCompile(`\s+`)
)

// CleanText returns abstract text as a reader should see it: LaTeX residue
// turned into the symbols it meant, whitespace collapsed.
func CleanText(s string) string {
	if plainText(s) {
		// Most text has no markup and single spaces: the regexps below
		// were a third of an uncached leaderboard's CPU (issue 17).
		return s
	}
	return cleanTextSlow(s)
}

// cleanTextSlow is CleanText without its shortcut, for the test that keeps
// the shortcut honest.
func cleanTextSlow(s string) string {
	s = latexCmd.Replace(s)
	s = otherCmd.ReplaceAllString(s, "")
	s = gluedSim.ReplaceAllString(s, "$1–$2")
	s = gluedTimes.ReplaceAllString(s, "$1×")
	s = mathDelims.ReplaceAllString(s, "")
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// plainText reports whether CleanText would return s unchanged: no LaTeX
// residue (no backslash, dollar or brace, no "times" or "sim" after a
// digit), and no whitespace but single spaces between words.
func plainText(s string) bool {
	if s == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false // TrimSpace would cut it
	}
	for i := 0; i < len(s); i++ {
		switch b := s[i]; b {
		case '\\', '$', '{', '}', '\t', '\n', '\r', '\v', '\f':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		case 't', 's':
			if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
				return false
			}
		}
	}
	// "10 sim 100" (a space either side of sim) also joins.
	return !strings.Contains(s, " sim")
}

// maxContext bounds the clause shown around a claim's evidence, in runes.
const maxContext = 280

// EvidenceContext returns the clause of abstract around evidence
// [start, end): from the sentence's start (or the previous ';') to its end,
// clipped with "…" when long, cleaned for display. When the offsets do not
// point into abstract it falls back to the evidence itself.
func EvidenceContext(abstract string, start, end int, evidence string) string {
	if start < 0 || end > len(abstract) || start >= end || !utf8.ValidString(abstract) {
		return CleanText(evidence)
	}
	from := start
	for from > 0 {
		if i := boundaryBefore(abstract, from); i >= 0 {
			from = i
			break
		}
		from = 0
	}
	to := end
	if i := boundaryAfter(abstract, end); i >= 0 {
		to = i
	} else {
		to = len(abstract)
	}
	text := abstract[from:to]
	prefix, suffix := "", ""
	if r := []rune(text); len(r) > maxContext {
		// Keep the evidence in view: centre the window on it.
		evFrom := utf8.RuneCountInString(abstract[from:start])
		evLen := utf8.RuneCountInString(abstract[start:end])
		lo := max(0, evFrom-(maxContext-evLen)/2)
		hi := min(len(r), lo+maxContext)
		lo = max(0, hi-maxContext)
		if lo > 0 {
			prefix = "…"
		}
		if hi < len(r) {
			suffix = "…"
		}
		text = string(r[lo:hi])
	}
	return prefix + CleanText(text) + suffix
}

// boundaryBefore finds where the clause holding position i starts: just
// after the last sentence end or ';' before i, or -1 if there is none.
func boundaryBefore(s string, i int) int {
	for j := i - 1; j > 0; j-- {
		switch s[j] {
		case ';':
			return j + 1
		case '.', '!', '?':
			if j+1 < len(s) && s[j+1] == ' ' && sentenceEnd(s, j) {
				return j + 2
			}
		}
	}
	return -1
}

// boundaryAfter finds where the clause holding position i ends, or -1.
func boundaryAfter(s string, i int) int {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case ';':
			return j
		case '.', '!', '?':
			if (j+1 == len(s) || s[j+1] == ' ') && sentenceEnd(s, j) {
				return j + 1
			}
		}
	}
	return -1
}

// notSentenceEnds are abbreviations a period follows inside a sentence.
var notSentenceEnds = map[string]bool{
	"e.g": true, "i.e": true, "fig": true, "figs": true, "res": true, "eq": true, "eqs": true,
	"et al": true, "al": true, "vs": true, "approx": true, "ref": true, "sec": true, "tab": true,
	"no": true, "resp": true, "cf": true,
}

// sentenceEnd reports whether the punctuation at j ends a sentence: not a
// decimal point or an abbreviation.
func sentenceEnd(s string, j int) bool {
	if s[j] != '.' {
		return true
	}
	if j+2 < len(s) && s[j+1] == ' ' {
		if r, _ := utf8.DecodeRuneInString(s[j+2:]); unicode.IsLower(r) || unicode.IsDigit(r) {
			return false // "e.g. data parallelism", "res. 4K"
		}
	}
	w := j
	for w > 0 && (unicode.IsLetter(rune(s[w-1])) || s[w-1] == '.') {
		w--
	}
	word := strings.ToLower(s[w:j])
	return !notSentenceEnds[word]
}

// SentenceAround splits the sentence holding abstract[start:end] into the
// text before the evidence, the evidence and the text after it, each cleaned
// for display. Periods of abbreviations ("e.g.", "Fig. 2", "res. 4K") and
// decimals do not end the sentence.
func SentenceAround(abstract string, start, end int) (before, evidence, after string) {
	if start < 0 || end > len(abstract) || start > end || !utf8.ValidString(abstract) {
		return "", "", ""
	}
	from := sentenceStart(abstract, start)
	to := len(abstract)
	for j := end; j < len(abstract); j++ {
		if c := abstract[j]; (c == '.' || c == '!' || c == '?') && (j+1 == len(abstract) || abstract[j+1] == ' ') && sentenceEnd(abstract, j) {
			to = j + 1
			break
		}
	}
	return strings.TrimLeft(CleanFragment(abstract[from:start]), " "),
		CleanFragment(abstract[start:end]),
		strings.TrimRight(CleanFragment(abstract[end:to]), " ")
}

func sentenceStart(s string, i int) int {
	for j := i - 1; j > 0; j-- {
		if c := s[j]; (c == '.' || c == '!' || c == '?') && j+1 < len(s) && s[j+1] == ' ' && sentenceEnd(s, j) {
			return j + 2
		}
	}
	return 0
}

// CleanFragment is CleanText for a piece of a sentence: the spaces at its
// ends join it to its neighbours, so they stay (collapsed to one).
func CleanFragment(s string) string {
	lead := strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\n")
	trail := strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\n")
	out := CleanText(s)
	if lead && out != "" {
		out = " " + out
	}
	if trail && out != "" {
		out += " "
	}
	if out == "" && (lead || trail) {
		return " "
	}
	return out
}
