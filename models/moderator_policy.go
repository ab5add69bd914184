package models

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NormalizeUsername is the form a moderator name is stored, looked up and
// compared in: NFKC (full-width and ligature forms become plain letters) and
// case-folded, so "Alice", "ALICE" and "Ａｌｉｃｅ" are one account.
func NormalizeUsername(name string) string {
	name = strings.ToValidUTF8(strings.TrimSpace(name), "\uFFFD")
	return norm.NFKC.String(cases.Fold().String(norm.NFKC.String(name)))
}

// confusables maps Cyrillic and Greek letters (and two digits) that look like
// Latin ones to the Latin letter, after case folding: enough to refuse
// "аlice" with a Cyrillic а beside "alice". Unicode's full confusables table
// (UTS #39) is far larger; moderator names are few and made by hand.
var confusables = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'ԁ': 'd', 'е': 'e', 'ё': 'e', 'һ': 'h', 'н': 'h', 'і': 'i', 'ї': 'i', 'ј': 'j',
	'к': 'k', 'ӏ': 'l', 'м': 'm', 'п': 'n', 'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'т': 't',
	'ѵ': 'v', 'ԝ': 'w', 'х': 'x', 'у': 'y', 'ү': 'y', 'с': 'c',
	// Greek
	'α': 'a', 'β': 'b', 'ϲ': 'c', 'ε': 'e', 'η': 'n', 'ι': 'i', 'ϳ': 'j', 'κ': 'k', 'μ': 'u', 'ν': 'v',
	'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'γ': 'y', 'ω': 'w', 'ζ': 'z',
	// Latin and digits that pass for other letters
	'ı': 'i', 'ɡ': 'g', '0': 'o', '1': 'l',
}

// usernameSkeleton is what a name looks like: two names with the same
// skeleton are told apart by nobody reading a moderation record.
func usernameSkeleton(name string) string {
	var b strings.Builder
	for _, r := range NormalizeUsername(name) {
		if l, ok := confusables[r]; ok {
			r = l
		}
		if r == '_' || r == '-' || r == '.' {
			continue // "al.ice" and "al-ice" read alike too
		}
		b.WriteRune(r)
	}
	return b.String()
}

// commonPasswords are passwords (and bases that people pad with digits and
// symbols, as in "password12") that guessing lists try first. A small list
// on purpose: with bcrypt and the login throttle, what matters is refusing
// the first guesses.
var commonPasswords = map[string]bool{}

func init() {
	for _, p := range strings.Fields(`
		password passw0rd p@ssword p@ssw0rd pass passwd secret letmein welcome welcome1 admin administrator
		root toor login qwerty qwertz azerty qwertyuiop asdfghjkl zxcvbnm qazwsx 1qaz2wsx iloveyou
		monkey dragon master shadow sunshine princess football baseball soccer hockey superman batman
		trustno1 starwars whatever freedom changeme default guest test tester testing abc abcd abcdef
		abcdefg abcdefgh 123456 1234567 12345678 123456789 1234567890 0123456789 987654321 9876543210
		111111 000000 123123 654321 666666 121212 112233 11223344 123321 1q2w3e4r 1q2w3e4r5t qwerty123
		mypassword yourpassword mysecret ilovemom ilovegod jesus michael jennifer jordan hunter ranger
		buster thomas charlie robert daniel computer internet google facebook linkedin microsoft apple
		samsung killer pokemon naruto minecraft cheese cookie chocolate summer winter spring autumn
		moderator moderation claimboard claimboard1 research science paper papers arxiv
	`) {
		commonPasswords[p] = true
	}
}

// CheckPassword reports why password may not be a moderator's, or nil:
// too short or long, only whitespace, one character repeated, a run like
// "abcdefghij", a common password or one padded with digits, or the
// username itself.
func CheckPassword(password, username string) error {
	switch {
	case strings.TrimSpace(password) == "":
		return FieldErrorf("password", "is only whitespace")
	case utf8.RuneCountInString(password) < MinPasswordLength:
		return FieldErrorf("password", "must be at least %d characters", MinPasswordLength)
	case len(password) > maxPasswordBytes:
		return FieldErrorf("password", "must be at most %d bytes", maxPasswordBytes)
	case !utf8.ValidString(password):
		return FieldErrorf("password", "is not valid UTF-8")
	}
	lower := strings.ToLower(password)
	if r, _ := utf8.DecodeRuneInString(lower); strings.Trim(lower, string(r)) == "" {
		return FieldErrorf("password", "is one character repeated")
	}
	if isRun(lower) {
		return FieldErrorf("password", "is a run of consecutive characters")
	}
	folded := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, lower)
	base := strings.TrimLeft(strings.TrimRight(folded, "0123456789!@#$%^&*?.,_-+=~"), "0123456789!@#$%^&*?.,_-+=~")
	if commonPasswords[folded] || commonPasswords[base] || repeats(folded) {
		return FieldErrorf("password", "is too common: it is among the first that guessers try")
	}
	if u := NormalizeUsername(username); u != "" && (folded == u || base == u) {
		return FieldErrorf("password", "must not be the username")
	}
	return nil
}

// isRun reports "abcdefghij", "1234567890", "9876543210" and the like.
func isRun(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 {
		return false
	}
	step := rs[1] - rs[0]
	if step != 1 && step != -1 {
		return false
	}
	for i := 2; i < len(rs); i++ {
		if rs[i]-rs[i-1] != step {
			return false
		}
	}
	return true
}

// repeats reports a short common password said again and again
// ("passwordpassword", "123123123123", "abcabcabcabc").
func repeats(s string) bool {
	for n := 1; n <= len(s)/2; n++ {
		if len(s)%n != 0 {
			continue
		}
		unit := s[:n]
		if strings.Repeat(unit, len(s)/n) == s && (n <= 3 || commonPasswords[unit]) {
			return true
		}
	}
	return false
}
