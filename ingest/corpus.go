package ingest

import _ "embed"

// The corpus the product ships with, so a fresh install has leaderboards to show.
//
//go:embed corpus/trending-papers.txt
var bundled []byte

// BundledName is how the bundled corpus is named in messages.
const BundledName = "bundled:trending-papers.txt"

// Bundled returns the bundled corpus text.
func Bundled() []byte { return bundled }
