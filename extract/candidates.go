package extract

import "strings"

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
	// levelBaseline is a baseline compared level with level: "from X to
	// Y", "compared to 12 hours for NeRF".
	levelBaseline bool
	subject       string
	condition     string
	conf          float64
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
