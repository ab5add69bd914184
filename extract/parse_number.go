package extract

import (
	"math"
	"strings"
)

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
	// "1.5 X to 2.2 X": a range of factors whose signs stand apart.
	if !c.hasHi && unitTxt == "" && j+3 < len(toks) && toks[j].lw == "x" && toks[j+1].lw == "to" && toks[j+2].kind == tkNum &&
		toks[j+3].lw == "x" && !(i > 0 && toks[i-1].lw == "from") {
		if hv, hrest, _, ok := parseLeadingNumber(toks[j+2].w); ok && hrest == "" && hv > v {
			c.hi, c.hasHi = hv, true
			j += 3
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
