// Command testsummary reads `go test -json` from stdin, prints each
// package's result line as `go test` would (and the output of failed tests),
// then one line naming what was skipped and why:
//
//	go test -json ./... | go run ./internal/testsummary
//
// Without PostgreSQL (TEST_DATABASE_URL) or Chromium, tests skip quietly
// under a plain `go test ./...`, because go test hides the output of passing
// packages; this line makes the gap visible. It exits 1 when a test failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

// fileLine strips the "    file_test.go:38: " that t.Skip puts before its message.
var fileLine = regexp.MustCompile(`^\s*[\w.-]+\.go:\d+: `)

func main() {
	failed, err := summarize(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}

func summarize(r io.Reader, w io.Writer) (failed bool, err error) {
	output := map[string][]string{} // package/test -> its output lines
	skips := map[string]int{}       // reason -> tests
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var e event
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			fmt.Fprintln(w, sc.Text()) // build errors and the like come as plain text
			continue
		}
		key := e.Package + "/" + e.Test
		switch e.Action {
		case "output":
			if e.Test == "" {
				// Package-level lines: "ok", "FAIL", "?", build failures.
				if t := strings.TrimRight(e.Output, "\n"); strings.HasPrefix(t, "ok ") || strings.HasPrefix(t, "FAIL") ||
					strings.HasPrefix(t, "?") || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "panic") {
					fmt.Fprintln(w, t)
				}
				continue
			}
			output[key] = append(output[key], e.Output)
		case "skip":
			if e.Test != "" {
				skips[skipReason(output[key])]++
			}
			delete(output, key)
		case "fail":
			if e.Test != "" {
				failed = true
				fmt.Fprint(w, strings.Join(output[key], ""))
			} else if e.Package != "" {
				failed = true
			}
			delete(output, key)
		case "pass":
			delete(output, key)
		}
	}
	if err := sc.Err(); err != nil {
		return failed, err
	}
	fmt.Fprintln(w, skipLine(skips))
	return failed, nil
}

// skipReason is the message of t.Skip among a skipped test's output.
func skipReason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "--- SKIP") || strings.HasPrefix(l, "=== ") {
			continue
		}
		return strings.TrimSpace(fileLine.ReplaceAllString(lines[i], ""))
	}
	return "no reason given"
}

// skipLine is the one summary line: "skipped: none", or every reason with
// its number of tests, most first.
func skipLine(skips map[string]int) string {
	if len(skips) == 0 {
		return "skipped: none"
	}
	reasons := make([]string, 0, len(skips))
	total := 0
	for r, n := range skips {
		reasons = append(reasons, r)
		total += n
	}
	sort.Slice(reasons, func(i, j int) bool {
		if skips[reasons[i]] != skips[reasons[j]] {
			return skips[reasons[i]] > skips[reasons[j]]
		}
		return reasons[i] < reasons[j]
	})
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%d × %q", skips[r], r)
	}
	noun := "tests"
	if total == 1 {
		noun = "test"
	}
	return fmt.Sprintf("skipped %d %s: %s", total, noun, strings.Join(parts, "; "))
}
