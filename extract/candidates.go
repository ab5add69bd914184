package extract

import (
	"math"
	"strings"
)

// cand is a number with its unit, before it is judged to be a claim.
type cand struct {
	ti, tj  int // tokens [ti,tj) of number..unit: becomes Claim.Text
	v, hi   float64
	hasHi   bool
	unit    unitDef
	qual    string
	approx  bool // "~500" or "orders of magnitude"
	plus    bool // "10+%"
	below   bool // "<0.1"
	numWord bool
	// wordMetric is the metric a verb of a spelled factor names: "halves
	// the latency" is a reduction whatever the nouns around it say.
	wordMetric string
	// bareSize is "a 175B model", a size without the word "parameters": it is
	// the setting of any other figure in the sentence.
	bareSize bool
	prev     *cand // the figure before this one in the sentence
	// background figures are dropped but keep their metric for ellipses.
	background bool

	metric    string
	unitLabel string
	drop      bool
	hw        *hwEntry
	hwCount   int
	baseline  string
	subject   string
	condition string
	conf      float64
}

// findCandidates reads every number in the sentence together with the unit
// that follows it. Numbers without a unit are kept only in the few phrasings
// where the unit is implied ("scaling efficiency of 0.94").
func (s *sentence) findCandidates() []*cand {
	var out []*cand
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.masked || t.kind == tkPunct {
			continue
		}
		var c *cand
		var next int
		if t.kind == tkNum {
			c, next = s.parseNumber(i)
		} else {
			c, next = s.parseWordNumber(i)
		}
		if c == nil {
			continue
		}
		out = append(out, c)
		if next > i+1 {
			i = next - 1
		}
	}
	return out
}

// parseWordNumber handles spelled quantities that need a unit to be numbers:
// "two orders of magnitude", "three times faster", "two-fold", "one second",
// and a bare scale word before "parameter" ("trillion parameter models").
func (s *sentence) parseWordNumber(i int) (*cand, int) {
	toks := s.toks
	lw := toks[i].lw
	if !mayBeWordNumber(lw) {
		return nil, 0 // nearly every word: one lookup instead of a dozen
	}
	// "an order of magnitude", "two orders of magnitude"
	if v, ok := numberWords[lw]; ok && i+3 < len(toks) {
		if (toks[i+1].lw == "order" || toks[i+1].lw == "orders") && toks[i+2].lw == "of" && toks[i+3].lw == "magnitude" {
			return &cand{ti: i, tj: i + 4, v: math.Pow(10, v), unit: unitDef{kind: ukFactor, scale: 1}, approx: true, numWord: true}, i + 4
		}
	}
	// "halves the latency", "cuts memory by half", "doubles the throughput".
	switch lw {
	case "halves", "halve", "halving":
		return &cand{ti: i, tj: i + 1, v: 2, unit: unitDef{kind: ukFactor, scale: 1}, numWord: true, wordMetric: "reduction_factor"}, i + 1
	case "half":
		if i > 0 && (toks[i-1].lw == "by" || toks[i-1].lw == "in") && (i+1 == len(toks) || toks[i+1].lw != "of") {
			return &cand{ti: i - 1, tj: i + 1, v: 2, unit: unitDef{kind: ukFactor, scale: 1}, numWord: true, wordMetric: "reduction_factor"}, i + 1
		}
	case "doubles", "triples", "quadruples":
		v := map[string]float64{"doubles": 2, "triples": 3, "quadruples": 4}[lw]
		return &cand{ti: i, tj: i + 1, v: v, unit: unitDef{kind: ukFactor, scale: 1}, numWord: true}, i + 1
	case "third", "quarter", "fifth", "tenth":
		// "needs only a third of the memory": a reduction by three.
		if i > 0 && (toks[i-1].lw == "a" || toks[i-1].lw == "one") && i+1 < len(toks) && toks[i+1].lw == "of" {
			for k := i + 2; k < len(toks) && k <= i+4; k++ {
				if resourceNouns[toks[k].lw] || costNouns[toks[k].lw] {
					v := map[string]float64{"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}[lw]
					return &cand{ti: i - 1, tj: i + 1, v: v, unit: unitDef{kind: ukFactor, scale: 1}, numWord: true, wordMetric: "reduction_factor"}, i + 1
				}
			}
		}
	}
	// "a factor two speed up", "by a factor of three".
	if v, ok := numberWords[lw]; ok && lw != "a" && lw != "an" && lw != "single" && afterFactorWord(toks, i) {
		return &cand{ti: i, tj: i + 1, v: v, unit: unitDef{kind: ukFactor, scale: 1}, numWord: true}, i + 1
	}
	if strings.HasSuffix(lw, "fold") && len(lw) > 4 {
		// "twofold", "tenfold".
		if v, ok := numberWords[lw[:len(lw)-4]]; ok && v >= 2 {
			return &cand{ti: i, tj: i + 1, v: v, unit: unitDef{kind: ukFactor, scale: 1}, numWord: true}, i + 1
		}
	}
	if lw == "twice" && i+1 < len(toks) && (toks[i+1].lw == "as" || hasPrefixAny(toks[i+1].lw, speedCues) || hasPrefixAny(toks[i+1].lw, capacityCues) || toks[i+1].lw == "the") {
		// "twice as fast", "twice the throughput".
		return &cand{ti: i, tj: i + 1, v: 2, unit: unitDef{kind: ukFactor, scale: 1}, numWord: true}, i + 1
	}
	if k := strings.IndexByte(lw, '-'); k > 0 {
		if v, ok := numberWords[lw[:k]]; ok && lw[:k] != "a" && lw[:k] != "an" && lw[:k] != "single" {
			if d, ok := lookupUnit(lw[k:]); ok && d.kind == ukFactor {
				return &cand{ti: i, tj: i + 1, v: v, unit: d, numWord: true}, i + 1
			}
		}
	}
	if v, ok := numberWords[lw]; ok && lw != "a" && lw != "an" && lw != "single" && lw != "half" && i+1 < len(toks) {
		nx := toks[i+1].lw
		if d, ok := lookupUnit(nx); ok {
			switch d.kind {
			case ukFactor:
				if nx == "x" {
					break
				}
				return &cand{ti: i, tj: i + 2, v: v, unit: d, numWord: true}, i + 2
			case ukTime:
				if len(nx) > 3 { // "one second", not "one s"; "two hours" is 7200 s
					return &cand{ti: i, tj: i + 2, v: v * d.scale, unit: d, numWord: true}, i + 2
				}
			case ukPct:
				return &cand{ti: i, tj: i + 2, v: v, unit: d, numWord: true}, i + 2
			}
		}
	}
	if v, ok := numberWords[lw]; ok && v >= 2 && i+2 < len(toks) {
		// "four trillion particles".
		if sc, ok := scaleWords[toks[i+1].lw]; ok && len(toks[i+1].lw) > 2 && sc >= 1e6 {
			if n, label := s.countNoun(i + 2); n > 0 {
				return &cand{ti: i, tj: i + 2 + n, v: v * sc, unit: unitDef{kind: ukOther, scale: 1, label: label, count: true}, numWord: true}, i + 2 + n
			}
		}
	}
	if sc, ok := scaleWords[lw]; ok && len(lw) > 2 && i+1 < len(toks) {
		prev := ""
		if i > 0 {
			prev = toks[i-1].lw
		}
		// "trillion parameter models" (bare) or "a million tokens per second".
		d, n := s.unitAt(i + 1)
		bare := prev == "" || toks[i-1].kind == tkWord && numberWords[prev] == 0
		if n > 0 && (d.kind == ukParams && (bare || prev == "a" || prev == "one") ||
			(prev == "a" || prev == "one") && (d.kind == ukTokens || d.kind == ukTokPerS || d.kind == ukOther || d.kind == ukFPS)) {
			c := &cand{ti: i, tj: i + 1 + n, v: sc, unit: d, numWord: true}
			if prev == "a" || prev == "one" {
				c.ti = i - 1
			}
			return c, i + 1 + n
		}
	}
	return nil, 0
}

// parseNumber reads the number at token i with its range partner,
// multiplier and unit. It returns nil for numbers that are part of a name,
// a resolution ("512x512") or a device count ("8x A100").
func (s *sentence) parseNumber(i int) (*cand, int) {
	toks := s.toks
	t := toks[i]
	v, rest, mark, ok := parseLeadingNumber(dedupRepeatedNumber(t.w))
	if !ok {
		return nil, 0
	}
	c := &cand{ti: i, tj: i + 1, v: v}
	if strings.Contains(mark, "~") {
		c.approx = true
	}
	if strings.Contains(mark, ">") {
		c.plus = true
	}
	if strings.Contains(mark, "<") && !strings.Contains(mark, ">") {
		c.below = true
	}
	// Exponent: "10^9", "2^n".
	if strings.HasPrefix(rest, "^") {
		ev, r2, _, ok := parseLeadingNumber(rest[1:])
		if !ok || ev > 300 {
			return nil, 0
		}
		c.v = math.Pow(v, ev)
		rest = r2
	}
	if len(rest) > 4 && (rest[0] == 'x' || rest[0] == 'X') && rest[1:4] == "10^" {
		// "3x10^9" with the multiplication sign: scientific notation.
		if ev, r2, _, ok := parseLeadingNumber(rest[4:]); ok && ev <= 300 {
			c.v *= math.Pow(10, ev)
			rest = r2
		}
	}
	if rest != "" && (rest[0] == 'x' || rest[0] == 'X') && len(rest) > 1 && isDigit(rest[1]) {
		return nil, i + 1 // "512x512": a resolution or shape
	}
	unitTxt, rng := splitRange(rest)
	if rng != "" {
		hv, hrest, _, ok := parseLeadingNumber(rng)
		if !ok {
			return nil, 0
		}
		c.hi, c.hasHi = hv, true
		if unitTxt == "" || unitEquiv(unitTxt, hrest) {
			unitTxt = hrest
		} else if hrest != "" {
			return nil, 0
		}
	}
	if strings.HasSuffix(unitTxt, "+") || strings.HasPrefix(unitTxt, "+") {
		c.plus = true
		unitTxt = strings.Trim(unitTxt, "+")
	}
	j := i + 1
	// Range across tokens: "8x to 26x", "2.36~ 8.02x", "between 2 and 3".
	if !c.hasHi {
		if strings.HasSuffix(unitTxt, "~") || strings.HasSuffix(unitTxt, "-") {
			unitTxt = unitTxt[:len(unitTxt)-1]
			if j < len(toks) && toks[j].kind == tkNum {
				if hv, hrest, _, ok := parseLeadingNumber(toks[j].w); ok {
					c.hi, c.hasHi = hv, true
					if unitTxt == "" || unitEquiv(unitTxt, hrest) {
						unitTxt = hrest
					}
					j++
				}
			}
		} else if j+1 < len(toks) && (toks[j].lw == "to" || toks[j].lw == "~" || toks[j].lw == "-" || toks[j].lw == "and" && i > 0 && toks[i-1].lw == "between") && toks[j+1].kind == tkNum && !(i > 0 && toks[i-1].lw == "from" && !factorish(unitTxt, toks[j+1].w)) {
			if hv, hrest, _, ok := parseLeadingNumber(toks[j+1].w); ok && hv > v {
				leftUnit := unitTxt
				if unitTxt == "" || unitEquiv(unitTxt, hrest) {
					c.hi, c.hasHi = hv, true
					unitTxt = hrest
					j += 2
				} else if _, known := lookupUnit(leftUnit); !known {
					c.hi, c.hasHi = hv, true
					unitTxt = hrest
					j += 2
				}
			}
		}
	}
	// Multiplier attached ("114K", "7B", "500-billion") or as the next word.
	mult := 1.0
	if unitTxt != "" {
		if _, isUnit := lookupUnit(unitTxt); !isUnit {
			m, r := splitMultiplier(unitTxt)
			if m != 1 {
				mult = m
				unitTxt = r
			}
		}
	}
	if unitTxt == "" && j < len(toks) {
		if m, ok := scaleWords[toks[j].lw]; ok && len(toks[j].lw) > 2 {
			mult = m
			j++
		}
	}
	c.v *= mult
	if c.hasHi {
		c.hi *= mult
	}
	// Scientific notation split over tokens: "3.5 x 10^9".
	if (unitTxt == "x" || unitTxt == "") && j < len(toks) {
		k := j
		if unitTxt == "" && toks[k].lw == "x" {
			k++
		}
		if (unitTxt == "x" || k > j) && k < len(toks) && strings.HasPrefix(toks[k].w, "10^") {
			if ev, r2, _, ok := parseLeadingNumber(toks[k].w[3:]); ok && ev <= 300 {
				c.v *= math.Pow(10, ev)
				if c.hasHi {
					c.hi *= math.Pow(10, ev)
				}
				unitTxt = r2
				j = k + 1
			}
		}
	}
	if unitTxt != "" {
		d, ok := lookupUnit(unitTxt)
		if !ok {
			// "4D", "3DGS", "1st": part of a name.
			return nil, i + 1
		}
		if strings.HasSuffix(strings.ToLower(unitTxt), "/gpu") {
			d.perGPU = true
		}
		c.unit = d
	} else if j < len(toks) {
		d, n := s.unitAt(j)
		if n > 0 {
			c.unit = d
			j += n
		}
	}
	if c.unit.kind == ukNone && (mult > 1 || v >= 1000) && s.seqLengthNear(i, j) {
		// "500K sequence length", "a context length of up to 1 million",
		// "seq. length 32K": the noun names the unit.
		c.unit = unitDef{kind: ukTokens, scale: 1, label: "context"}
	}
	if c.unit.kind == ukNone && mult >= 1e6 && j < len(toks) {
		// "1.62 trillion atoms", "a four trillion particle simulation",
		// "1 trillion degrees of freedom": the size of what was simulated or processed.
		if n, label := s.countNoun(j); n > 0 {
			c.unit = unitDef{kind: ukOther, scale: 1, label: label, count: true}
			j += n
		}
	}
	if c.unit.kind == ukNone && mult > 1 && s.bareModelSize(i, j) {
		// "trains a 175B model": the model noun implies parameters.
		c.unit = unitDef{kind: ukParams, scale: 1}
		c.bareSize = true
	}
	if c.unit.kind == ukNone && afterFactorWord(toks, i) && !(j < len(toks) && countedNoun(toks[j])) {
		c.unit = unitDef{kind: ukFactor, scale: 1}
	}
	if c.unit.kind == ukNone && !c.hasHi && mult == 1 && j+1 < len(toks) && (toks[j].lw == "and" || toks[j].lw == "or" || toks[j].lw == "," || toks[j].lw == "/") && toks[j+1].kind == tkNum {
		// "1 and 2 TFLOPS": the unit written once serves the whole list.
		if next, _ := s.parseNumber(j + 1); next != nil && next.unit.kind != ukNone && next.unit.kind != ukNonClaim && next.unit.kind != ukOOM {
			c.unit = next.unit
		}
	}
	c.tj = j
	if c.unit.kind == ukFactor {
		// "4096 times 2048" is a size; "8x A100" is a device count.
		if j < len(toks) && toks[j].kind == tkNum {
			return nil, j + 1
		}
		if j < len(toks) && toks[j].masked {
			return nil, j
		}
	}
	if c.unit.kind == ukOOM {
		c.v = math.Pow(10, c.v)
		if c.hasHi {
			c.hi = math.Pow(10, c.hi)
		}
		c.unit = unitDef{kind: ukFactor, scale: 1}
		c.approx = true
	}
	if c.unit.scale != 0 && c.unit.scale != 1 {
		c.v *= c.unit.scale
		c.hi *= c.unit.scale
	}
	if c.unit.kind == ukNonClaim {
		return nil, j
	}
	return c, j
}

// unitAt reads a unit written as separate words starting at token j and
// returns it with the number of tokens it spans.
func (s *sentence) unitAt(j int) (unitDef, int) {
	toks := s.toks
	lw := toks[j].lw
	at := func(k int) string {
		if j+k < len(toks) {
			return toks[j+k].lw
		}
		return ""
	}
	switch {
	case (lw == "frames" || lw == "frame") && at(1) == "per" && at(2) == "second":
		return unitDef{kind: ukFPS, scale: 1}, 3
	case (lw == "tokens" || lw == "token") && at(1) == "per" && (at(2) == "second" || at(2) == "sec" || at(2) == "s"):
		return unitDef{kind: ukTokPerS, scale: 1}, 3
	case perSecond(at(1), at(2)) && itemNoun(toks[j]):
		// "500 queries per second", "46 billion particles per second".
		return unitDef{kind: ukThroughput, scale: 1, label: lw + "/s"}, 3
	case perSecond(at(2), at(3)) && j+1 < len(toks) && toks[j].kind == tkWord && itemNoun(toks[j+1]) && !isFunctionWord(lw):
		// "30 million traced rays per second", "5100 lattice updates per second".
		return unitDef{kind: ukThroughput, scale: 1, label: lw + " " + at(1) + "/s"}, 4
	case (lw == "orders" || lw == "order") && at(1) == "of" && at(2) == "magnitude":
		return unitDef{kind: ukOOM, scale: 1}, 3
	case lw == "degrees" && at(1) == "of" && at(2) == "freedom":
		return unitDef{kind: ukOther, scale: 1, label: "degrees of freedom", count: true}, 3
	case lw == "percentage" && (at(1) == "points" || at(1) == "point"):
		return unitDef{kind: ukPP, scale: 1}, 2
	case lw == "x" || lw == "×":
		return unitDef{kind: ukFactor, scale: 1}, 1
	}
	d, ok := lookupUnit(lw)
	if !ok {
		return unitDef{}, 0
	}
	if d.kind == ukTFLOPS || d.kind == ukPFLOPS {
		if at(1) == "per" && (at(2) == "gpu" || at(2) == "device" || at(2) == "accelerator" || at(2) == "gcd") {
			d.perGPU = true
			return d, 3
		}
	}
	if d.kind == ukTime && len(lw) == 1 && toks[j].w != lw {
		return unitDef{}, 0 // "5 S" is not seconds
	}
	if d.kind == ukNonClaim && (lw == "d" || lw == "p") {
		return unitDef{}, 0
	}
	return d, 1
}

// splitRange splits "X-55X" or "~8.02" into the left unit and right number.
func splitRange(rest string) (string, string) {
	for k := 0; k < len(rest); k++ {
		c := rest[k]
		if (c == '~' || c == '-') && k+1 < len(rest) && (isDigit(rest[k+1]) || rest[k+1] == '.' && k+2 < len(rest) && isDigit(rest[k+2])) {
			return rest[:k], rest[k+1:]
		}
		if c == '-' && k+1 < len(rest) && rest[k+1] == '~' && k+2 < len(rest) && isDigit(rest[k+2]) {
			return rest[:k], rest[k+2:]
		}
	}
	return rest, ""
}

func unitEquiv(a, b string) bool {
	da, oka := lookupUnit(a)
	db, okb := lookupUnit(b)
	if oka && okb {
		return da.kind == db.kind
	}
	return strings.EqualFold(a, b)
}

// splitMultiplier reads a count multiplier at the start of a unit:
// "K" -> 1e3 ("114K"), "B-parameter", "-billion". Lower-case "m" is left
// alone: it is metres or minutes more often than million.
func splitMultiplier(u string) (float64, string) {
	if u == "" {
		return 1, u
	}
	if u[0] == '-' {
		w := u[1:]
		k := strings.IndexByte(w, '-')
		head, tail := w, ""
		if k >= 0 {
			head, tail = w[:k], w[k:]
		}
		if m, ok := scaleWords[strings.ToLower(head)]; ok && len(head) > 2 {
			return m, strings.TrimPrefix(tail, "-")
		}
		return 1, u
	}
	switch u[0] {
	case 'K', 'k', 'M', 'B', 'T':
		m := scaleWords[strings.ToLower(u[:1])]
		r := u[1:]
		if r == "" {
			return m, ""
		}
		if r[0] == '-' {
			r = r[1:]
			if _, ok := lookupUnit(r); ok {
				return m, r
			}
			return m, "-" + r
		}
		if _, ok := lookupUnit(r); ok {
			return m, r
		}
	}
	if len(u) > 2 && (strings.HasPrefix(strings.ToLower(u), "bn")) {
		return 1e9, u[2:]
	}
	return 1, u
}

// afterFactorWord reports "factor N" or "factor of N" before token i: the
// number is a factor even without "x".
func afterFactorWord(toks []token, i int) bool {
	if i > 0 && toks[i-1].lw == "factor" {
		return true
	}
	// "a speedup of 17.6 over the sequential code": the noun names the unit.
	if i > 1 && toks[i-1].lw == "of" {
		switch toks[i-2].lw {
		case "speedup", "speed-up", "speedups", "speed-ups", "acceleration":
			return true
		}
	}
	return i > 1 && toks[i-1].lw == "of" && (toks[i-2].lw == "factor" ||
		toks[i-2].lw == "ratio" && i > 2 && (strings.HasPrefix(toks[i-3].lw, "compress") || strings.HasPrefix(toks[i-3].lw, "reduc")))
}

// factorish reports whether either end of "from A to B" is a factor: then
// it is a range of speedups ("from 1.2x to 3.4x"), not a before/after change.
func factorish(left, right string) bool {
	if d, ok := lookupUnit(left); ok && d.kind == ukFactor {
		return true
	}
	_, rest, _, ok := parseLeadingNumber(right)
	if !ok {
		return false
	}
	d, ok := lookupUnit(rest)
	return ok && d.kind == ukFactor
}

// bareModelSize reports "a 65B model" at token i (unit ends at j): a
// multiplied number right before a model noun and after a function word.
// After a capitalised word it is a model's name ("GPT-3 175B", "Llama-2 7B").
func (s *sentence) bareModelSize(i, j int) bool {
	toks := s.toks
	if j >= len(toks) {
		return false
	}
	switch toks[j].lw {
	case "model", "models", "llm", "llms", "language", "transformer", "network":
	default:
		return false
	}
	if i == 0 {
		return false
	}
	p := toks[i-1]
	return p.kind == tkWord && !p.masked && !isCapitalised(p.w) && !strings.ContainsAny(p.w, "0123456789")
}

// dedupRepeatedNumber undoes a number the scrape wrote several times in a
// row ("27.427.427.4%", "636363%", "6666X", "170170KB": the shown and
// source renderings of one figure run together). Only a run followed by a
// unit is read so, and only when the repetition cannot be a real figure:
// two or more decimal points, three or more copies of a two-digit part, four
// copies of one digit, or two copies of three digits or more.
func dedupRepeatedNumber(w string) string {
	i := 0
	for i < len(w) && (w[i] == '~' || w[i] == '+' || w[i] == '>' || w[i] == '<' || w[i] == '=') {
		i++
	}
	j, dots := i, 0
	for j < len(w) && (isDigit(w[j]) || w[j] == '.') {
		if w[j] == '.' {
			dots++
		}
		j++
	}
	run := w[i:j]
	if len(run) < 4 || j == len(w) || w[j] == '-' || w[j] == '~' || w[j] == '/' {
		return w
	}
	for n := 1; n <= len(run)/2; n++ {
		if len(run)%n != 0 {
			continue
		}
		k := len(run) / n
		part := run[:n]
		if !repeats(run, n) || part[0] == '.' || part[len(part)-1] == '.' {
			continue
		}
		partDots := strings.Count(part, ".")
		if dots >= 2 && partDots == 1 || partDots == 0 && (k >= 3 && n >= 2 || k >= 4 || k == 2 && n >= 3) {
			return w[:i] + part + w[j:]
		}
		return w
	}
	return w
}

// costNouns name what a reduction cuts.
var costNouns = map[string]bool{"latency": true, "time": true, "cost": true, "costs": true, "footprint": true, "traffic": true,
	"size": true, "parameters": true, "memory": true, "energy": true, "power": true, "storage": true, "bandwidth": true,
	"communication": true, "overhead": true, "runtime": true, "consumption": true}

// seqLengthNear reports a sequence or context length named right after
// the number (tokens i..j) or right before it, past a qualifier and "of".
func (s *sentence) seqLengthNear(i, j int) bool {
	toks := s.toks
	isLen := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		switch toks[k].lw {
		case "length", "lengths", "window", "windows", "context", "contexts":
			return true
		}
		return false
	}
	isSeq := func(k int) bool {
		if k >= 0 && k < len(toks) && toks[k].lw == "." {
			k--
		}
		if k < 0 || k >= len(toks) {
			return false
		}
		switch toks[k].lw {
		case "sequence", "seq", "context", "token", "input":
			return true
		}
		return false
	}
	if j+1 < len(toks) && isSeq(j) && isLen(j+1) && toks[j].lw != "context" || j < len(toks) && toks[j].lw == "context" && (j+1 >= len(toks) || toks[j+1].kind != tkWord || isLen(j+1)) {
		return true
	}
	k := s.qualStart(i) - 1
	if k >= 0 && toks[k].lw == "of" {
		k--
	}
	if isLen(k) && toks[k].lw != "context" && (isSeq(k-1) || toks[k].lw == "window") {
		return true
	}
	return false
}

// countedNoun reports a plural noun right after a bare number: "the speedup
// of 12 applications" counts applications; it states no factor.
func countedNoun(t token) bool {
	if t.kind != tkWord || len(t.lw) < 4 || !strings.HasSuffix(t.lw, "s") || lostTimesNouns[t.lw] {
		return false
	}
	switch t.lw {
	case "across", "times", "versus", "this", "thus", "plus", "was", "is", "as", "has", "does", "its", "always", "sometimes", "respectively":
		return false
	}
	return !strings.HasSuffix(t.lw, "ss") && !strings.HasSuffix(t.lw, "ous")
}

func perSecond(a, b string) bool {
	return a == "per" && (b == "second" || b == "sec" || b == "s")
}

// itemNoun reports a plural noun that can be counted per second: "rays",
// "queries", "updates". Tokens and frames have units of their own.
func itemNoun(t token) bool {
	w := t.lw
	return t.kind == tkWord && len(w) > 3 && strings.HasSuffix(w, "s") && isWordOnly(w) &&
		w != "tokens" && w != "frames" && w != "times" && !isFunctionWord(w)
}

func isFunctionWord(w string) bool {
	switch w {
	case "the", "a", "an", "of", "and", "or", "per", "in", "on", "at", "to", "with", "for", "by", "is", "are", "as", "across", "its", "this", "than":
		return true
	}
	return false
}

// repeats reports whether run is its first n bytes written over and over.
func repeats(run string, n int) bool {
	for i := n; i < len(run); i++ {
		if run[i] != run[i-n] {
			return false
		}
	}
	return true
}

// countNoun reads the counted noun at token j: a plural item noun, "degrees
// of freedom", or a singular one used as a modifier ("trillion particle
// simulation"). Model and token counts have units of their own.
func (s *sentence) countNoun(j int) (int, string) {
	toks := s.toks
	t := toks[j]
	if t.kind != tkWord || t.masked {
		return 0, ""
	}
	switch t.lw {
	case "parameters", "parameter", "params", "tokens", "token", "model", "models", "times", "users", "people", "images", "words", "documents", "samples", "videos", "examples":
		// Datasets and populations are settings, not results.
		return 0, ""
	case "degrees":
		if j+2 < len(toks) && toks[j+1].lw == "of" && toks[j+2].lw == "freedom" {
			return 3, "degrees of freedom"
		}
		return 0, ""
	}
	if itemNoun(t) {
		return 1, t.lw
	}
	if j+1 < len(toks) && isWordOnly(t.lw) && len(t.lw) > 3 {
		switch toks[j+1].lw {
		case "simulation", "simulations", "scale", "run", "system":
			return 1, t.lw + "s"
		}
	}
	return 0, ""
}

// wordNumberHeads are the words parseWordNumber reads beyond the number and
// scale words.
var wordNumberHeads = map[string]bool{"halves": true, "halve": true, "halving": true, "doubles": true, "triples": true,
	"quadruples": true, "third": true, "quarter": true, "fifth": true, "tenth": true, "twice": true}

func mayBeWordNumber(lw string) bool {
	if _, ok := numberWords[lw]; ok {
		return true
	}
	if _, ok := scaleWords[lw]; ok {
		return true
	}
	if wordNumberHeads[lw] || strings.HasSuffix(lw, "fold") {
		return true
	}
	if k := strings.IndexByte(lw, '-'); k > 0 {
		_, ok := numberWords[lw[:k]]
		return ok
	}
	return false
}
