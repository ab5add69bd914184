package extract

import (
	"regexp"
	"strings"
)

// sentView is a sentence as the setting readers see it: as written, in
// ASCII lower case, and whether the abstract holds a character that a
// case-blind pattern folds to an ASCII letter (the Kelvin sign is "k", the
// long s is "s"). The gates below test the lower-cased text for words a
// pattern cannot match without, so a pattern runs only where it may match;
// after such a character every gate passes, as the gates cannot see it.
type sentView struct {
	raw, low string
	odd      bool
}

// oddFold reports a character a (?i) pattern matches as an ASCII letter
// although ASCII lower-casing leaves it alone.
func oddFold(a string) bool {
	return strings.Contains(a, "\u212a") || strings.Contains(a, "\u017f")
}

// has reports any of subs in the lower-cased sentence.
func (v sentView) has(subs ...string) bool {
	if v.odd {
		return true
	}
	for _, x := range subs {
		if strings.Contains(v.low, x) {
			return true
		}
	}
	return false
}

// after reports w followed by a digit in the lower-cased sentence ("fp16").
func (v sentView) after(w string) bool {
	return v.odd || afterWord(v.low, w)
}

// hasDigit reports an ASCII digit in the sentence.
func (v sentView) hasDigit() bool {
	for i := 0; i < len(v.raw); i++ {
		if isDigit(v.raw[i]) {
			return true
		}
	}
	return false
}

// isSpaceRE is the \s of the patterns: [\t\n\f\r ].
func isSpaceRE(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// digitSpaceThen reports a digit followed by whitespace (at most one when
// one is set, any amount otherwise) and then a byte of set, or "×" when
// times is set: the shape of "512 x 512" and "7B".
func digitSpaceThen(s, set string, one, times bool) bool {
	for i := 0; i+1 < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i + 1
		for j < len(s) && isSpaceRE(s[j]) && (!one || j == i+1) {
			j++
		}
		if j < len(s) && (strings.IndexByte(set, s[j]) >= 0 || times && j+1 < len(s) && s[j] == 0xc3 && s[j+1] == 0x97) {
			return true
		}
	}
	return false
}

// gated runs re over sent when ok, the gate that must pass for re to match.
func gated(ok bool, re *regexp.Regexp, sent string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(sent, -1)
}
