package models_test

import (
	"context"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// moderator add accepted "aaaaaaaaaa", "password12" and ten spaces.
func TestCheckPasswordRefusesWeakOnesAndSaysWhy(t *testing.T) {
	for pw, why := range map[string]string{
		"aaaaaaaaaa":                "one character repeated",
		"          ":                "only whitespace",
		"\t\t\t\t\t\t\t\t\t\t\t":    "only whitespace",
		"password12":                "too common",
		"Password123!":              "too common",
		"qwertyuiop":                "too common",
		"1234567890":                "too common",
		"lmnopqrstu":                "consecutive",
		"abcdefghijk":               "consecutive",
		"passwordpassword":          "too common",
		"abcabcabcabc":              "too common",
		"short":                     "at least 10",
		"alice12345":                "username",
		strings.Repeat("long ", 20): "at most 72",
	} {
		err := models.CheckPassword(pw, "alice")
		if err == nil || !strings.HasPrefix(err.Error(), "password: ") || !strings.Contains(err.Error(), why) {
			t.Errorf("CheckPassword(%q) = %v, want a refusal saying %q", pw, err, why)
		}
	}
	for _, pw := range []string{"a long test password", "correct horse battery staple", "Tr0ub4dor&3xq", "pässwörd-ünïcødé"} {
		if err := models.CheckPassword(pw, "alice"); err != nil {
			t.Errorf("CheckPassword(%q) = %v, want nil", pw, err)
		}
	}
}

func TestNormalizeUsername(t *testing.T) {
	for in, want := range map[string]string{"Alice": "alice", "ＡＬＩＣＥ": "alice", " bob ": "bob", "Straße": "strasse", "ﬁona": "fiona"} {
		if got := models.NormalizeUsername(in); got != want {
			t.Errorf("NormalizeUsername(%q) = %q, want %q", in, got, want)
		}
	}
}

// Names are stored normalised; a look-alike of an existing name (Cyrillic а,
// Greek ο, a digit for a letter) is refused; login takes any case.
func TestModeratorNamesAreNormalisedAndLookAlikesRefused(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		m, err := s.AddModerator(ctx, "Alice", "a long test password")
		if err != nil || m.Username != "alice" {
			t.Fatalf("add Alice = %+v, %v; want stored as alice", m, err)
		}
		for _, name := range []string{"ALICE", "ａｌｉｃｅ"} {
			if _, err := s.AddModerator(ctx, name, "a long test password"); models.ErrorCode(err) != models.EConflict || !strings.Contains(err.Error(), "already exists") {
				t.Errorf("add %q: err = %v, want a conflict with alice", name, err)
			}
		}
		for _, name := range []string{"\u0430lice", "Аlice", "alіce", "\u03b1lice", "a1ice", "al.ice"} {
			if _, err := s.AddModerator(ctx, name, "a long test password"); models.ErrorCode(err) != models.EConflict || !strings.Contains(err.Error(), `looks like the existing "alice"`) {
				t.Errorf("add %q: err = %v, want a look-alike refusal", name, err)
			}
		}
		if _, err := s.AddModerator(ctx, "bob", "password12"); models.ErrorCode(err) != models.EInvalid {
			t.Errorf("common password: err = %v", err)
		}
		if _, err := s.AddModerator(ctx, "алиса", "a long test password"); err != nil {
			t.Errorf("a Cyrillic name unlike any other: %v", err)
		}
		if got, err := s.Authenticate(ctx, "ALICE", "a long test password", "k"); err != nil || got.Username != "alice" {
			t.Errorf("login as ALICE = %v, %v", got, err)
		}
		ms, err := s.ListModerators(ctx)
		if err != nil || len(ms) != 2 {
			t.Fatalf("moderators = %+v, %v; want alice and алиса only", ms, err)
		}
		if err := s.RemoveModerator(ctx, "Alice"); err != nil {
			t.Errorf("remove Alice: %v", err)
		}
	})
}
