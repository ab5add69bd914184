package extract

import (
	"math"
	"strings"
)

// baselineCueAt recognises the words that introduce what a figure is
// compared against and returns how many tokens they span.
func (s *sentence) baselineCueAt(k int) int {
	toks := s.toks
	w := toks[k].lw
	nx := ""
	if k+1 < len(toks) {
		nx = toks[k+1].lw
	}
	switch w {
	case "compared", "comparing", "relative", "comparable":
		if nx == "to" || nx == "with" || nx == "against" {
			return 2
		}
		if w == "comparing" {
			// "comparing A100 GPUs to EPYC CPUs": the own side comes first, the
			// baseline after "to".
			for j := k + 2; j < len(toks) && j <= k+6; j++ {
				if isClausePunct(toks[j].lw) || toks[j].kind == tkNum {
					break
				}
				if toks[j].lw == "to" || toks[j].lw == "with" || toks[j].lw == "against" {
					return j - k + 1
				}
			}
		}
	case "than", "versus", "vs", "vs.", "against", "outperforms", "outperforming", "surpasses", "surpassing", "beats", "beating":
		return 1
	case "over":
		// "over 114K tokens" is a qualifier, "over cuBLAS" a baseline.
		if nx != "" && toks[k+1].kind != tkNum && nx != "the" || nx == "the" && k+2 < len(toks) && toks[k+2].kind != tkNum {
			if s.overSpan(k) {
				return 0
			}
			return 1
		}
	case "unlike":
		return 1
	case "in":
		if nx == "comparison" && k+2 < len(toks) && (toks[k+2].lw == "to" || toks[k+2].lw == "with") {
			return 3
		}
	}
	return 0
}

var baselineStop = map[string]bool{"while": true, "whereas": true, "which": true, "when": true, "with": true, "on": true,
	"in": true, "at": true, "for": true, "from": true, "using": true, "depending": true, "under": true, "across": true,
	"without": true, "as": true, "achieved": true, "thanks": true, "due": true, "by": true, "up": true, "and": true,
	"to": true, "that": true, "where": true, "through": true, "via": true, "respectively": true, "is": true, "are": true}

// baselinePhrase reads the compared-against phrase starting at token k and
// returns it with its token range. "compared to 2.32~6.71x achieved by
// DistriFusion" names DistriFusion, not the figure.
func (s *sentence) baselinePhrase(k int, cands []*cand) (string, int, int) {
	toks := s.toks
	for k < len(toks) && (toks[k].lw == "the" || toks[k].lw == "a" || toks[k].lw == "an") {
		k++
	}
	if k+1 < len(toks) && (toks[k].lw == "running" || toks[k].lw == "executing" || toks[k].lw == "computing") &&
		(toks[k+1].lw == "on" || toks[k+1].lw == "with" || toks[k+1].lw == "in") {
		// "compared to running on the CPU only": the baseline is what it ran on.
		k += 2
		for k < len(toks) && (toks[k].lw == "the" || toks[k].lw == "a" || toks[k].lw == "an") {
			k++
		}
	}
	if k < len(toks) && toks[k].kind == tkNum && isFigureToken(toks[k].w) {
		// A figure first ("compared to 30TF using PyTorch alone"): the baseline
		// is whoever produced it.
	scan:
		for j := k; j < len(toks) && j < k+6; j++ {
			switch toks[j].lw {
			case "by", "of", "using", "with", "from", "for":
				return s.baselinePhrase(j+1, cands)
			case ",", ";", ".", "(", ")":
				break scan
			}
		}
		return "", 0, 0
	}
	start := k
	end := k
	for end < len(toks) && end < start+8 {
		t := toks[end]
		if isClausePunct(t.lw) {
			break
		}
		if t.masked && end > start && !(vendorWords[toks[end-1].lw] || toks[end-1].masked) {
			break
		}
		if (t.lw == "such" && end+1 < len(toks) && toks[end+1].lw == "as" || t.lw == "like") && end+2 < len(toks) {
			// "popular frameworks such as PyTorch": the named system is the baseline.
			skip := 1
			if t.lw == "such" {
				skip = 2
			}
			return s.baselinePhrase(end+skip, cands)
		}
		if t.lw == "by" && end > start && strings.HasSuffix(toks[end-1].lw, "ed") && end+1 < len(toks) && toks[end+1].kind == tkWord {
			if isCapitalised(toks[start].w) && toks[start].kind == tkWord {
				// "GPT-3 175B served by FasterTransformer": a named model and its runtime.
				end++
				continue
			}
			// "the baseline method proposed by instant-ngp": the agent is the baseline.
			return s.baselinePhrase(end+1, cands)
		}
		if baselineStop[t.lw] && end > start {
			if t.lw == "and" && end+1 < len(toks) && isCapitalised(toks[end+1].w) && toks[end+1].kind == tkWord && !toks[end+1].masked {
				end++
				continue
			}
			break
		}
		if startsCand(cands, end) || (t.lw == "of" || t.lw == "at") && end+1 < len(toks) && toks[end+1].kind == tkNum && isFigureToken(toks[end+1].w) {
			// "the previous best of 180": the figure is the baseline's, not its name.
			break
		}
		end++
	}
	if end == start {
		return "", 0, 0
	}
	return s.text[toks[start].s:toks[end-1].e], start, end
}

func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func startsCand(cands []*cand, k int) bool {
	for _, c := range cands {
		if c.ti == k && !c.drop {
			return true
		}
	}
	return false
}

// baselineFor looks forward from the figure to the end of its clause (lists
// share a trailing "compared to X"), then back to a sentence-initial
// "Compared with X," or an "X outperforms Y ... and accelerates ..." frame.
func (s *sentence) baselineFor(c *cand, cands []*cand) (string, int, int) {
	toks := s.toks
	k := c.tj
	// From inside parentheses, continue after them.
	depth := 0
	for j := c.ti - 1; j >= 0; j-- {
		if toks[j].lw == ")" {
			depth--
		} else if toks[j].lw == "(" {
			depth++
		}
	}
	if depth > 0 {
		for k < len(toks) && toks[k].lw != ")" {
			k++
		}
		k++
	}
	if c.unit.kind == ukFactor && k < len(toks) && toks[k].lw == "the" && toks[k-1].kind == tkNum {
		// "2.3x the training throughput of Megatron": a multiple of the
		// baseline's own figure.
		for j := k + 2; j < len(toks) && j <= k+5; j++ {
			if isClausePunct(toks[j].lw) || toks[j].kind == tkNum {
				break
			}
			if toks[j].lw == "of" {
				if bl, i, e := s.baselinePhrase(j+1, cands); bl != "" {
					return bl, i, e
				}
				break
			}
		}
	}
	for k < len(toks) {
		w := toks[k].lw
		if w == "(" {
			for k < len(toks) && toks[k].lw != ")" {
				k++
			}
			k++
			continue
		}
		if w == ";" || w == "." || w == "whereas" || w == "but" || w == "which" {
			break
		}
		if w == "," {
			if k+1 < len(toks) && s.baselineCueAt(k+1) > 0 && toks[k+1].lw != "over" {
				k++
				continue
			}
			break
		}
		if n := s.baselineCueAt(k); n > 0 {
			if bl, i, j := s.baselinePhrase(k+n, cands); bl != "" {
				return bl, i, j
			}
			break
		}
		k++
	}
	// Backward: the frame must open the sentence's figures ("Compared with X,
	// A and B"); a cue after an earlier figure belongs to that figure.
	for k := c.ti - 1; k >= 0; k-- {
		n := s.baselineCueAt(k)
		if n == 0 {
			continue
		}
		for _, o := range cands {
			if o != c && o.tj <= k && !o.drop {
				return "", 0, 0
			}
		}
		w := toks[k].lw
		// "Comparative analysis against X, ..., demonstrates that ...".
		framed := (w == "against" || w == "versus" || w == "vs") && k > 0 && (strings.HasPrefix(toks[k-1].lw, "compar") ||
			k > 1 && strings.HasPrefix(toks[k-2].lw, "compar") || toks[k-1].lw == "benchmarked" || toks[k-1].lw == "evaluated")
		if w == "unlike" && c.unit.kind != ukFactor && c.unit.kind != ukPct {
			// "Unlike X, ours renders at 90 FPS": no comparison is measured.
			return "", 0, 0
		}
		if framed || w == "unlike" || w == "compared" || w == "relative" || w == "in" || w == "comparing" || strings.HasPrefix(w, "outperform") || strings.HasPrefix(w, "surpass") || w == "beats" || w == "beating" {
			if bl, i, j := s.baselinePhrase(k+n, cands); bl != "" {
				return bl, i, j
			}
		}
		return "", 0, 0
	}
	return "", 0, 0
}

// hardwareFor attaches the device the figure was measured on: the first
// device named after it in the sentence, else the nearest before; devices
// inside the baseline phrase belong to the baseline.
func (s *sentence) hardwareFor(c *cand, cands []*cand, bi, bj int) {
	var named, counted *hwMention
	// A ";" separates independent statements; within one, the figure's own
	// clause is searched first ("On an A100, X is 2x faster; on an H100, 3x").
	segL, segR := c.ti, c.tj
	for segL > 0 && s.toks[segL-1].lw != ";" {
		segL--
	}
	for segR < len(s.toks) && s.toks[segR].lw != ";" {
		segR++
	}
	cl, cr := s.clause(c.ti, c.tj)
	pickIn := func(lo, hi int, want func(m *hwMention) bool) *hwMention {
		var after, before *hwMention
		for i := range s.hw {
			m := &s.hw[i]
			if !want(m) || bj > bi && m.ti >= bi && m.ti < bj || m.ti < lo || m.tj > hi {
				continue
			}
			if m.ti >= c.tj {
				if after == nil {
					after = m
				}
			} else if m.tj <= c.ti {
				before = m
			}
		}
		if after != nil {
			return after
		}
		return before
	}
	pick := func(want func(m *hwMention) bool) *hwMention {
		if m := pickIn(cl, cr, want); m != nil {
			return m
		}
		return pickIn(segL, segR, want)
	}
	// The baseline's phrase runs from "than" to the end of its clause or the
	// next conjunct ("than PETSc and uses 2x less memory on 64 nodes").
	than, thanEnd := len(s.toks), len(s.toks)
	for k := c.tj; k < len(s.toks); k++ {
		if s.toks[k].lw == "than" {
			than = k
			for thanEnd = k + 1; thanEnd < len(s.toks); thanEnd++ {
				w := s.toks[thanEnd].lw
				if isClausePunct(w) || w == "and" || w == "while" || w == "whereas" || w == "but" || w == "which" {
					break
				}
			}
			break
		}
	}
	pick0 := pick
	pick = func(want func(m *hwMention) bool) *hwMention {
		return pick0(func(m *hwMention) bool { return (m.ti < than || m.ti >= thanEnd) && want(m) })
	}
	named = pick0(func(m *hwMention) bool { return m.entry != nil })
	// Only a bare device count after "than" is the baseline's ("than ... on a
	// single device"); a named device there ("than X on A100 GPUs") is shared.
	counted = pick(func(m *hwMention) bool { return m.entry == nil && m.count > 0 })
	if c.metric == "scaling_efficiency" && counted != nil {
		// "from a single GPU to 4,096 GPUs": efficiency is stated at the
		// largest scale of the run.
		for i := range s.hw {
			m := &s.hw[i]
			if m.entry == nil && m.count > counted.count && m.ti >= segL && m.tj <= segR {
				counted = m
			}
		}
	}
	if m := s.respectiveDevice(c, cands); m != nil {
		named = m
	} else if named != nil && named.ti < c.ti && s.ownDeviceSlot(c) {
		// "210 FPS on an RTX 4090 and 35 FPS on a Snapdragon phone": the
		// second figure names its own (unknown) device; the first's is not it.
		named = nil
	} else if named != nil && named.ti < c.ti && s.countSlot(c) && s.claimedBefore(named, c, cands) {
		// "1M tokens on a single A100 and 10M on an 8-GPU system": the
		// device belongs to the first figure; the second names its own count.
		named = nil
	}
	if named != nil {
		c.hw = named.entry
		c.hwCount = named.count
		c.conf += 0.05
	}
	if c.hwCount == 0 && counted != nil {
		c.hwCount = counted.count
		if len(counted.list) > 0 {
			c.hwCount = 0
			if s.has("respectively") {
				idx := 0
				var live []*cand
				for _, o := range cands {
					if !o.drop && o.tj <= counted.ti {
						live = append(live, o)
					}
				}
				for i, o := range live {
					if o == c {
						idx = i
					}
				}
				if len(live) == len(counted.list) {
					c.hwCount = counted.list[idx]
				}
			}
		}
	}
}

// subjects names what each figure measures. With "respectively" the
// figures map onto the listed nouns in order; otherwise the nouns next to
// the figure are used.
func (s *sentence) subjects(cands []*cand) {
	toks := s.toks
	resp := -1
	for k, t := range toks {
		if t.lw == "respectively" {
			resp = k
		}
	}
	var live []*cand
	for _, c := range cands {
		if !c.drop {
			live = append(live, c)
		}
	}
	if resp < 0 {
		resp = s.gainsListEnd(live)
	}
	if resp > 0 && len(live) > 1 {
		// Figures before "respectively" and the item list after the last figure.
		// Figures in parentheses ("(on average 8.69x and 11.60x)") form a
		// second list over the same nouns.
		var outer, inner []*cand
		for _, c := range live {
			if c.tj <= resp {
				if s.inParens(c.ti) {
					inner = append(inner, c)
				} else {
					outer = append(outer, c)
				}
			}
		}
		// Only the list right before "respectively" pairs with its nouns;
		// earlier figures of the sentence stand alone.
		var group []*cand
		if len(outer) > 0 {
			start := len(outer) - 1
			for start > 0 && s.listContinues(outer[start-1], outer[start]) {
				start--
			}
			group = outer[start:]
			var in []*cand
			for _, c := range inner {
				if c.ti > group[0].tj {
					in = append(in, c)
				}
			}
			inner = in
		}
		if len(group) > 1 {
			last := group[len(group)-1]
			var items []string
			cur := []string{}
			flush := func() {
				if len(cur) > 0 {
					items = append(items, strings.Join(cur, " "))
					cur = cur[:0]
				}
			}
			k0 := last.tj
			if k0+1 < resp && gainHeads[toks[k0].lw] && (toks[k0+1].lw == "in" || toks[k0+1].lw == "of") {
				k0 += 2 // "2x and 3x improvements in A and B": the items follow "in"
			}
			for k := k0; k < resp; k++ {
				w := toks[k].w
				lw := toks[k].lw
				if lw == "(" {
					for k < resp && toks[k].lw != ")" {
						k++
					}
					continue
				}
				if lw == ")" {
					continue
				}
				if lw == "and" || lw == "," || lw == "or" {
					flush()
					continue
				}
				if lw == "when" || lw == "for" || lw == "on" || lw == "with" || lw == "in" {
					break
				}
				if toks[k].kind == tkNum {
					continue
				}
				cur = append(cur, w)
			}
			flush()
			if len(items) == 0 {
				items = s.listBefore(group[0].ti)
			}
			if len(items) == len(group) {
				// A shared leading modifier ("maximum batch size and sequence length").
				first := strings.Fields(items[0])
				if len(first) > 1 && isSharedModifier(strings.ToLower(first[0])) {
					for i := 1; i < len(items); i++ {
						items[i] = first[0] + " " + items[i]
					}
				}
				for i, c := range group {
					c.subject = items[i]
				}
				if len(inner) == len(group) {
					for i, c := range inner {
						c.subject = items[i]
					}
				}
			}
		}
	}
	for _, c := range live {
		if c.subject == "" {
			c.subject = s.subjectOf(c)
		}
		if c.subject == "" && c.prev != nil && !c.prev.drop && c.prev.subject != "" && (s.parenContinues(c.prev, c) || s.listContinues(c.prev, c)) {
			c.subject = c.prev.subject
		}
		if c.subject == "" {
			c.subject = cleanPhrase(strings.Fields(s.nearbyNouns(c)))
		}
		if c.subject == "" {
			c.subject = metricNoun(c.metric)
		}
	}
}

// gainHeads name a list of figures by what they improve: "2.7x and 3.1x
// improvements in speed and energy".
var gainHeads = map[string]bool{"improvements": true, "improvement": true, "gains": true, "reductions": true, "savings": true}

// gainsListEnd finds "N and M improvements in A and B" with no
// "respectively": the figures pair with the nouns in order all the same when
// the noun list has as many items as there are figures. It returns the end
// of the noun list, or -1.
func (s *sentence) gainsListEnd(live []*cand) int {
	toks := s.toks
	for i := 1; i < len(live); i++ {
		a, b := live[i-1], live[i]
		if !s.listContinues(a, b) || b.tj+1 >= len(toks) || !gainHeads[toks[b.tj].lw] ||
			toks[b.tj+1].lw != "in" && toks[b.tj+1].lw != "of" {
			continue
		}
		n := 2
		for j := i - 1; j > 0 && s.listContinues(live[j-1], live[j]); j-- {
			n++
		}
		items, k := 1, b.tj+2
		for ; k < len(toks); k++ {
			w := toks[k].lw
			if isClausePunct(w) && w != "," || subjectStop[w] && w != "and" || toks[k].kind == tkNum {
				break
			}
			if w == "and" || w == "," {
				items++
			}
		}
		if items == n {
			return k
		}
	}
	return -1
}

func isSharedModifier(w string) bool {
	switch w {
	case "maximum", "max", "peak", "average", "total", "overall", "end-to-end", "training", "inference":
		return true
	}
	return false
}

var subjectStop = map[string]bool{"on": true, "with": true, "compared": true, "over": true, "than": true, "for": true,
	"when": true, "at": true, "using": true, "while": true, "and": true, "in": true, "of": true, "to": true, "by": true,
	"vs": true, "versus": true, "against": true, "relative": true, "from": true, "which": true, "respectively": true,
	"comparing": true}

var subjectSkip = map[string]bool{"the": true, "a": true, "an": true, "up": true, "to": true, "of": true, "by": true,
	"our": true, "its": true, "their": true, "achieves": true, "achieve": true, "achieving": true, "achieved": true,
	"over": true, "about": true, "around": true, "roughly": true, "nearly": true, "more": true, "than": true, "is": true,
	"are": true, "max": true, "maximum": true, "on": true, "average": true, "with": true, "speeds": true, "reduces": true,
	"gives": true, "shows": true, "yields": true, "demonstrates": true, "at": true, "that": true, "can": true}

// nearbyNouns is a best-effort subject: up to four words after the unit,
// or before the number when nothing follows.
func (s *sentence) nearbyNouns(c *cand) string {
	toks := s.toks
	var words []string
	for k := c.tj; k < len(toks) && len(words) < 4; k++ {
		t := toks[k]
		if len(words) == 0 && (t.lw == "geomean" || t.lw == "mean" || t.lw == "average" || t.lw == "absolute" || t.lw == "higher" || t.lw == "lower" || t.lw == "less" || t.lw == "more") {
			if t.lw == "higher" || t.lw == "lower" || t.lw == "less" || t.lw == "more" {
				words = append(words, t.w)
			}
			continue
		}
		if isClausePunct(t.lw) || subjectStop[t.lw] || t.kind == tkNum || t.masked {
			break
		}
		words = append(words, t.w)
	}
	if len(words) > 0 && !(len(words) == 1 && (words[0] == "higher" || words[0] == "lower" || words[0] == "less" || words[0] == "more")) {
		return strings.Join(words, " ")
	}
	if c.prev != nil && !c.prev.drop && c.prev.subject != "" && s.parenContinues(c.prev, c) {
		return c.prev.subject
	}
	var back []string
	for k := c.ti - 1; k >= 0 && len(back) < 3; k-- {
		t := toks[k]
		if isClausePunct(t.lw) || t.kind == tkNum || t.masked || t.lw == "and" || t.lw == "or" {
			break
		}
		if subjectSkip[t.lw] {
			if len(back) > 0 {
				break
			}
			continue
		}
		back = append([]string{t.w}, back...)
	}
	return strings.Join(back, " ")
}

// toClaim cuts Text and Evidence out of the original abstract.
func (s *sentence) toClaim(doc *document, c *cand) Claim {
	toks := s.toks
	l, r := s.clause(c.ti, c.tj)
	if c.ti-l > 25 {
		l = c.ti - 25
	}
	if r-c.tj > 25 {
		r = c.tj + 25
	}
	if r <= l {
		r = c.tj
	}
	es, ee := doc.n.orig(toks[l].s, toks[r-1].e)
	ts, te := doc.n.orig(toks[c.ti].s, toks[c.tj-1].e)
	if ts < es {
		es = ts
	}
	if te > ee {
		ee = te
	}
	orig := doc.orig
	cl := Claim{
		Metric:     c.metric,
		Value:      round(c.v),
		Unit:       c.unitLabel,
		Qualifier:  c.qual,
		Baseline:   c.baseline,
		Subject:    c.subject,
		Condition:  c.condition,
		Evidence:   orig[es:ee],
		Text:       orig[ts:te],
		Start:      es,
		End:        ee,
		Confidence: math.Round(math.Min(0.99, math.Max(0.05, c.conf))*100) / 100,
	}
	if c.hasHi {
		h := round(c.hi)
		cl.ValueHigh = &h
	}
	if c.hw != nil {
		cl.Hardware = c.hw.Name
	}
	cl.HardwareCount = c.hwCount
	return cl
}

// round drops float noise from unit scaling (0.94*100 = 94.00000000000001).
func round(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0
		}
		return v
	}
	mag := math.Pow(10, 9-math.Floor(math.Log10(math.Abs(v))))
	if math.IsInf(mag, 0) || mag == 0 {
		return v
	}
	r := math.Round(v*mag) / mag
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return v
	}
	return r
}

func (s *sentence) has(word string) bool {
	for _, t := range s.toks {
		if t.lw == word {
			return true
		}
	}
	return false
}

// conditions collects setup phrases of the sentence that qualify its
// figures without being claims: resolutions ("512x512 images", "4K
// resolution") and model sizes ("20B GPT model"). Best effort: the field is
// informative, not scored.
func (s *sentence) conditions() string {
	toks := s.toks
	var out []string
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind != tkNum {
			continue
		}
		_, rest, _, ok := parseLeadingNumber(t.w)
		if !ok {
			continue
		}
		lr := strings.ToLower(rest)
		switch {
		case len(lr) > 1 && lr[0] == 'x' && isDigit(lr[1]):
			phrase := t.w
			if k+1 < len(toks) && (toks[k+1].lw == "images" || toks[k+1].lw == "resolution" || toks[k+1].lw == "pixels" || toks[k+1].lw == "frames") {
				phrase += " " + toks[k+1].w
			}
			out = append(out, phrase)
		case (lr == "k" || lr == "p") && k+1 < len(toks) && strings.HasPrefix(toks[k+1].lw, "res"):
			out = append(out, strings.ToUpper(t.w)+" resolution")
		case lr == "b" || lr == "m" || strings.HasPrefix(lr, "b-") || strings.HasPrefix(lr, "m-") ||
			strings.HasPrefix(lr, "-billion") || strings.HasPrefix(lr, "-million") || strings.HasPrefix(lr, "-trillion"):
			end := k + 1
			for end < len(toks) && end < k+4 && toks[end].kind == tkWord && !isClausePunct(toks[end].lw) {
				end++
				if strings.HasPrefix(toks[end-1].lw, "model") {
					out = append(out, s.text[t.s:toks[end-1].e])
					break
				}
			}
		}
	}
	return strings.Join(out, "; ")
}

// isFigureToken tells a number ("30TF", "2.32~6.71x", "12") from a name
// that starts with a digit ("3DGS", "4D-GS").
func isFigureToken(w string) bool {
	_, rest, _, ok := parseLeadingNumber(w)
	if !ok {
		return false
	}
	if len(rest) > 1 && rest[0] == '-' && !isDigit(rest[1]) && rest[1] != '~' {
		// "8-GPU baseline", "4-bit": a compound adjective unless the rest
		// is a unit or multiplier ("10-fold", "500-billion").
		if d, ok := lookupUnit(rest); ok {
			return d.kind != ukNonClaim
		}
		m, _ := splitMultiplier(rest)
		return m != 1
	}
	if rest == "" || rest[0] == '~' || rest[0] == '-' || rest[0] == '+' || rest[0] == '%' {
		return true
	}
	if _, ok := lookupUnit(rest); ok {
		return true
	}
	m, r := splitMultiplier(rest)
	return m != 1 && (r == "" || func() bool { _, ok := lookupUnit(r); return ok }())
}

// listBefore reads the nouns listed before the figures in "reduces the
// volume and overhead by 22.89x and 27.21x, respectively".
func (s *sentence) listBefore(k int) []string {
	toks := s.toks
	j := k - 1
	for j >= 0 && (qualFillers[toks[j].lw] || toks[j].lw == "up" || toks[j].lw == "to" || toks[j].lw == "over" || toks[j].lw == "about") {
		j--
	}
	end := j + 1
	for j >= 0 && !isClausePunct(toks[j].lw) && toks[j].lw != "the" && toks[j].lw != "our" && toks[j].kind == tkWord && end-j < 10 {
		if hasPrefixAny(toks[j].lw, reduceCues) || hasPrefixAny(toks[j].lw, []string{"improv", "increas", "accelerat", "speeds", "boost", "enhanc"}) {
			break
		}
		j--
	}
	var items []string
	var cur []string
	for _, t := range toks[j+1 : end] {
		if t.lw == "and" || t.lw == "," || t.lw == "or" {
			if len(cur) > 0 {
				items = append(items, strings.Join(cur, " "))
			}
			cur = nil
			continue
		}
		cur = append(cur, t.w)
	}
	if len(cur) > 0 {
		items = append(items, strings.Join(cur, " "))
	}
	return items
}

func (s *sentence) inParens(k int) bool {
	depth := 0
	for _, t := range s.toks[:k] {
		switch t.lw {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// respectiveDevice pairs a list of figures with a list of devices under
// "respectively": "120 and 240 FPS on RTX 3090 and RTX 4090 GPUs,
// respectively".
func (s *sentence) respectiveDevice(c *cand, cands []*cand) *hwMention {
	if !s.has("respectively") {
		return nil
	}
	var live []*cand
	for _, o := range cands {
		if !o.drop {
			live = append(live, o)
		}
	}
	idx := -1
	for i, o := range live {
		if o == c {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	lo, hi := idx, idx
	for lo > 0 && s.listContinues(live[lo-1], live[lo]) {
		lo--
	}
	for hi+1 < len(live) && s.listContinues(live[hi], live[hi+1]) {
		hi++
	}
	if hi == lo {
		return nil
	}
	var devs []*hwMention
	for i := range s.hw {
		if m := &s.hw[i]; m.entry != nil && m.ti >= live[hi].tj {
			devs = append(devs, m)
		}
	}
	if len(devs) != hi-lo+1 {
		return nil
	}
	return devs[idx-lo]
}

// ownDeviceSlot reports "on a <Name>" right after the figure where the name
// is not in the gazetteer.
func (s *sentence) ownDeviceSlot(c *cand) bool {
	toks := s.toks
	k := c.tj
	if k >= len(toks) || toks[k].lw != "on" {
		return false
	}
	k++
	for k < len(toks) && (toks[k].lw == "a" || toks[k].lw == "an" || toks[k].lw == "the" || toks[k].lw == "one" || toks[k].lw == "single") {
		k++
	}
	return k < len(toks) && !toks[k].masked && toks[k].kind == tkWord && isCapitalised(toks[k].w)
}

// countSlot reports a figure followed by "on" and a bare device count of
// its own: "10M tokens on an 8-GPU system", "3x on 64 nodes".
func (s *sentence) countSlot(c *cand) bool {
	k := c.tj
	if k >= len(s.toks) || s.toks[k].lw != "on" {
		return false
	}
	for _, m := range s.hw {
		if m.entry == nil && m.count > 0 && m.ti >= k+1 && m.ti <= k+3 {
			return true
		}
	}
	return false
}

// claimedBefore reports another kept figure between which and c the device
// m sits right after: m then states where that earlier figure was measured.
func (s *sentence) claimedBefore(m *hwMention, c *cand, cands []*cand) bool {
	for _, o := range cands {
		if o != c && !o.drop && o.tj <= m.ti && m.ti-o.tj <= 5 {
			return true
		}
	}
	return false
}

// overSpan reports "over" opening a span or a set rather than a baseline:
// "over time", "over all benchmarks", "over a wide range of inputs", "over
// the course of training". A determiner and a noun followed by "of" is a
// span; "over the state of the art" and "over a single GPU" are baselines.
func (s *sentence) overSpan(k int) bool {
	toks := s.toks
	at := func(j int) string {
		if j < len(toks) {
			return toks[j].lw
		}
		return ""
	}
	switch at(k + 1) {
	case "time", "all", "multiple", "different", "various", "several", "many", "each", "every", "both", "hundreds", "thousands", "millions":
		return true
	case "a", "an", "the":
		switch at(k + 2) {
		case "past", "last", "next", "years", "decade", "decades", "lifetime", "duration":
			return true // "over the past decade"
		}
		for j := k + 2; j <= k+4 && j < len(toks); j++ {
			if at(j) == "state" {
				return false
			}
			if at(j) == "of" {
				return j > k+2
			}
			if isClausePunct(at(j)) || toks[j].kind == tkNum {
				return false
			}
		}
	}
	return false
}
