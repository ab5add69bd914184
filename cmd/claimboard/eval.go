package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimboard/claimboard/extract"
)

// pathList is a repeatable flag: "--gold a --gold b".
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(v string) error { *p = append(*p, v); return nil }

// evalSet is one gold file with the corpus it annotates.
type evalSet struct {
	name, gold, corpus string
}

// runEval implements "claimboard eval": it scores the extractor against
// hand-checked gold files so a rule change can be judged by numbers, not
// anecdotes. Each set is reported on its own and, when there are several,
// in a total. The scoring itself lives in package extract, where it is tested.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var golds, corpora pathList
	fs.Var(&golds, "gold", "gold claims, JSON Lines in the claim schema, or a directory of *gold*.jsonl files (repeatable)")
	fs.Var(&corpora, "corpus", "corpus of the --gold at the same position, JSON Lines {title, abstract} (default: the gold file's sibling with \"gold\" replaced by \"corpus\")")
	showErrors := fs.Bool("errors", false, "list every miss and false positive with its evidence")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimboard eval --gold GOLD.jsonl [--corpus CORPUS.jsonl] [--gold ... [--corpus ...]] [--errors] [DIR...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{msg: err.Error()}
	}
	// Directories may also be given as arguments: "claimboard eval extract/testdata".
	golds = append(golds, fs.Args()...)
	sets, err := evalSets(golds, corpora)
	if err != nil {
		return err
	}
	var total extract.Report
	for i, set := range sets {
		rep, err := evalOne(ctx, set)
		if err != nil {
			return err
		}
		if len(sets) > 1 {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			fmt.Fprintf(stdout, "== %s\n", set.name)
		}
		if err := rep.Write(stdout, *showErrors); err != nil {
			return fmt.Errorf("eval: writing report: %w", err)
		}
		total.Add(rep)
	}
	if len(sets) > 1 {
		fmt.Fprintf(stdout, "\n== total of %d sets\n", len(sets))
		if err := total.Write(stdout, false); err != nil {
			return fmt.Errorf("eval: writing report: %w", err)
		}
	}
	return nil
}

// evalSets pairs gold files with corpora: the n-th --corpus belongs to the
// n-th gold file; a gold file without one, and every gold file found in a
// directory, uses its sibling corpus.
func evalSets(golds, corpora []string) ([]evalSet, error) {
	if len(golds) == 0 {
		return nil, usageError{msg: "eval: --gold is required"}
	}
	if len(corpora) > len(golds) {
		return nil, usageError{msg: fmt.Sprintf("eval: %d --corpus files for %d --gold files", len(corpora), len(golds))}
	}
	var out []evalSet
	for i, g := range golds {
		if st, err := os.Stat(g); err == nil && st.IsDir() {
			if i < len(corpora) {
				return nil, usageError{msg: "eval: --corpus cannot go with the directory " + g}
			}
			found, _ := filepath.Glob(filepath.Join(g, "*gold*.jsonl"))
			sort.Strings(found)
			n := 0
			for _, f := range found {
				c := evalSiblingCorpus(f)
				if c == "" {
					continue
				}
				out = append(out, evalSet{name: evalSetName(f), gold: f, corpus: c})
				n++
			}
			if n == 0 {
				return nil, usageError{msg: "eval: no *gold*.jsonl file with a sibling corpus in " + g}
			}
			continue
		}
		set := evalSet{name: evalSetName(g), gold: g}
		if i < len(corpora) {
			set.corpus = corpora[i]
		} else if set.corpus = evalSiblingCorpus(g); set.corpus == "" {
			return nil, usageError{msg: "eval: --corpus is required (no corpus file found next to " + g + ")"}
		}
		out = append(out, set)
	}
	return out, nil
}

// evalSetName names a set after its gold file: "arxiv" for arxiv-gold.jsonl.
func evalSetName(goldPath string) string {
	base := strings.TrimSuffix(filepath.Base(goldPath), ".jsonl")
	if n := strings.TrimSuffix(strings.TrimSuffix(base, "gold"), "-"); n != "" {
		return n
	}
	return base
}

func evalOne(ctx context.Context, set evalSet) (extract.Report, error) {
	gold, err := evalReadFile(set.gold, extract.ReadPaperClaims)
	if err != nil {
		return extract.Report{}, err
	}
	papers, err := evalReadFile(set.corpus, extract.ReadCorpus)
	if err != nil {
		return extract.Report{}, err
	}
	pred := make([]extract.PaperClaims, 0, len(papers))
	for _, p := range papers {
		if err := ctx.Err(); err != nil {
			return extract.Report{}, fmt.Errorf("eval: %w", err)
		}
		pred = append(pred, extract.ExtractCorpus([]extract.Paper{p})...)
	}
	return extract.Score(gold, pred), nil
}

// evalSiblingCorpus guesses dev-corpus.jsonl from dev-gold.jsonl.
func evalSiblingCorpus(goldPath string) string {
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

// evalReadFile opens path and hands its name to the reader so a parse
// error says which file and line to fix.
func evalReadFile[T any](path string, read func(io.Reader, string) ([]T, error)) ([]T, error) {
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
