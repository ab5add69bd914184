package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// unitFactor converts a value in unit u to the base of its dimension.
var unitFactor = map[string]struct {
	dim string
	f   float64
}{
	"GFLOPS": {"flops", 1e-3}, "TFLOPS": {"flops", 1}, "PFLOPS": {"flops", 1e3}, "EFLOPS": {"flops", 1e6},
	"ns": {"time", 1e-9}, "us": {"time", 1e-6}, "ms": {"time", 1e-3}, "s": {"time", 1}, "min": {"time", 60}, "h": {"time", 3600},
	"KB": {"bytes", 1e-6}, "MB": {"bytes", 1e-3}, "GB": {"bytes", 1}, "TB": {"bytes", 1e3},
	"MB/s": {"rate", 1e-3}, "GB/s": {"rate", 1}, "TB/s": {"rate", 1e3}, "Gbps": {"rate", 0.125},
	"mW": {"power", 1e-3}, "W": {"power", 1}, "kW": {"power", 1e3}, "MW": {"power", 1e6},
	"pJ": {"energy", 1e-12}, "nJ": {"energy", 1e-9}, "uJ": {"energy", 1e-6}, "mJ": {"energy", 1e-3}, "J": {"energy", 1}, "kJ": {"energy", 1e3},
}

// inVocabUnit converts a claim's value to its metric's vocabulary unit when
// the two units measure the same dimension; otherwise it is left alone.
func inVocabUnit(metric, unit string, v float64) float64 {
	d, ok := LookupMetric(metric)
	want := d.Unit
	if !ok || unit == want || unit == "" {
		return v
	}
	a, oka := unitFactor[unit]
	b, okb := unitFactor[want]
	if oka && okb && a.dim == b.dim {
		return v * a.f / b.f
	}
	return v
}

func close1pct(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	m := math.Max(math.Abs(a), math.Abs(b))
	return d <= 0.01*m
}

func valuesAgree(g, p Claim) bool {
	gv := inVocabUnit(g.Metric, g.Unit, g.Value)
	pv := inVocabUnit(p.Metric, p.Unit, p.Value)
	if !close1pct(gv, pv) {
		return false
	}
	if g.ValueHigh != nil && p.ValueHigh != nil {
		gh := inVocabUnit(g.Metric, g.Unit, *g.ValueHigh)
		ph := inVocabUnit(p.Metric, p.Unit, *p.ValueHigh)
		return close1pct(gh, ph)
	}
	return true
}

func strictMatch(g, p Claim) bool { return g.Metric == p.Metric && valuesAgree(g, p) }

var overlapIgnore = map[string]bool{"nvidia": true, "gpu": true, "gpus": true, "a": true, "an": true, "the": true}

func overlapWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !overlapIgnore[w] {
			out[w] = true
		}
	}
	return out
}

// TextsAgree is the hardware/baseline rule of SCHEMA.md: both absent, or at
// least half of the shorter side's words shared, ignoring case, "NVIDIA",
// "GPU(s)" and articles.
func TextsAgree(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	wa, wb := overlapWords(a), overlapWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return len(wb) == 0
	}
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return 2*shared >= len(wa)
}

// Ratio is a count of correct out of total.
type Ratio struct{ OK, N int }

// Value is OK/N, or 0 for an empty ratio.
func (r Ratio) Value() float64 {
	if r.N == 0 {
		return 0
	}
	return float64(r.OK) / float64(r.N)
}

// ErrorItem is one miss or false positive, for --errors.
type ErrorItem struct {
	Title string
	Claim Claim
}

// Report is the outcome of scoring predictions against gold.
type Report struct {
	Papers          int
	Gold, Predicted int
	Strict, Value   int // matched claims
	PerMetric       map[string]Ratio
	Qualifier       Ratio
	Hardware        Ratio
	HardwareCount   Ratio
	Baseline        Ratio
	// Subject counts strict matches whose subject shares a content word
	// with the gold subject (both empty also agree).
	Subject          Ratio
	Misses           []ErrorItem
	FalsePositives   []ErrorItem
	UnmatchedTitles  []string // predicted papers with no gold line
	MissingPredicted []string // gold papers with no predicted line
}

// PRF returns precision, recall and F1 of matched claims (micro-averaged).
func PRF(matched, predicted, gold int) (p, r, f float64) {
	if predicted > 0 {
		p = float64(matched) / float64(predicted)
	}
	if gold > 0 {
		r = float64(matched) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// StrictF1 is the headline figure.
func (r Report) StrictF1() float64 {
	_, _, f := PRF(r.Strict, r.Predicted, r.Gold)
	return f
}

// Score matches predicted claims to gold claims paper by paper as SCHEMA.md
// defines and accumulates the report.
func Score(gold, predicted []PaperClaims) Report {
	rep := Report{PerMetric: map[string]Ratio{}}
	pred := map[string][]Claim{}
	seen := map[string]bool{}
	for _, p := range predicted {
		k := NormTitle(p.Title)
		pred[k] = append(pred[k], p.Claims...)
	}
	goldKeys := map[string]bool{}
	for _, g := range gold {
		goldKeys[NormTitle(g.Title)] = true
	}
	for _, p := range predicted {
		if !goldKeys[NormTitle(p.Title)] {
			rep.UnmatchedTitles = append(rep.UnmatchedTitles, p.Title)
		}
	}
	for _, g := range gold {
		k := NormTitle(g.Title)
		if seen[k] {
			continue
		}
		seen[k] = true
		ps, ok := pred[k]
		if !ok {
			rep.MissingPredicted = append(rep.MissingPredicted, g.Title)
		}
		rep.Papers++
		rep.Gold += len(g.Claims)
		rep.Predicted += len(ps)
		for _, c := range g.Claims {
			r := rep.PerMetric[c.Metric]
			r.N++
			rep.PerMetric[c.Metric] = r
		}
		sm := match(g.Claims, ps, strictMatch)
		vm := match(g.Claims, ps, valuesAgree)
		rep.Value += countMatched(vm)
		usedPred := make([]bool, len(ps))
		for gi, pi := range sm {
			if pi < 0 {
				rep.Misses = append(rep.Misses, ErrorItem{g.Title, g.Claims[gi]})
				continue
			}
			usedPred[pi] = true
			rep.Strict++
			gc, pc := g.Claims[gi], ps[pi]
			r := rep.PerMetric[gc.Metric]
			r.OK++
			rep.PerMetric[gc.Metric] = r
			tally(&rep.Qualifier, gc.Qualifier == pc.Qualifier)
			tally(&rep.HardwareCount, gc.HardwareCount == pc.HardwareCount)
			tally(&rep.Hardware, TextsAgree(gc.Hardware, pc.Hardware))
			tally(&rep.Baseline, TextsAgree(gc.Baseline, pc.Baseline))
			tally(&rep.Subject, SubjectsOverlap(gc.Subject, pc.Subject))
		}
		for pi, used := range usedPred {
			if !used {
				rep.FalsePositives = append(rep.FalsePositives, ErrorItem{g.Title, ps[pi]})
			}
		}
	}
	return rep
}

// Add accumulates o into r, so several gold sets give one total.
func (r *Report) Add(o Report) {
	r.Papers += o.Papers
	r.Gold += o.Gold
	r.Predicted += o.Predicted
	r.Strict += o.Strict
	r.Value += o.Value
	if r.PerMetric == nil {
		r.PerMetric = map[string]Ratio{}
	}
	for m, x := range o.PerMetric {
		y := r.PerMetric[m]
		r.PerMetric[m] = Ratio{y.OK + x.OK, y.N + x.N}
	}
	for _, p := range []struct{ a, b *Ratio }{{&r.Qualifier, &o.Qualifier}, {&r.Hardware, &o.Hardware},
		{&r.HardwareCount, &o.HardwareCount}, {&r.Baseline, &o.Baseline}, {&r.Subject, &o.Subject}} {
		p.a.OK += p.b.OK
		p.a.N += p.b.N
	}
	r.Misses = append(r.Misses, o.Misses...)
	r.FalsePositives = append(r.FalsePositives, o.FalsePositives...)
	r.UnmatchedTitles = append(r.UnmatchedTitles, o.UnmatchedTitles...)
	r.MissingPredicted = append(r.MissingPredicted, o.MissingPredicted...)
}

// overlapStop are words that name no quantity: sharing one says nothing.
var overlapStop = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "for": true,
	"to": true, "and": true, "or": true, "with": true, "by": true, "at": true, "from": true, "per": true, "its": true,
	"their": true, "our": true, "is": true, "are": true, "over": true, "than": true, "vs": true}

// SubjectsOverlap reports whether two subjects share a content word
// (case-insensitive, ignoring function words); two empty subjects agree.
func SubjectsOverlap(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	wa := overlapWords(a)
	for w := range overlapWords(b) {
		if wa[w] && !overlapStop[w] {
			return true
		}
	}
	return false
}

func tally(r *Ratio, ok bool) {
	r.N++
	if ok {
		r.OK++
	}
}

func countMatched(m []int) int {
	n := 0
	for _, x := range m {
		if x >= 0 {
			n++
		}
	}
	return n
}

// match finds a maximum one-to-one matching of gold to predicted claims
// under ok (augmenting paths), so a greedy early choice can never cost a
// match. Candidates are tried best-first: most attributes agreeing, then
// overlapping evidence. It returns, for each gold claim, the predicted
// index or -1.
func match(gold, pred []Claim, ok func(g, p Claim) bool) []int {
	adj := make([][]int, len(gold))
	for gi, g := range gold {
		for pi, p := range pred {
			if ok(g, p) {
				adj[gi] = append(adj[gi], pi)
			}
		}
		sort.SliceStable(adj[gi], func(a, b int) bool {
			return affinity(g, pred[adj[gi][a]]) > affinity(g, pred[adj[gi][b]])
		})
	}
	owner := make([]int, len(pred))
	for i := range owner {
		owner[i] = -1
	}
	var try func(gi int, seen []bool) bool
	try = func(gi int, seen []bool) bool {
		for _, pi := range adj[gi] {
			if seen[pi] {
				continue
			}
			seen[pi] = true
			if owner[pi] < 0 || try(owner[pi], seen) {
				owner[pi] = gi
				return true
			}
		}
		return false
	}
	for gi := range gold {
		try(gi, make([]bool, len(pred)))
	}
	out := make([]int, len(gold))
	for i := range out {
		out[i] = -1
	}
	for pi, gi := range owner {
		if gi >= 0 {
			out[gi] = pi
		}
	}
	return out
}

func affinity(g, p Claim) int {
	a := 0
	if g.Metric == p.Metric {
		a += 4
	}
	if g.Qualifier == p.Qualifier {
		a++
	}
	if TextsAgree(g.Hardware, p.Hardware) {
		a++
	}
	if g.HardwareCount == p.HardwareCount {
		a++
	}
	if TextsAgree(g.Baseline, p.Baseline) {
		a++
	}
	if g.Evidence != "" && p.Evidence != "" && (strings.Contains(g.Evidence, p.Text) && p.Text != "" || strings.Contains(p.Evidence, g.Evidence) || strings.Contains(g.Evidence, p.Evidence)) {
		a += 2
	}
	return a
}
