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

// Several sets are reported one by one and then in a total that sums them.
func TestRunEvalSeveralSetsAndDirectory(t *testing.T) {
	dir := t.TempDir()
	goldA := writeEvalFixture(t, dir, "a-gold.jsonl", `{"title":"P","claims":[{"metric":"speedup","value":3,"value_high":null,"unit":"x","qualifier":null,"hardware":null,"hardware_count":null,"baseline":"cuDNN","subject":"kernel","condition":null,"evidence":"3x faster than cuDNN"}]}`+"\n")
	corpusA := writeEvalFixture(t, dir, "a-corpus.jsonl", `{"title":"P","abstract":"Our kernel is 3x faster than cuDNN."}`+"\n")
	goldB := writeEvalFixture(t, dir, "b-gold.jsonl", `{"title":"Q","claims":[{"metric":"fps","value":60,"value_high":null,"unit":"FPS","qualifier":null,"hardware":null,"hardware_count":null,"baseline":null,"subject":"rendering","condition":null,"evidence":"60 FPS"}]}`+"\n")
	corpusB := writeEvalFixture(t, dir, "b-text.jsonl", `{"title":"Q","abstract":"We render at 60 FPS and train in 2 hours."}`+"\n")
	var out, errb bytes.Buffer
	if err := runEval(context.Background(), []string{"--gold", goldA, "--corpus", corpusA, "--gold", goldB, "--corpus", corpusB}, &out, &errb); err != nil {
		t.Fatalf("runEval: %v (%s)", err, errb.String())
	}
	for _, want := range []string{"== a\n", "== b\n", "== total of 2 sets\npapers 2, gold claims 2, predicted claims 3",
		"strict      P=0.667 R=1.000 F1=0.800", "subject overlap"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	// A directory stands for its gold files with sibling corpora: b-gold has
	// none (its corpus is b-text), so only set a is found.
	out.Reset()
	if err := runEval(context.Background(), []string{dir}, &out, &errb); err != nil {
		t.Fatalf("runEval dir: %v (%s)", err, errb.String())
	}
	if got := out.String(); !strings.HasPrefix(got, "papers 1, gold claims 1, predicted claims 1") || strings.Contains(got, "total") {
		t.Errorf("directory run:\n%s", got)
	}
	var ue usageError
	if err := runEval(context.Background(), []string{"--gold", goldA, "--corpus", corpusA, "--corpus", corpusB}, &out, &errb); !errors.As(err, &ue) {
		t.Errorf("more corpora than gold files: err = %v, want usageError", err)
	}
	if err := runEval(context.Background(), []string{t.TempDir()}, &out, &errb); !errors.As(err, &ue) {
		t.Errorf("empty directory: err = %v, want usageError", err)
	}
}
