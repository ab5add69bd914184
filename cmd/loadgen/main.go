// Command loadgen drives mixed traffic at a claimboard server the way a busy
// day would: people browsing leaderboards, claims and papers, downloading
// CSV, programs reading the API, and visitors sending corrections through
// the real form (CSRF cookie and field). It reports status counts and
// latency percentiles per kind of request, and lists every correction the
// server acknowledged (201) so the caller can check that each one is stored.
//
//	go run ./cmd/loadgen -base http://127.0.0.1:19001 -c 32 -d 60s -acked acked.txt
//
// Corrections are limited per client address, so each submission comes from
// its own loopback address (127.1.0.0/16, all local on Linux) like distinct
// visitors; -single-ip sends them from one address to see the 429s instead.
// With -proxy it serves a reverse proxy that does the same for another tool
// (scripts/sqlmap.sh). It is a test tool, not part of the server;
// scripts/mixedload.sh and scripts/faults.sh run it.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

type config struct {
	base     string
	conns    int
	dur      time.Duration
	submit   float64 // share of iterations that send a correction
	csv      float64
	api      float64
	acked    string
	singleIP bool
	timeout  time.Duration
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	var cfg config
	fs.StringVar(&cfg.base, "base", "http://127.0.0.1:19001", "server base URL")
	fs.IntVar(&cfg.conns, "c", 32, "concurrent clients")
	fs.DurationVar(&cfg.dur, "d", 60*time.Second, "duration")
	fs.Float64Var(&cfg.submit, "submit", 0.10, "share of requests that are correction submissions")
	fs.Float64Var(&cfg.csv, "csv", 0.15, "share of requests that are CSV downloads")
	fs.Float64Var(&cfg.api, "api", 0.30, "share of requests that are API reads (the rest is browsing)")
	fs.StringVar(&cfg.acked, "acked", "", "write the ids of acknowledged corrections here, one a line")
	fs.BoolVar(&cfg.singleIP, "single-ip", false, "send corrections from one address (expect 429s beyond the limit)")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "client timeout of one request")
	proxy := fs.String("proxy", "", "instead of loading, serve at this address a proxy to -base that gives each request its own loopback address")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg.base = strings.TrimRight(cfg.base, "/")
	if *proxy != "" {
		return visitorProxy(ctx, *proxy, cfg.base)
	}
	site, err := discover(ctx, cfg.base)
	if err != nil {
		return err
	}
	r := newRecorder()
	var acked ackList
	ctx, cancel := context.WithTimeout(ctx, cfg.dur)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	var ipSeq atomic.Uint32
	for i := range cfg.conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{cfg: cfg, site: site, rec: r, acked: &acked, ipSeq: &ipSeq,
				rnd:    rand.New(rand.NewPCG(uint64(i), uint64(time.Now().UnixNano()))),
				client: &http.Client{Timeout: cfg.timeout, CheckRedirect: noRedirect}}
			w.loop(ctx)
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if cfg.acked != "" {
		if err := acked.write(cfg.acked); err != nil {
			return err
		}
	}
	r.report(out, cfg, elapsed, len(acked.ids))
	return nil
}

func noRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// site is what there is to read: metric slugs and claim and paper ids.
type site struct {
	metrics, claims, papers []string
}

func discover(ctx context.Context, base string) (*site, error) {
	var ms struct {
		Metrics []struct {
			Slug   string `json:"slug"`
			Claims int    `json:"claims"`
		} `json:"metrics"`
	}
	if err := getJSON(ctx, base+"/api/v1/metrics", &ms); err != nil {
		return nil, err
	}
	s := &site{}
	for _, m := range ms.Metrics {
		s.metrics = append(s.metrics, m.Slug)
		if m.Claims == 0 {
			continue
		}
		var lb struct {
			Claims []struct {
				ID      int64 `json:"id"`
				PaperID int64 `json:"paper_id"`
			} `json:"claims"`
		}
		if err := getJSON(ctx, base+"/api/v1/leaderboards/"+m.Slug+"?per_page=200", &lb); err != nil {
			return nil, err
		}
		for _, c := range lb.Claims {
			s.claims = append(s.claims, strconv.FormatInt(c.ID, 10))
			s.papers = append(s.papers, strconv.FormatInt(c.PaperID, 10))
		}
	}
	if len(s.claims) == 0 {
		return nil, errors.New("the server lists no claims to load")
	}
	return s, nil
}

func getJSON(ctx context.Context, u string, v any) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("discover: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("discover: GET %s = %d", u, res.StatusCode)
	}
	return json.NewDecoder(res.Body).Decode(v)
}

type worker struct {
	cfg    config
	site   *site
	rec    *recorder
	acked  *ackList
	ipSeq  *atomic.Uint32
	rnd    *rand.Rand
	client *http.Client
	csrf   string
}

func (w *worker) pick(list []string) string { return list[w.rnd.IntN(len(list))] }

func (w *worker) loop(ctx context.Context) {
	sorts := []string{"", "?sort=date", "?sort=confidence&order=asc", "?qualifier=up_to", "?per_page=10&page=2", "?q=gpu"}
	for ctx.Err() == nil {
		x := w.rnd.Float64()
		switch {
		case x < w.cfg.submit:
			w.submitCorrection(ctx)
		case x < w.cfg.submit+w.cfg.csv:
			if w.rnd.IntN(20) == 0 {
				w.get(ctx, "csv", "/export/claims.csv")
			} else {
				w.get(ctx, "csv", "/leaderboards/"+w.pick(w.site.metrics)+".csv"+w.pick(sorts))
			}
		case x < w.cfg.submit+w.cfg.csv+w.cfg.api:
			switch w.rnd.IntN(4) {
			case 0:
				w.get(ctx, "api", "/api/v1/metrics")
			case 1:
				w.get(ctx, "api", "/api/v1/claims/"+w.pick(w.site.claims))
			default:
				w.get(ctx, "api", "/api/v1/leaderboards/"+w.pick(w.site.metrics)+w.pick(sorts))
			}
		default:
			switch w.rnd.IntN(5) {
			case 0:
				w.get(ctx, "browse", "/")
			case 1:
				w.get(ctx, "browse", "/claims/"+w.pick(w.site.claims))
			case 2:
				w.get(ctx, "browse", "/papers/"+w.pick(w.site.papers))
			default:
				w.get(ctx, "browse", "/leaderboards/"+w.pick(w.site.metrics)+w.pick(sorts))
			}
		}
	}
}

// get requests path and records its status and latency under kind.
func (w *worker) get(ctx context.Context, kind, path string) (int, string) {
	req, _ := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodGet, w.cfg.base+path, nil)
	if w.csrf != "" {
		req.AddCookie(&http.Cookie{Name: "_csrf", Value: w.csrf})
	}
	return w.do(ctx, w.client, kind, req)
}

func (w *worker) do(ctx context.Context, c *http.Client, kind string, req *http.Request) (int, string) {
	start := time.Now()
	res, err := c.Do(req)
	if err != nil {
		w.rec.add(kind, -1, time.Since(start))
		return -1, ""
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	status := res.StatusCode
	if err != nil {
		status = -1
	}
	w.rec.add(kind, status, time.Since(start))
	for _, ck := range res.Cookies() {
		if ck.Name == "_csrf" && ck.Value != "" {
			w.csrf = ck.Value
		}
	}
	if kind == "submit" {
		return status, string(body)
	}
	return status, ""
}

var correctionURL = regexp.MustCompile(`/corrections/([0-9]+)`)

// submitCorrection fills in the suggestion form of a claim as a visitor
// would: GET the form (for the CSRF cookie), POST "not a claim" with a reason.
func (w *worker) submitCorrection(ctx context.Context) {
	claim := w.pick(w.site.claims)
	if w.csrf == "" {
		if st, _ := w.get(ctx, "browse", "/claims/"+claim+"/corrections"); st != http.StatusOK {
			return
		}
	}
	form := url.Values{"_csrf": {w.csrf}, "not_a_claim": {"1"},
		"reason": {"loadgen " + strconv.FormatInt(time.Now().UnixNano(), 36)}}
	// The end of the run stops new requests but lets this one finish, so its
	// outcome is known: stored rows can then be compared with acknowledgements.
	req, _ := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodPost, w.cfg.base+"/claims/"+claim+"/corrections", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "_csrf", Value: w.csrf})
	c := w.client
	if !w.cfg.singleIP {
		c = w.visitorClient()
	}
	status, body := w.do(ctx, c, "submit", req)
	if status == http.StatusCreated {
		m := correctionURL.FindStringSubmatch(body)
		if m == nil {
			w.rec.add("submit-no-id", status, 0)
			return
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		w.acked.add(id)
	}
}

// visitorClient sends one request from the next loopback address, so the
// server's per-address limit sees distinct visitors.
func (w *worker) visitorClient() *http.Client {
	n := w.ipSeq.Add(1)
	ip := net.IPv4(127, 1, byte(n>>8), byte(n))
	if byte(n) == 0 {
		ip = net.IPv4(127, 2, byte(n>>8), 1)
	}
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}, Timeout: 5 * time.Second}
	return &http.Client{Timeout: w.cfg.timeout, CheckRedirect: noRedirect,
		Transport: &http.Transport{DialContext: d.DialContext, DisableKeepAlives: true}}
}

type ackList struct {
	mu  sync.Mutex
	ids []int64
}

func (a *ackList) add(id int64) {
	a.mu.Lock()
	a.ids = append(a.ids, id)
	a.mu.Unlock()
}

func (a *ackList) write(path string) error {
	var b strings.Builder
	for _, id := range a.ids {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write acked ids: %w", err)
	}
	return nil
}

// recorder keeps every latency, by kind, and counts statuses (-1: no answer).
type recorder struct {
	mu       sync.Mutex
	lat      map[string][]time.Duration
	statuses map[string]map[int]int
}

func newRecorder() *recorder {
	return &recorder{lat: map[string][]time.Duration{}, statuses: map[string]map[int]int{}}
}

func (r *recorder) add(kind string, status int, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lat[kind] = append(r.lat[kind], d)
	if r.statuses[kind] == nil {
		r.statuses[kind] = map[int]int{}
	}
	r.statuses[kind][status]++
}

func pct(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p * float64(len(sorted)-1))
	return sorted[i]
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 2, 64)
}

// report prints one line per kind and a total, in a shape docs/reliability.md quotes.
func (r *recorder) report(out io.Writer, cfg config, elapsed time.Duration, acked int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(out, "# loadgen %s -c %d -d %s: %.1f s\n", cfg.base, cfg.conns, cfg.dur, elapsed.Seconds())
	fmt.Fprintf(out, "%-8s %8s %8s %8s %8s %8s  %s\n", "kind", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "statuses")
	var all []time.Duration
	total5xx, totalNone := 0, 0
	kinds := make([]string, 0, len(r.lat))
	for k := range r.lat {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		l := slices.Clone(r.lat[k])
		slices.Sort(l)
		all = append(all, l...)
		var st []string
		codes := make([]int, 0)
		for c := range r.statuses[k] {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		for _, c := range codes {
			n := r.statuses[k][c]
			name := strconv.Itoa(c)
			if c == -1 {
				name = "none"
				totalNone += n
			}
			if c >= 500 {
				total5xx += n
			}
			st = append(st, fmt.Sprintf("%s:%d", name, n))
		}
		fmt.Fprintf(out, "%-8s %8d %8.1f %8s %8s %8s  %s\n", k, len(l), float64(len(l))/elapsed.Seconds(),
			ms(pct(l, .5)), ms(pct(l, .99)), ms(pct(l, 1)), strings.Join(st, " "))
	}
	slices.Sort(all)
	fmt.Fprintf(out, "%-8s %8d %8.1f %8s %8s %8s  5xx:%d no-answer:%d\n", "total", len(all), float64(len(all))/elapsed.Seconds(),
		ms(pct(all, .5)), ms(pct(all, .99)), ms(pct(all, 1)), total5xx, totalNone)
	fmt.Fprintf(out, "acknowledged corrections: %d\n", acked)
}
