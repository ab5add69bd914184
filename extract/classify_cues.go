package extract

import "strings"

// hardwareSubject reports a device named before token k, as the subject of
// a specification sentence ("A100 GPUs offer 312 TFLOPS").
func (s *sentence) hardwareSubject(k int) bool {
	for _, m := range s.hw {
		if m.ti < k {
			return true
		}
	}
	for _, t := range s.toks[:k] {
		switch t.lw {
		case "gpu", "gpus", "hbm", "hardware", "chip", "chips", "accelerator", "accelerators", "memory":
			return true
		}
	}
	return false
}

var lostTimesNouns = map[string]bool{"speedup": true, "speedups": true, "speed-up": true, "speed-ups": true,
	"acceleration": true, "faster": true, "compression": true, "reduction": true, "smaller": true, "fewer": true,
	"larger": true, "less": true, "lower": true, "higher": true, "improvement": true, "improvements": true,
	"increase": true, "savings": true, "better": true, "more": true, "greater": true, "longer": true, "shorter": true}

// lostTimesVerbs govern "by N" with a factor meant: "speeds up training by
// up to 5.5", "outperforms X by 6". Verbs of reducing are left out: "reduces
// the time by 85.6" lost a "%" as often as an "x".
var lostTimesVerbs = []string{"speed", "accelerat", "outperform", "beat"}

// lostTimes recognises a factor whose sign was lost in scraping: "a 3.29
// training acceleration", "1.9 higher throughput", "2-4 faster", "a speedup
// of up to 3.1", "speeds up training by up to 5.5", "(median 1.6)" after a
// factor. A bare number right before a comparative or factor noun, or in
// the slot of a factor after a factor noun or verb.
func (s *sentence) lostTimes(c *cand) bool {
	toks := s.toks
	if c.ti == 0 || c.v <= 1 && !c.hasHi || c.v >= 1e4 || c.hasHi && c.hi >= 1e4 {
		return false
	}
	if c.tj < len(toks) && (hasPrefixAny(toks[c.tj].lw, accWords) || countedNoun(toks[c.tj])) {
		// "by 1.2 BLEU" is a score; "of 12 applications" a count.
		return false
	}
	decimal := strings.Contains(toks[c.ti].w, ".")
	q := s.qualStart(c.ti)
	if q == c.ti && q > 0 && toks[q-1].lw == "median" {
		q--
	}
	link := ""
	if q > 0 {
		link = toks[q-1].lw
	}
	linked := false
	switch link {
	case "a", "an", "by", "of", "achieving", "achieves", "achieve", "delivering", "delivers", "deliver", "to", "over",
		"be", "is", "are", "provides", "providing", "offers", "offering", "shows", "showing", "yields", "yielding", "attains":
		linked = true
	}
	if q < c.ti || decimal || c.hasHi {
		linked = true // "up to 2 higher": a qualifier is a link; decimals are not counts
	}
	for k := c.tj; k < len(toks) && k <= c.tj+1; k++ {
		if lostTimesNouns[toks[k].lw] {
			if !linked {
				return false
			}
			// "3 faster variants" counts things; "2.5 faster iterations" is a factor.
			return decimal || c.hasHi || k+1 >= len(toks) || !strings.HasSuffix(toks[k+1].lw, "s") ||
				toks[k+1].lw == "compared" || toks[k+1].lw == "across" || toks[k+1].lw == "is"
		}
		if toks[k].kind != tkWord || k == c.tj+1 {
			break
		}
		if toks[k].lw == "the" || k > c.tj && !strings.HasPrefix(toks[k].lw, "throughput") {
			break
		}
		// "4.8 throughput improvement": one noun may stand between.
	}
	// "a speedup of up to 3.1", "an improvement in throughput of up to 3".
	if link == "of" {
		for k := q - 2; k >= 0 && k >= q-5 && !isClausePunct(toks[k].lw); k-- {
			switch toks[k].lw {
			case "speedup", "speed-up", "speedups", "acceleration", "factor":
				return true
			case "improvement", "increase":
				return c.v <= 20 && (!c.hasHi || c.hi <= 20)
			}
		}
	}
	// "cuts training time by 2.2 compared to X": a reduction stated against a
	// baseline with a decimal factor; "by 85.6" alone may have lost a "%".
	if link == "by" && (decimal || c.hasHi) && c.v <= 20 && c.tj < len(toks) && baselineFigureCues[toks[c.tj].lw] {
		l, _ := s.clause(c.ti, c.tj)
		for k := q - 2; k >= l && k >= q-10; k-- {
			if hasPrefixAny(toks[k].lw, reduceCues) {
				return true
			}
		}
	}
	// "speeds up training by up to 5.5", "outperforms X (A and B) by 6".
	if link == "by" && c.v <= 100 {
		lo, _ := s.scope(c)
		for k, n := q-2, 0; k >= lo && n < 12; k-- {
			if toks[k].lw == ")" {
				for k > lo && toks[k].lw != "(" {
					k--
				}
				continue
			}
			if isClausePunct(toks[k].lw) {
				break
			}
			if hasPrefixAny(toks[k].lw, lostTimesVerbs) {
				return true
			}
			n++
		}
	}
	// "achieves 1.84 the training throughput of X": a multiple of a rate.
	if c.tj+1 < len(toks) && toks[c.tj].lw == "the" && (decimal || c.hasHi) {
		for k := c.tj + 1; k < len(toks) && k <= c.tj+3; k++ {
			if hasPrefixAny(toks[k].lw, []string{"throughput", "speed", "performance", "bandwidth"}) {
				return true
			}
		}
	}
	// "(median 1.6)", "(up to 13)" right after a factor.
	if p := c.prev; p != nil && !p.drop && p.unit.kind == ukFactor && q > 0 && (toks[q-1].lw == "(" || link == "median" && q > 1 && toks[q-2].lw == "(") &&
		c.tj < len(toks) && (toks[c.tj].lw == ")" || toks[c.tj].lw == ",") {
		return true
	}
	return false
}

var hardwareNouns = map[string]bool{"gpu": true, "gpus": true, "cpu": true, "cpus": true, "accelerator": true,
	"accelerators": true, "hardware": true, "memory": true, "hbm": true, "dram": true, "interconnect": true,
	"interconnects": true, "nvlink": true, "pcie": true, "devices": true, "tpus": true, "chips": true}

// hardwareOpens reports a sentence whose subject is hardware ("Modern GPUs
// offer ...", "NVIDIA H100 GPUs are ...").
func (s *sentence) hardwareOpens() bool {
	toks := s.toks
	for k := 0; k < len(toks) && k < 3; k++ {
		w := toks[k].lw
		if hardwareNouns[w] {
			// "The accelerator has ...", "Our chip draws ...": the paper's own
			// design; facts of the field speak of hardware in general ("GPUs").
			if k > 0 && !strings.HasSuffix(w, "s") && (toks[k-1].lw == "the" || toks[k-1].lw == "our" || toks[k-1].lw == "this") && k == 1 {
				return false
			}
			return true
		}
		if toks[k].masked {
			continue
		}
		switch w {
		case "modern", "current", "today's", "recent", "the", "nvidia", "amd", "intel", "google", "high-end", "commodity", "consumer", "gpu":
			continue
		}
		return false
	}
	return false
}

// afterStrictComparison is afterComparison without the bare "to"/"with",
// which also introduce instruments ("with prior methods").
func afterStrictComparison(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := toks[j].lw
		if isClausePunct(w) {
			return false
		}
		if baselineFigureCues[w] || w == "over" || w == "unlike" || strings.HasPrefix(w, "outperform") || strings.HasPrefix(w, "surpass") ||
			(w == "to" || w == "with") && j > 0 && (toks[j-1].lw == "compared" || toks[j-1].lw == "comparable" || toks[j-1].lw == "relative") {
			return true
		}
	}
	return false
}

// moreCost reports "2x more memory" / "1.5x higher latency": a factor of a
// cost going up is a price paid, not a result.
func (s *sentence) moreCost(k int) bool {
	toks := s.toks
	if k >= len(toks) || (toks[k].lw != "more" && toks[k].lw != "higher" && toks[k].lw != "larger" && toks[k].lw != "longer") {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+2; j++ {
		switch toks[j].lw {
		case "memory", "latency", "energy", "storage", "communication", "overhead", "cost", "costs", "power", "time":
			// "higher energy efficiency", "more memory savings" are gains.
			return !(j+1 < len(toks) && hasPrefixAny(toks[j+1].lw, []string{"efficien", "saving", "reduction", "bandwidth"}))
		}
	}
	return false
}

var itemNouns = map[string]bool{"query": true, "request": true, "token": true, "image": true, "frame": true,
	"sample": true, "prompt": true, "inference": true, "response": true, "question": true, "iteration": true}

// perItem reports "per query", "each request", "per-token" in [l,r).
func (s *sentence) perItem(l, r int) bool {
	toks := s.toks
	for k := l; k < r; k++ {
		w := toks[k].lw
		if (w == "per" || w == "each" || w == "every") && k+1 < r && itemNouns[strings.TrimSuffix(toks[k+1].lw, "s")] {
			return true
		}
		if (strings.HasPrefix(w, "per-") || strings.HasPrefix(w, "each-")) && itemNouns[w[strings.IndexByte(w, '-')+1:]] {
			return true
		}
		if (w == "the" || w == "all") && k > l && toks[k-1].lw == "of" && k+1 < r && itemNouns[strings.TrimSuffix(toks[k+1].lw, "s")] {
			// "90% of the requests finish within 2 seconds".
			return true
		}
	}
	return false
}

// costSubject reports a percentage whose subject is a cost ("the overhead
// ... is 2%", "slowdown of 3%") with no verb or adjective of reducing it.
func (s *sentence) costSubject(c *cand, l int) bool {
	toks := s.toks
	cost, costAt := false, 0
	for k := max(l, c.ti-8); k < c.ti; k++ {
		w := toks[k].lw
		if w == "overhead" || w == "overheads" || w == "slowdown" || w == "slowdowns" || w == "penalty" {
			cost, costAt = true, k
		}
		if cost && w == "and" && k+1 < c.ti && resultOpeners[toks[k+1].lw] && !numberBetween(toks, costAt, k) {
			// "negligible overhead and achieving 100% utilization": a new
			// statement of a result begins.
			cost = false
		}
		if cost && hasPrefixAny(w, []string{"reduc", "cut", "lower", "decreas", "eliminat", "remov", "sav", "mitigat", "shrink", "drop", "less", "fewer", "by"}) {
			return false
		}
	}
	return cost
}

// resultOpeners open the statement of a result.
var resultOpeners = map[string]bool{"achieving": true, "achieves": true, "achieve": true, "reaching": true, "reaches": true,
	"delivering": true, "delivers": true, "attaining": true, "attains": true, "sustaining": true, "sustains": true}

// historyOpening reports a sentence that opens with a span of the field's
// past: "In the last five years", "Over the past decade", "In recent
// years", "Since 2019".
func (s *sentence) historyOpening() bool {
	toks := s.toks
	if len(toks) < 3 {
		return false
	}
	switch toks[0].lw {
	case "since":
		_, rest, _, ok := parseLeadingNumber(toks[1].w)
		return ok && rest == "" || toks[1].lw == "the"
	case "in", "over", "during", "throughout":
	default:
		return false
	}
	k := 1
	if toks[k].lw == "the" {
		k++
	}
	switch toks[k].lw {
	case "last", "past", "recent", "previous":
	default:
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		switch toks[j].lw {
		case "year", "years", "decade", "decades", "months", "generations", "few":
			return true
		}
	}
	return false
}

// resourceNouns name a measured cost: "memory requirements" are measured.
var resourceNouns = map[string]bool{"memory": true, "storage": true, "compute": true, "bandwidth": true, "energy": true,
	"power": true, "resource": true, "hardware": true, "gpu": true, "space": true}

// contrastBetween reports "while", "whereas" or "but" between tokens a and b.
func (s *sentence) contrastBetween(a, b int) bool {
	for k := a; k < b && k < len(s.toks); k++ {
		switch s.toks[k].lw {
		case "while", "whereas", "but":
			return true
		}
	}
	return false
}

// ownStatement reports a figure whose own statement says "we/our" or has
// the paper's system as its subject.
func (s *sentence) ownStatement(c *cand) bool {
	lo, hi := s.scope(c)
	for k := lo; k < hi; k++ {
		if ownMarkers[s.toks[k].lw] {
			return true
		}
	}
	// In a sentence that says "our", a coined name elsewhere is the other
	// party; only a name the abstract introduced is the paper's.
	return len(s.sys) > 0 && s.systemSubject(lo, c.ti)
}

// lostTimesListMember reports a later member of a list of factors that lost
// their signs: "up to 7 speedup on A, and 18 when combined with B", "up to
// 3.9 speedup for A, with B variants up to 7.3 on C". It must sit where a
// factor does: after "and", "," or a qualifier, and before a preposition,
// not before a noun it counts.
func (s *sentence) lostTimesListMember(c *cand) bool {
	toks := s.toks
	p := c.prev
	if p == nil || p.drop || p.unit.kind != ukFactor || p.tj != p.ti+1 || strings.ContainsAny(toks[p.ti].lw, "x×") || c.v <= 1 || c.v > 100 || c.ti-p.tj > 12 {
		return false
	}
	q := s.qualStart(c.ti)
	if q == c.ti && (q == 0 || toks[q-1].lw != "and" && toks[q-1].lw != ",") {
		return false
	}
	for k := p.tj; k < q; k++ {
		if w := toks[k].lw; w == ";" || w == "." || w == "but" || w == "while" || toks[k].kind == tkNum {
			return false
		}
	}
	if c.tj == len(toks) {
		return true
	}
	switch toks[c.tj].lw {
	case "on", "when", "for", "with", "in", "over", ",", ";", ".":
		return true
	case ")":
		// "and 2) X outperforms ...": an enumerator, unless inside parentheses.
		return s.inParens(c.ti)
	}
	return false
}

func numberBetween(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].kind == tkNum {
			return true
		}
	}
	return false
}
