package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// item is one record of a file in file order: a good one, or why it is bad.
type item struct {
	rec Record
	bad *ParseError
}

// source yields a file's records in file order, in chunks, so a file of any
// size is read a bounded piece at a time. JSON Lines (the format of large
// dumps) is parsed line by line as it is read; the page text and the arXiv
// feed are read whole, as they are small by nature (a page, one API answer).
type source struct {
	format string
	name   string
	// next fills at most n items; it returns none at the end of the file.
	next func(n int) ([]item, error)
	// read is how many bytes of the input the items given so far came from,
	// for an estimate of the total.
	read func() int64
}

// newSource detects the format (unless given) from the first non-blank byte
// and returns the file's records.
func newSource(r io.Reader, name, format string) (*source, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	lead, err := leadingByte(br)
	if err != nil {
		return nil, &ParseError{File: name, Line: 1, Msg: fmt.Sprintf("read: %v", err)}
	}
	if format == "" || format == FormatAuto {
		if lead == 0 {
			return wholeSource(br, name, format)
		}
		format = Detect([]byte{lead})
	}
	switch format {
	case FormatPage, FormatJSONL, FormatArxiv:
	default:
		return nil, fmt.Errorf("ingest: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	if format == FormatJSONL && lead != 0 {
		return jsonlSource(br, name), nil
	}
	return wholeSource(br, name, format)
}

// wholeSource reads the input whole and parses it as ParseFile does.
func wholeSource(r io.Reader, name, format string) (*source, error) {
	data, err := readAll(r, name)
	if err != nil {
		return nil, err
	}
	p, err := ParseFile(data, name, format)
	if err != nil {
		return nil, err
	}
	return sliceSource(p.Format, name, inOrder(p.Records, p.Bad), int64(len(data))), nil
}

// leadingByte returns the input's first byte that is not blank (after a BOM)
// without consuming it, or 0 when the input is blank or starts with more
// blank space than the buffer holds (the caller then reads it whole).
func leadingByte(br *bufio.Reader) (byte, error) {
	for n := 64; n <= br.Size(); n *= 2 {
		buf, err := br.Peek(n)
		if t := bytes.TrimLeft(bytes.TrimPrefix(buf, bom), " \t\r\n"); len(t) > 0 {
			return t[0], nil
		}
		if errors.Is(err, io.EOF) {
			return 0, nil
		}
		if err != nil {
			return 0, err
		}
	}
	return 0, nil
}

func sliceSource(format, name string, items []item, size int64) *source {
	var read int64
	return &source{format: format, name: name, read: func() int64 { return read }, next: func(n int) ([]item, error) {
		n = min(n, len(items))
		out := items[:n:n]
		items = items[n:]
		if len(items) == 0 {
			read = size
		}
		return out, nil
	}}
}

// inOrder merges good and bad records, each in file order, by line.
func inOrder(recs []Record, bad []*ParseError) []item {
	out := make([]item, 0, len(recs)+len(bad))
	for len(recs) > 0 || len(bad) > 0 {
		if len(bad) == 0 || (len(recs) > 0 && recs[0].Line <= bad[0].Line) {
			out, recs = append(out, item{rec: recs[0]}), recs[1:]
		} else {
			out, bad = append(out, item{bad: bad[0]}), bad[1:]
		}
	}
	return out
}

// jsonlSource parses JSON Lines as they are read, with the rules of
// parseJSONL: lines of any length, a leading BOM and line ends dropped,
// blank lines skipped, a file of none "no papers found".
func jsonlSource(br *bufio.Reader, name string) *source {
	var read int64
	line, entry, found := 0, 0, false
	done := false
	return &source{format: FormatJSONL, name: name, read: func() int64 { return read }, next: func(n int) ([]item, error) {
		var out []item
		for len(out) < n && !done {
			text, err := br.ReadBytes('\n')
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, &ParseError{File: name, Line: line + 1, Msg: fmt.Sprintf("read: %v", err)}
			}
			if err != nil {
				done = true
				if len(text) == 0 {
					break
				}
			}
			read += int64(len(text))
			line++
			if line == 1 {
				text = bytes.TrimPrefix(text, bom)
			}
			text = bytes.TrimSpace(text)
			if len(text) == 0 {
				continue
			}
			entry++
			found = true
			rec, msg := jsonlRecord(text)
			if msg != "" {
				out = append(out, item{bad: &ParseError{File: name, Line: line, Msg: msg}})
				continue
			}
			rec.Line, rec.Entry = line, entry
			out = append(out, item{rec: rec})
		}
		if done && !found {
			found = true
			out = append(out, item{bad: &ParseError{File: name, Line: 1, Msg: "no papers found"}})
		}
		return out, nil
	}}
}
