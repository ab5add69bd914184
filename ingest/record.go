// Package ingest reads papers from their sources (the trending-papers page,
// JSON Lines, the arXiv API's Atom feed), runs the extractor over them and
// hands them to the store, one transaction per file.
package ingest

import (
	"fmt"
	"time"
)

// Record is one paper as read from a source, before extraction.
type Record struct {
	Title           string
	Abstract        string
	ArxivID         string // without version: "2401.01234", "hep-th/0601001"
	ArxivVersion    int    // 2 for 2401.01234v2, 0 if the source does not say
	URL             string
	CodeURL         string
	ProjectURL      string
	Authors         string
	PrimaryCategory string
	Published       *time.Time // first submission (arXiv v1), when the source says
	// Trending is the trending page's date heading above the record, as
	// written ("Mar 14"): the day the paper trended, with no year, so it
	// is not a publication date and is not stored.
	Trending string
	Line     int // where the record starts in its file, for error messages
	Entry    int // the record's position in its file, counting from 1
}

// ParseError names the file and line (and, in a feed, the entry) at fault, so
// a user can fix the input.
type ParseError struct {
	File  string
	Line  int
	Entry int // 0 when the line says it all
	Msg   string
}

func (e *ParseError) Error() string {
	if e.Entry > 0 {
		return fmt.Sprintf("%s:%d: entry %d: %s", e.File, e.Line, e.Entry, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}
