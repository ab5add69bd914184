// Package arxivtest replays the arXiv API for tests and harvest runs: an
// http.Handler answering /api/query with feeds in the API's real format
// (Atom with opensearch paging and arxiv: extensions), paged by start and
// max_results over a fixed set of generated papers, with faults on demand.
// It records when every request arrived, so callers can check the spacing.
package arxivtest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/claimboard/claimboard/ingest/ingesttest"
)

// Paper is one entry the server holds.
type Paper struct {
	ID        string // without version
	Version   int
	Title     string
	Abstract  string
	Published time.Time
	Updated   time.Time
}

// Fault is what the server does instead of (or before) answering a request;
// the zero Fault answers normally.
type Fault struct {
	Status     int           // answer with this status and a short body (503, 500, ...)
	RetryAfter string        // with Status, the Retry-After header
	Truncate   bool          // send the feed cut in the middle of an entry
	Delay      time.Duration // wait this long before answering
	Empty      bool          // answer with no entries though there are more
	APIError   string        // answer with the API's error feed (HTTP 400)
}

// Request is one request the server saw.
type Request struct {
	At         time.Time
	Start, Max int
	Query      string
	SortBy     string // "submittedDate", "lastUpdatedDate", ...
	Fault      Fault
}

// Server is the replaying API.
type Server struct {
	mu       sync.Mutex
	papers   []Paper
	requests []Request
	// Faults, if set, picks the fault of the n-th request (counting from 0).
	Faults func(n int, start int) Fault
}

// New returns a server holding n generated papers, submitted one a minute in
// the order of their ids, each with two or more claims in its abstract.
func New(n int) *Server {
	gen := ingesttest.Papers(n, 7)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &Server{papers: make([]Paper, n)}
	for i, g := range gen {
		t := base.Add(time.Duration(i) * time.Minute)
		s.papers[i] = Paper{
			ID: fmt.Sprintf("24%02d.%05d", 1+i/100_000%12, i%100_000), Version: 1,
			Title: g.Title, Abstract: g.Abstract, Published: t, Updated: t,
		}
	}
	return s
}

// NewWith returns a server holding the given papers, in that order.
func NewWith(papers []Paper) *Server { return &Server{papers: papers} }

// SetPapers replaces the papers the server holds (a new version of one, say).
func (s *Server) SetPapers(papers []Paper) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.papers = papers
}

// Papers returns the papers the server holds.
func (s *Server) Papers() []Paper {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Paper(nil), s.papers...)
}

// Requests returns the requests seen so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// MinSpacing is the shortest time between two consecutive requests' arrivals
// (0 with fewer than two requests).
func MinSpacing(reqs []Request) time.Duration {
	var least time.Duration
	for i := 1; i < len(reqs); i++ {
		if d := reqs[i].At.Sub(reqs[i-1].At); i == 1 || d < least {
			least = d
		}
	}
	return least
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/api/query" {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	start, _ := strconv.Atoi(q.Get("start"))
	max, err := strconv.Atoi(q.Get("max_results"))
	if q.Get("max_results") == "" {
		max, err = 10, nil
	}
	s.mu.Lock()
	n := len(s.requests)
	var f Fault
	if s.Faults != nil {
		f = s.Faults(n, start)
	}
	s.requests = append(s.requests, Request{At: time.Now(), Start: start, Max: max, Query: q.Get("search_query"), SortBy: q.Get("sortBy"), Fault: f})
	papers := s.papers
	s.mu.Unlock()
	// The papers are held in submission order; the API also sorts by last update.
	if q.Get("sortBy") == "lastUpdatedDate" {
		papers = slices.Clone(papers)
		desc := q.Get("sortOrder") != "ascending"
		slices.SortStableFunc(papers, func(a, b Paper) int {
			if desc {
				return b.Updated.Compare(a.Updated)
			}
			return a.Updated.Compare(b.Updated)
		})
	}

	if f.Delay > 0 {
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return
		}
	}
	if f.Status != 0 {
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		w.WriteHeader(f.Status)
		fmt.Fprintf(w, "%d %s\n", f.Status, http.StatusText(f.Status))
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	if f.APIError != "" || err != nil || start < 0 || max < 0 {
		msg := f.APIError
		if msg == "" {
			msg = "start and max_results must be non-negative integers"
		}
		w.WriteHeader(http.StatusBadRequest)
		w.Write(ErrorFeed(msg))
		return
	}
	lo, hi := min(start, len(papers)), min(start+max, len(papers))
	page := papers[lo:hi]
	if f.Empty {
		page = nil
	}
	body := Feed(q.Get("search_query"), start, max, len(papers), page)
	if f.Truncate {
		// Promise the whole body, send half, and close: what a dropped
		// connection looks like to the client.
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body[:len(body)/2])
		return
	}
	w.Write(body)
}

// Feed renders one page as the API does.
func Feed(query string, start, max, total int, page []Paper) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
`)
	self := fmt.Sprintf("http://arxiv.org/api/query?search_query=%s&id_list=&start=%d&max_results=%d", esc(query), start, max)
	fmt.Fprintf(&b, `  <link href="%s" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=%s&amp;id_list=&amp;start=%d&amp;max_results=%d</title>
  <id>http://arxiv.org/api/replay</id>
  <updated>2024-03-14T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">%d</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">%d</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">%d</opensearch:itemsPerPage>
`, esc(self), esc(query), start, max, total, start, max)
	for _, p := range page {
		v := fmt.Sprintf("%sv%d", p.ID, max1(p.Version))
		fmt.Fprintf(&b, `  <entry>
    <id>http://arxiv.org/abs/%s</id>
    <updated>%s</updated>
    <published>%s</published>
    <title>%s</title>
    <summary>  %s
</summary>
    <author>
      <name>Ada Lovelace</name>
    </author>
    <author>
      <name>Alan Turing</name>
    </author>
    <link href="http://arxiv.org/abs/%s" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/%s" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.DC" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.DC" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
`, v, p.Updated.UTC().Format(time.RFC3339), p.Published.UTC().Format(time.RFC3339), esc(p.Title), esc(p.Abstract), v, v)
	}
	b.WriteString("</feed>\n")
	return []byte(b.String())
}

// ErrorFeed is the API's answer to a bad query: a feed with one error entry.
func ErrorFeed(msg string) []byte {
	anchor := strings.ReplaceAll(msg, " ", "_")
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query=&amp;id_list=" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=</title>
  <id>http://arxiv.org/api/errors</id>
  <updated>2024-03-14T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
  <entry>
    <id>http://arxiv.org/api/errors#` + esc(anchor) + `</id>
    <title>Error</title>
    <summary>` + esc(msg) + `</summary>
    <updated>2024-03-14T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#` + esc(anchor) + `" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
</feed>
`)
}

func max1(v int) int {
	if v < 1 {
		return 1
	}
	return v
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func esc(s string) string { return escaper.Replace(s) }
