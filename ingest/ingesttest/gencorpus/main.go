// Command gencorpus writes generated papers for load runs of claimboard ingest:
//
//	go run ./ingest/ingesttest/gencorpus -n 100000 > /tmp/papers.jsonl
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/claimboard/claimboard/ingest/ingesttest"
)

func main() {
	n := flag.Int("n", 100_000, "number of papers")
	seed := flag.Uint64("seed", 1, "random seed: the same seed gives the same papers")
	format := flag.String("format", "jsonl", "jsonl, page or arxiv")
	flag.Parse()
	papers := ingesttest.Papers(*n, *seed)
	var out []byte
	switch *format {
	case "jsonl":
		out = ingesttest.JSONL(papers)
	case "page":
		out = ingesttest.Page(papers)
	case "arxiv":
		out = ingesttest.Atom(papers)
	default:
		fmt.Fprintf(os.Stderr, "gencorpus: unknown format %q\n", *format)
		os.Exit(2)
	}
	if _, err := os.Stdout.Write(out); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
