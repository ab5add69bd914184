package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/ingest"
	"github.com/claimboard/claimboard/ingest/ingesttest"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// boundedReader serves data in small reads and fails a read that would run
// more than bound bytes ahead of the last record saved (as Progress reports
// it): an ingest that held the file whole, or let the reader run away from
// the writer, fails it.
type boundedReader struct {
	data    []byte
	ends    []int // the byte offset after each record's line
	pos     int
	saved   int // records saved so far
	bound   int
	maxSeen int // the most the reader ran ahead, for the message
}

func (r *boundedReader) Read(p []byte) (int, error) {
	if r.pos >= len(r.data) {
		return 0, io.EOF
	}
	n := min(len(p), 32<<10, len(r.data)-r.pos)
	savedAt := 0
	if r.saved > 0 {
		savedAt = r.ends[r.saved-1]
	}
	ahead := r.pos + n - savedAt
	r.maxSeen = max(r.maxSeen, ahead)
	if ahead > r.bound {
		return 0, fmt.Errorf("read %d bytes ahead of the %d records saved, more than %d", ahead, r.saved, r.bound)
	}
	copy(p, r.data[r.pos:r.pos+n])
	r.pos += n
	return n, nil
}

func lineEnds(data []byte) []int {
	var ends []int
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	return ends
}

// A file is read as it is ingested: the reader never runs more than a few
// chunks (and the read buffer) ahead of what is saved, whatever the file's
// size, and all of it still commits as one file.
func TestIngestReadsAFileABoundedPieceAtATime(t *testing.T) {
	defer ingest.SetChunkSize(50)()
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		const n, workers = 3000, 2
		data := ingesttest.JSONL(ingesttest.Papers(n, 7))
		ends := lineEnds(data)
		maxLine := 0
		for i, e := range ends {
			if i > 0 {
				maxLine = max(maxLine, e-ends[i-1])
			}
		}
		// The read buffer, the chunk being parsed, the one waiting for the
		// extractors, 2 x workers extracting or waiting, the one being saved.
		bound := 256<<10 + (2*workers+4)*50*maxLine
		if bound > len(data)/2 {
			t.Fatalf("file of %d bytes too small for a bound of %d", len(data), bound)
		}
		r := &boundedReader{data: data, ends: ends, bound: bound}
		lastDone, lastTotal := 0, 0
		res, err := ingest.IngestReader(ctx, s, "big.jsonl", r, ingest.Options{
			Workers: workers, Size: int64(len(data)),
			Progress: func(done, total int) {
				if done < lastDone || total < done {
					t.Errorf("progress %d/%d after %d", done, total, lastDone)
				}
				lastDone, lastTotal = done, total
				r.saved = done
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != n || res.Records != n || res.Claims < 2*n {
			t.Fatalf("result = %+v, want %d papers added with their claims", res, n)
		}
		if lastDone != n || lastTotal != n {
			t.Errorf("last progress %d/%d, want %d/%d", lastDone, lastTotal, n, n)
		}
		t.Logf("read at most %d bytes ahead of a %d-byte file", r.maxSeen, len(data))
		// Idempotent across chunks: a second run changes nothing.
		before := dump(t, dsn)
		again, err := ingest.IngestReader(ctx, s, "big.jsonl", bytes.NewReader(data), ingest.Options{Workers: workers})
		if err != nil || again.Unchanged != n || again.Added+again.Updated+again.Claims != 0 {
			t.Fatalf("second run = %+v, %v; want all %d unchanged", again, err, n)
		}
		if after := dump(t, dsn); after != before {
			t.Error("a second run of the same file changed the database")
		}
	})
}

// A bad line far into a streamed file, after many chunks were saved, still
// fails the whole file with nothing written; with SkipBad it alone is left out.
func TestIngestStreamedBadLineLateWritesNothing(t *testing.T) {
	defer ingest.SetChunkSize(50)()
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		lines := strings.SplitAfter(string(ingesttest.JSONL(ingesttest.Papers(1200, 8))), "\n")
		lines[1100] = "{\"title\": \"broken\n"
		data := []byte(strings.Join(lines, ""))
		_, err := ingest.IngestReader(ctx, s, "late.jsonl", bytes.NewReader(data), ingest.Options{})
		if err == nil || !strings.HasPrefix(err.Error(), "late.jsonl:1101: invalid JSON") {
			t.Fatalf("err = %v, want late.jsonl:1101: invalid JSON", err)
		}
		if n, _ := s.CountPapers(ctx); n != 0 {
			t.Fatalf("a file failing at line 1101 left %d papers", n)
		}
		res, err := ingest.IngestReader(ctx, s, "late.jsonl", bytes.NewReader(data), ingest.Options{SkipBad: true})
		if err != nil || res.Added != 1199 || len(res.Bad) != 1 || res.Bad[0].Line != 1101 || res.Records != 1200 {
			t.Fatalf("with SkipBad = %+v, %v; want 1199 added and line 1101 bad", res, err)
		}
	})
}

// A paper repeated in a file, changed, chunks apart: the later record wins
// and its claims are extracted, though the first one was unchanged and the
// extractors ran ahead of the writer.
func TestIngestStreamedRepeatChunksApart(t *testing.T) {
	defer ingest.SetChunkSize(10)()
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		papers := ingesttest.Papers(100, 9)
		if _, err := ingest.Ingest(ctx, s, "a.jsonl", ingesttest.JSONL(papers), ingest.Options{}); err != nil {
			t.Fatal(err)
		}
		changed := papers[3]
		changed.Abstract = "We reach 93.5% top-1 accuracy on ImageNet. " + changed.Abstract
		original := papers[3]
		// Stored text first (unchanged), the change 30 records (3 chunks) later,
		// then the stored text again: it reverts, and needs its claims back.
		file := append(append([]ingesttest.Paper{}, papers[:40]...), changed)
		file = append(file, papers[40:70]...)
		file = append(file, original)
		res, err := ingest.Ingest(ctx, s, "b.jsonl", ingesttest.JSONL(file), ingest.Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.Updated != 2 {
			t.Fatalf("result = %+v, want the repeated paper updated twice", res)
		}
		p, err := s.FindPaper(ctx, original.ArxivID, original.Title)
		if err != nil {
			t.Fatal(err)
		}
		if p.Abstract != original.Abstract {
			t.Fatalf("abstract = %.60q, want the last record's", p.Abstract)
		}
		want := len(ingest.Claims(original.Abstract))
		if got := liveClaims(t, dsn, p.ID); got != want || want == 0 {
			t.Fatalf("the reverted paper has %d live claims, want the %d of its abstract", got, want)
		}
	})
}

func liveClaims(t *testing.T, dsn string, paperID int64) int {
	t.Helper()
	db := testdb.SQL(t, dsn)
	q := "SELECT COUNT(*) FROM claims WHERE paper_id = $1 AND status NOT IN ('retracted', 'superseded')"
	if models.DialectOf(dsn) != models.DialectPostgres {
		q = strings.Replace(q, "$1", "?", 1)
	}
	var n int
	if err := db.QueryRow(q, paperID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
