// Package ingest reads papers from their sources (the trending-papers page,
// JSON Lines), runs the extractor over them and hands them to the store.
package ingest

import (
	"fmt"
	"time"
)

// Record is one paper as read from a source, before extraction.
type Record struct {
	Title     string
	Abstract  string
	ArxivID   string
	URL       string
	CodeURL   string
	Authors   string
	Published *time.Time
	Line      int // where the record starts in its file, for error messages
}

// ParseError names the file and line at fault, so a user can fix the input.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}
