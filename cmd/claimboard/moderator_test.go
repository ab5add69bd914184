package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestModeratorCommands(t *testing.T) {
	env := map[string]string{"DATABASE_URL": filepath.Join(t.TempDir(), "m.db")}
	out, _, err := runCmd(t, env, "a long enough password\n", "moderator", "add", "alice")
	if err != nil || !strings.Contains(out, "added moderator alice") {
		t.Fatalf("add: %v\n%s", err, out)
	}
	if _, _, err := runCmd(t, env, "another long password\n", "moderator", "add", "alice"); err == nil || exitCode(err) != 1 {
		t.Fatalf("add twice: err = %v", err)
	}
	if _, _, err := runCmd(t, env, "short\n", "moderator", "add", "bob"); err == nil || !strings.Contains(err.Error(), "password") {
		t.Fatalf("short password: err = %v", err)
	}
	if _, _, err := runCmd(t, env, "", "moderator", "add", "bob"); err == nil || !strings.Contains(err.Error(), "no password") {
		t.Fatalf("empty stdin: err = %v", err)
	}
	out, _, err = runCmd(t, env, "", "moderator", "list")
	if err != nil || !strings.Contains(out, "alice") || strings.Contains(out, "bob") {
		t.Fatalf("list: %v\n%s", err, out)
	}
	if out, _, err = runCmd(t, env, "", "moderator", "remove", "alice"); err != nil || !strings.Contains(out, "removed") {
		t.Fatalf("remove: %v\n%s", err, out)
	}
	if _, _, err := runCmd(t, env, "", "moderator", "remove", "alice"); err == nil || !strings.Contains(err.Error(), "no moderator") {
		t.Fatalf("remove twice: err = %v", err)
	}
	// Weak passwords and look-alike names are refused, saying why.
	if _, _, err := runCmd(t, env, "a long enough password\n", "moderator", "add", "alice"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, password, why string }{
		{"bob", "aaaaaaaaaa", "one character repeated"},
		{"bob", "password12", "too common"},
		{"bob", "          ", "only whitespace"},
		{"\u0430lice", "a long enough password", `looks like the existing "alice"`},
	} {
		if _, _, err := runCmd(t, env, c.password+"\n", "moderator", "add", c.name); err == nil || !strings.Contains(err.Error(), c.why) {
			t.Errorf("add %q with %q: err = %v, want it to say %q", c.name, c.password, err, c.why)
		}
	}
	if out, _, err := runCmd(t, env, "a long enough password\n", "moderator", "add", "Carol"); err != nil || !strings.Contains(out, "added moderator carol") {
		t.Errorf("add Carol: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"moderator"}, {"moderator", "promote", "x"}, {"moderator", "add"}, {"moderator", "list", "extra"}, {"moderator", "add", "bad name!"}} {
		if _, _, err := runCmd(t, env, "pw\n", args...); err == nil || exitCode(err) != 2 {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}
