package extract

// Qualifier phrases as token sequences; fillers may stand between a phrase
// and its number ("speedup of up to 242000x", "by up to 22.89x").
var qualPhrases = []struct {
	toks []string
	q    string
}{
	{[]string{"up", "to"}, QualUpTo}, {[]string{"upto"}, QualUpTo}, {[]string{"as", "high", "as"}, QualUpTo},
	{[]string{"as", "much", "as"}, QualUpTo}, {[]string{"as", "many", "as"}, QualUpTo}, {[]string{"max"}, QualUpTo},
	{[]string{"maximum"}, QualUpTo}, {[]string{"at", "most"}, QualUpTo}, {[]string{"under"}, QualUpTo},
	{[]string{"below"}, QualUpTo}, {[]string{"within"}, QualUpTo}, {[]string{"less", "than"}, QualUpTo}, {[]string{"fewer", "than"}, QualUpTo},
	{[]string{"over"}, QualAtLeast}, {[]string{"more", "than"}, QualAtLeast}, {[]string{"at", "least"}, QualAtLeast},
	{[]string{"beyond"}, QualAtLeast}, {[]string{"exceeding"}, QualAtLeast}, {[]string{"exceeds"}, QualAtLeast},
	{[]string{"exceed"}, QualAtLeast}, {[]string{"above"}, QualAtLeast}, {[]string{"greater", "than"}, QualAtLeast},
	{[]string{"in", "excess", "of"}, QualAtLeast}, {[]string{"upwards", "of"}, QualAtLeast}, {[]string{">"}, QualAtLeast},
	{[]string{">="}, QualAtLeast}, {[]string{"no", "less", "than"}, QualAtLeast}, {[]string{"surpassing"}, QualAtLeast},
	{[]string{"about"}, QualApprox}, {[]string{"around"}, QualApprox}, {[]string{"roughly"}, QualApprox},
	{[]string{"nearly"}, QualApprox}, {[]string{"approximately"}, QualApprox}, {[]string{"approx"}, QualApprox},
	{[]string{"approx."}, QualApprox}, {[]string{"~"}, QualApprox}, {[]string{"almost"}, QualApprox},
	{[]string{"close", "to"}, QualApprox}, {[]string{"circa"}, QualApprox},
	{[]string{"as", "little", "as"}, QualUpTo}, {[]string{"as", "low", "as"}, QualUpTo}, {[]string{"as", "few", "as"}, QualUpTo},
	{[]string{"on", "average"}, QualAverage}, {[]string{"average"}, QualAverage}, {[]string{"avg"}, QualAverage},
	{[]string{"averaged"}, QualAverage}, {[]string{"geomean"}, QualAverage}, {[]string{"geometric", "mean"}, QualAverage},
	{[]string{"mean"}, QualAverage}, {[]string{"median"}, QualAverage}, {[]string{"an", "average", "of"}, QualAverage}, {[]string{"on", "geomean"}, QualAverage},
}

var qualFillers = map[string]bool{"of": true, "by": true, "a": true, "an": true, "the": true, "at": true, "is": true,
	"are": true, "was": true, "reaching": true, "reaches": true, "achieving": true, "achieves": true, "speedup": true,
	"speed-up": true, "improvement": true, "factor": true, "rate": true, "frame": true}

func (s *sentence) matchQual(p int) (string, int) {
	for _, qp := range qualPhrases {
		n := len(qp.toks)
		if p+n > len(s.toks) {
			continue
		}
		ok := true
		for k, w := range qp.toks {
			if s.toks[p+k].lw != w {
				ok = false
				break
			}
		}
		if ok {
			return qp.q, n
		}
	}
	return "", 0
}

func (s *sentence) qualify(c *cand, prev *cand) {
	toks := s.toks
	if c.qual != "" {
		return // set by the metric's own rule ("within 8% of peak" is at least 92%)
	}
	// Before the number, allowing fillers in between.
	for p := c.ti - 1; p >= 0 && p >= c.ti-5; p-- {
		if isClausePunct(toks[p].lw) && toks[p].lw != "(" || toks[p].kind == tkNum {
			break
		}
		if q, n := s.matchQual(p); n > 0 {
			fill := true
			for k := p + n; k < c.ti; k++ {
				if !qualFillers[toks[k].lw] {
					fill = false
					break
				}
			}
			if fill {
				c.qual = q
				break
			}
		}
	}
	// After the number: "30% geomean", "3x on average", "2x faster on average".
	for k := c.tj; (c.qual == "" || c.qual == QualUpTo && c.ti > 0 && toks[c.ti-1].lw == "within") && k < len(toks) && k <= c.tj+3; k++ {
		if q, n := s.matchQual(k); n > 0 && q == QualAverage && (k == c.tj || n > 1) {
			// "3x on average", "2x faster on average", "30.7x energy savings on average".
			if k+n >= len(toks) || toks[k+n].kind != tkNum {
				c.qual = q
			}
			break
		}
		if toks[k].kind != tkWord {
			break
		}
	}
	if c.qual == "" {
		// "reducing average training time by 2.2x", "average speedups of 1.3x":
		// "average" qualifying the measured quantity in the figure's clause.
		l, _ := s.clause(c.ti, c.tj)
		from := l
		if prev != nil && prev.tj > from {
			from = prev.tj
		}
		for k := from; k < c.ti; k++ {
			if w := toks[k].lw; (w == "average" || w == "mean" || w == "median") && k+1 < c.ti && toks[k+1].kind == tkWord && toks[k+1].lw != "of" {
				c.qual = QualAverage
			}
		}
	}
	if c.qual == "" && c.unit.kind != ukPct && c.unit.kind != ukGB {
		// "513 PFLOPS peak performance", "a peak efficiency of 35 fJ/op": the best case.
		if c.tj < len(toks) && toks[c.tj].lw == "peak" || s.peakBefore(c.ti) {
			c.qual = QualUpTo
		}
	}
	if c.qual == "" && c.plus {
		c.qual = QualAtLeast
	}
	if c.qual == "" && c.below {
		c.qual = QualUpTo
	}
	if c.qual == "" && c.approx {
		c.qual = QualApprox
	}
	if c.qual == "" && prev != nil && !prev.drop && s.listContinues(prev, c) {
		c.qual = prev.qual
	}
	if c.qual == "" {
		// "on average across four applications, the benefits are 12X, ..."
		from := 0
		if prev != nil {
			from = prev.tj
		}
		for k := from; k < c.ti; k++ {
			if q, n := s.matchQual(k); n > 1 && q == QualAverage || n == 1 && toks[k].lw == "geomean" {
				if k+n < len(toks) && toks[k+n].kind != tkNum {
					c.qual = QualAverage
				}
			}
		}
	}
	if c.qual != "" {
		c.conf += 0.05
	}
}

// qualStart returns where a qualifier phrase right before token ti starts
// ("more than", "up to", "less than"), or ti when there is none.
func (s *sentence) qualStart(ti int) int {
	for p := ti - 1; p >= 0 && p >= ti-3; p-- {
		if _, n := s.matchQual(p); n > 0 && p+n == ti {
			return p
		}
	}
	return ti
}

// qualAt returns the qualifier phrase starting at token k, if any.
func (s *sentence) qualAt(k int) []token {
	if k >= len(s.toks) {
		return nil
	}
	if _, n := s.matchQual(k); n > 0 {
		return s.toks[k : k+n]
	}
	return nil
}
