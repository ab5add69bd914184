package extract

import (
	"regexp"
	"strings"
)

// sentView is a sentence as the setting readers see it: as written, in
// ASCII lower case, and whether the abstract holds a character that a
// case-blind pattern folds to an ASCII letter (the Kelvin sign is "k", the
// long s is "s"; see oddFold). The gates below test the lower-cased text for words a
// pattern cannot match without, so a pattern runs only where it may match;
// after such a character every gate passes, as the gates cannot see it.
type sentView struct {
	raw, low string
	odd      bool
	words    *[][2]int // a buffer for nameWords, kept across sentences
}

// oddFold reports a character a (?i) pattern matches as an ASCII letter, or
// strings.ToLower turns into one ("\u0130" is "i"), although ASCII
// lower-casing leaves it alone.
func oddFold(a string) bool {
	return strings.Contains(a, "\u212a") || strings.Contains(a, "\u017f") || strings.Contains(a, "\u0130")
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

// readers are the setting readers, each behind a cheap test of the
// lower-cased sentence that must pass for the reader to find anything: the
// patterns are costly and most sentences state no setting.
var readers = []struct {
	gate func(lower string) bool
	read func(sentView) []span
}{
	{func(l string) bool {
		return afterWord(l, "fp") || afterWord(l, "int") || containsAny(l, []string{"bf16", "tf32", "float", "precision", "bit", "w4a", "w8a", "w16a", "e4m3", "e5m2", "binary", "ternary"})
	}, readPrecision},
	{func(l string) bool { return containsAny(l, []string{"batch", "bs=", "bs =", "bsz"}) }, readBatch},
	{func(l string) bool {
		return digitThen(l, "x\u00d7*\\") || containsAny(l, []string{"0p", "2k", "4k", "8k", "hd"})
	}, readResolution},
	{func(l string) bool {
		return containsAny(l, []string{"token", "context", "sequence", "length", "prompt", "input", "ctx"})
	}, readSeqLen},
	{func(l string) bool { return digitThen(l, "bmt") || strings.Contains(l, "illion") }, readModelSize},
}

// afterWord reports w followed by a digit somewhere in l ("fp16", "int8").
func afterWord(l, w string) bool {
	for i := 0; ; {
		k := strings.Index(l[i:], w)
		if k < 0 {
			return false
		}
		i += k + len(w)
		if i < len(l) && isDigit(l[i]) {
			return true
		}
	}
}

// digitThen reports a digit followed, after at most one space, by one of
// the bytes of set ("7b", "512 x", "4096\\times").
func digitThen(l, set string) bool {
	for i := 0; i+1 < len(l); i++ {
		if !isDigit(l[i]) {
			continue
		}
		j := i + 1
		if l[j] == ' ' && j+1 < len(l) {
			j++
		}
		if strings.IndexByte(set, l[j]) >= 0 || l[j] == 0xc3 && j+1 < len(l) && l[j+1] == 0x97 && strings.Contains(set, "\u00d7") {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// readerMask is the readers' gates in one pass over the lower-cased
// sentence: bit r is set when readers[r].gate(l) holds. Each gate alone
// scans the sentence once per word it looks for; most sentences pass few.
func readerMask(l string) uint8 {
	const prec, batch, res, seq, size = 1 << 0, 1 << 1, 1 << 2, 1 << 3, 1 << 4
	var m uint8
	for i := 0; i < len(l); i++ {
		if !maskStarts[l[i]] {
			continue
		}
		r := l[i:]
		switch l[i] {
		case 'f':
			if digitAfter(r, "fp") || pre(r, "float") {
				m |= prec
			}
		case 'i':
			if digitAfter(r, "int") {
				m |= prec
			}
			if pre(r, "input") {
				m |= seq
			}
			if pre(r, "illion") {
				m |= size
			}
		case 'b':
			if pre(r, "bf16", "bit", "binary") {
				m |= prec
			}
			if pre(r, "batch", "bs=", "bs =", "bsz") {
				m |= batch
			}
		case 't':
			if pre(r, "tf32", "ternary") {
				m |= prec
			}
			if pre(r, "token") {
				m |= seq
			}
		case 'p':
			if pre(r, "precision") {
				m |= prec
			}
			if pre(r, "prompt") {
				m |= seq
			}
		case 'w':
			if pre(r, "w4a", "w8a", "w16a") {
				m |= prec
			}
		case 'e':
			if pre(r, "e4m3", "e5m2") {
				m |= prec
			}
		case 'c':
			if pre(r, "context", "ctx") {
				m |= seq
			}
		case 's':
			if pre(r, "sequence") {
				m |= seq
			}
		case 'l':
			if pre(r, "length") {
				m |= seq
			}
		case 'h':
			if pre(r, "hd") {
				m |= res
			}
		case '0':
			if pre(r, "0p") {
				m |= res
			}
		case '2', '4', '8':
			if len(r) > 1 && r[1] == 'k' {
				m |= res
			}
		}
		if isDigit(l[i]) && i+1 < len(l) {
			j := i + 1
			if l[j] == ' ' && j+1 < len(l) {
				j++
			}
			if strings.IndexByte("x\u00d7*\\", l[j]) >= 0 {
				m |= res
			}
			if strings.IndexByte("bmt", l[j]) >= 0 {
				m |= size
			}
		}
	}
	return m
}

// maskStarts are the bytes a word of readerMask starts with.
var maskStarts = func() (t [256]bool) {
	for _, c := range []byte("fibtpwecslh0123456789") {
		t[c] = true
	}
	return t
}()

// pre reports r starting with any of ws.
func pre(r string, ws ...string) bool {
	for _, w := range ws {
		if strings.HasPrefix(r, w) {
			return true
		}
	}
	return false
}

// digitAfter reports r starting with w and a digit.
func digitAfter(r, w string) bool {
	return strings.HasPrefix(r, w) && len(w) < len(r) && isDigit(r[len(w)])
}
