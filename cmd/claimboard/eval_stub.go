package main

import (
	"context"
	"errors"
	"io"
)

// runEval is replaced by the extractor work (cmd/claimboard/eval.go).
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("eval is not built yet")
}
