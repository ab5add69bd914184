package extract

import (
	"math"
	"strings"
)

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
