package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimboard/claimboard/extract"
)

// runEval implements "claimboard eval": it scores the extractor against a
// hand-checked gold file so a rule change can be judged by numbers, not
// anecdotes. The scoring itself lives in package extract, where it is tested.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	goldPath := fs.String("gold", "", "gold claims, JSON Lines in the claim schema (required)")
	corpusPath := fs.String("corpus", "", "corpus, JSON Lines {title, abstract} (default: the gold file's sibling with \"gold\" replaced by \"corpus\")")
	showErrors := fs.Bool("errors", false, "list every miss and false positive with its evidence")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimboard eval --gold GOLD.jsonl [--corpus CORPUS.jsonl] [--errors]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{msg: err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{msg: fmt.Sprintf("eval: unexpected argument %q", fs.Arg(0))}
	}
	if *goldPath == "" {
		return usageError{msg: "eval: --gold is required"}
	}
	if *corpusPath == "" {
		guess := siblingCorpus(*goldPath)
		if guess == "" {
			return usageError{msg: "eval: --corpus is required (no corpus file found next to " + *goldPath + ")"}
		}
		*corpusPath = guess
	}
	gold, err := readFile(*goldPath, extract.ReadPaperClaims)
	if err != nil {
		return err
	}
	papers, err := readFile(*corpusPath, extract.ReadCorpus)
	if err != nil {
		return err
	}
	pred := make([]extract.PaperClaims, 0, len(papers))
	for _, p := range papers {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		pred = append(pred, extract.ExtractCorpus([]extract.Paper{p})...)
	}
	rep := extract.Score(gold, pred)
	if err := rep.Write(stdout, *showErrors); err != nil {
		return fmt.Errorf("eval: writing report: %w", err)
	}
	return nil
}

// siblingCorpus guesses dev-corpus.jsonl from dev-gold.jsonl.
func siblingCorpus(goldPath string) string {
	dir, base := filepath.Split(goldPath)
	if !strings.Contains(base, "gold") {
		return ""
	}
	p := filepath.Join(dir, strings.Replace(base, "gold", "corpus", 1))
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func readFile[T any](path string, read func(io.Reader, string) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	out, err := read(f, path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return out, nil
}
