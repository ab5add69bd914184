package extract

import (
	"math"
	"strings"
)

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

// wordNumberHeads are the words parseWordNumber reads beyond the number and
// scale words.
var wordNumberHeads = map[string]bool{"halves": true, "halve": true, "halving": true, "doubles": true, "triples": true,
	"quadruples": true, "third": true, "quarter": true, "fifth": true, "tenth": true, "twice": true}

// wordNumberAny is numberWords, scaleWords and wordNumberHeads in one set:
// mayBeWordNumber runs on every token, and one lookup is cheaper than three.
var wordNumberAny = map[string]bool{}

func init() {
	for w := range numberWords {
		wordNumberAny[w] = true
	}
	for w := range scaleWords {
		wordNumberAny[w] = true
	}
	for w := range wordNumberHeads {
		wordNumberAny[w] = true
	}
}

func mayBeWordNumber(lw string) bool {
	if wordNumberAny[lw] || strings.HasSuffix(lw, "fold") {
		return true
	}
	if k := strings.IndexByte(lw, '-'); k > 0 {
		_, ok := numberWords[lw[:k]]
		return ok
	}
	return false
}
