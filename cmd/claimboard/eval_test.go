package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeEvalFixture(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunEvalReportsScores(t *testing.T) {
	dir := t.TempDir()
	gold := writeEvalFixture(t, dir, "x-gold.jsonl", `{"title":"P","claims":[{"metric":"speedup","value":3,"value_high":null,"unit":"x","qualifier":null,"hardware":null,"hardware_count":null,"baseline":"cuDNN","subject":null,"condition":null,"evidence":"3x faster than cuDNN"}]}`+"\n")
	writeEvalFixture(t, dir, "x-corpus.jsonl", `{"title":"P","abstract":"Our kernel is 3x faster than cuDNN. We also render at 60 FPS."}`+"\n")
	var out, errb bytes.Buffer
	// --corpus defaults to the gold file's sibling.
	if err := runEval(context.Background(), []string{"--gold", gold, "--errors"}, &out, &errb); err != nil {
		t.Fatalf("runEval: %v (%s)", err, errb.String())
	}
	for _, want := range []string{"strict      P=0.500 R=1.000 F1=0.667", "baseline", "FP   fps 60"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunEvalUsageAndInputErrors(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	err := runEval(context.Background(), nil, &out, &errb)
	var ue usageError
	if !errors.As(err, &ue) {
		t.Errorf("missing --gold: err = %#v, want usageError", err)
	}
	err = runEval(context.Background(), []string{"--bogus"}, &out, &errb)
	if !errors.As(err, &ue) {
		t.Errorf("unknown flag: err = %#v, want usageError", err)
	}
	bad := writeEvalFixture(t, dir, "bad.jsonl", "{\"title\":\"P\",\"claims\":[]}\nnot json\n")
	corpus := writeEvalFixture(t, dir, "c.jsonl", `{"title":"P","abstract":"x"}`+"\n")
	err = runEval(context.Background(), []string{"--gold", bad, "--corpus", corpus}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), bad+":2") {
		t.Errorf("bad gold: err = %v, want file:line", err)
	}
	err = runEval(context.Background(), []string{"--gold", filepath.Join(dir, "missing.jsonl"), "--corpus", corpus}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("missing file: err = %v", err)
	}
}
