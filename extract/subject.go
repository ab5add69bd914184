package extract

import "strings"

// The subject of a claim is a short noun phrase naming what was measured
// ("decode throughput", "inference memory footprint"). It is read, in this
// order, from:
//  1. the phrase a factor noun or comparative governs: "a 1.3x speedup in
//     end-to-end training throughput", "2x higher decode throughput";
//  2. the object of the verb that takes the figure: "improves the
//     attainable SLO throughput by up to 1.5x";
//  3. the noun phrase the figure is "of": "a parsing rate of 14.2 GB/s";
//  4. the nouns right after the figure: "35.1 RayIoU";
// and failing all of them, the nouns near the figure cleaned of verbs,
// pronouns and fillers, or the metric's own noun. It is never a pronoun, a
// verb fragment or a filler ("it sustains", "requiring only").

// factorNouns and comparatives stand between a figure and what it measures.
var factorNouns = map[string]bool{"speedup": true, "speedups": true, "speed-up": true, "speed-ups": true,
	"improvement": true, "improvements": true, "reduction": true, "reductions": true, "acceleration": true,
	"increase": true, "increases": true, "gain": true, "gains": true, "savings": true, "saving": true, "boost": true,
	"decrease": true, "compression": true, "times": true, "x": true, "lower": true, "higher": true, "faster": true,
	"better": true, "more": true, "less": true, "smaller": true, "larger": true, "fewer": true, "greater": true,
	"shorter": true, "longer": true, "cheaper": true, "increased": true, "reduced": true, "improved": true, "enhancement": true}

// phraseVerbs take the measured quantity as their object and the figure
// after "by": "reduces the tail latency by 3x".
var phraseVerbs = []string{"improv", "reduc", "increas", "accelerat", "speed", "cut", "lower", "boost", "rais", "shrink",
	"decreas", "enhanc", "shorten", "outperform", "compress", "optimiz", "elevat", "lift", "slash", "trim"}

// nonSubject are words a subject never starts or ends with.
var nonSubject = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "our": true, "this": true,
	"these": true, "that": true, "those": true, "it": true, "we": true, "they": true, "which": true, "who": true,
	"up": true, "to": true, "as": true, "much": true, "only": true, "just": true, "about": true, "around": true,
	"nearly": true, "roughly": true, "approximately": true, "over": true, "under": true, "than": true, "drastic": true,
	"significant": true, "notable": true, "remarkable": true, "impressive": true, "substantial": true, "overall": true,
	"achieves": true, "achieve": true, "achieving": true, "achieved": true, "consumes": true, "consuming": true,
	"translating": true, "translates": true, "shows": true, "showing": true, "presents": true, "demonstrates": true,
	"yields": true, "yielding": true, "delivers": true, "delivering": true, "provides": true, "providing": true,
	"offers": true, "offering": true, "reaches": true, "reaching": true, "obtains": true, "attains": true,
	"enables": true, "enabling": true, "requires": true, "requiring": true, "resulting": true, "results": true,
	"leads": true, "leading": true, "sustains": true, "sustaining": true, "is": true, "are": true, "was": true,
	"be": true, "can": true, "could": true, "by": true, "of": true, "in": true, "on": true, "for": true, "with": true,
	"and": true, "or": true, "at": true, "from": true, "while": true, "when": true, "without": true, "across": true,
	"compared": true, "relative": true, "vs": true, "versus": true, "against": true, "per": true, "also": true,
	"-": true, "/": true, "respectively": true, "average": true, "mean": true, "geomean": true, "median": true,
	"than,": true, "further": true, "even": true, "still": true, "up-to": true, "has": true, "have": true,
	"improves": true, "reduces": true, "increases": true, "accelerates": true, "speeds": true, "cuts": true,
	"lowers": true, "boosts": true, "outperforms": true, "surpasses": true, "beats": true, "uses": true, "using": true,
	"runs": true, "performs": true, "processes": true, "trains": true, "renders": true, "serves": true, "handles": true,
	"supports": true, "scales": true, "fits": true, "takes": true, "needs": true, "spends": true, "draws": true,
	"gives": true, "brings": true, "keeps": true, "maintains": true, "maintaining": true, "allows": true,
	"finished": true, "finishes": true, "completes": true, "completed": true, "took": true,
	"perform": true, "process": true, "solve": true, "handle": true, "run": true, "serve": true, "reach": true,
	"deliver": true, "sustain": true, "support": true, "enable": true, "provide": true, "plans": true, "allow": true,
	"there": true, "here": true, "new": true, "record": true, "state-of-the-art": true, "sota": true, "all": true,
	"almost": true, "less": true, "performing": true}

// cleanPhrase trims words that cannot open or close a noun phrase and
// returns "" when nothing nominal is left.
func cleanPhrase(ws []string) string {
	for len(ws) > 0 && nonSubject[strings.ToLower(ws[0])] {
		ws = ws[1:]
	}
	for len(ws) > 0 && nonSubject[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) > 5 {
		ws = ws[len(ws)-5:]
	}
	for _, w := range ws {
		lw := strings.ToLower(w)
		if nonSubject[lw] && lw != "and" && lw != "of" && lw != "per" && lw != "-" {
			return "" // a verb or pronoun inside: not a noun phrase
		}
	}
	return strings.Join(ws, " ")
}

// phraseAt collects words from token k on until a boundary.
func (s *sentence) phraseAt(k, max int) []string {
	toks := s.toks
	var ws []string
	for ; k < len(toks) && len(ws) < max; k++ {
		t := toks[k]
		if isClausePunct(t.lw) || t.kind == tkNum || subjectStop[t.lw] && t.lw != "of" || t.masked || t.lw == "-" ||
			len(ws) > 0 && nonSubject[t.lw] && t.lw != "of" && t.lw != "and" && t.lw != "per" {
			break
		}
		if t.lw == "of" && (len(ws) == 0 || k+1 < len(toks) && (toks[k+1].kind == tkNum || toks[k+1].lw == "up" || toks[k+1].lw == "the")) {
			break
		}
		ws = append(ws, t.w)
	}
	return ws
}

// phraseBefore collects words right before token k back to a boundary.
func (s *sentence) phraseBefore(k, max int) []string {
	toks := s.toks
	var ws []string
	for k--; k >= 0 && len(ws) < max; k-- {
		t := toks[k]
		lw := t.lw
		if isClausePunct(lw) || t.kind == tkNum || t.masked || lw == "-" || nonSubject[lw] && lw != "of" && lw != "per" {
			break
		}
		ws = append([]string{t.w}, ws...)
	}
	return ws
}

// subjectOf finds the subject of figure c, or "".
func (s *sentence) subjectOf(c *cand) string {
	toks := s.toks
	// 1. After the figure: "speedup in X", "higher X", "X".
	k := c.tj
	for k < len(toks) && (toks[k].lw == "on" && k+1 < len(toks) && toks[k+1].lw == "average" || toks[k].lw == "average" || toks[k].lw == "geomean") {
		if toks[k].lw == "on" {
			k++
		}
		k++
	}
	governed := false
	for k < len(toks) && factorNouns[toks[k].lw] {
		governed = true
		k++
	}
	if !governed {
		// "16x performance improvements in time to solution": the factor
		// noun may follow a modifier.
		for j := k; j < len(toks) && j <= k+2 && toks[j].kind == tkWord && !subjectStop[toks[j].lw]; j++ {
			if factorNouns[toks[j].lw] && j+1 < len(toks) && (toks[j+1].lw == "in" || toks[j+1].lw == "of") {
				governed, k = true, j+1
				break
			}
		}
	}
	if (governed || k == c.tj && k < len(toks) && toks[k].lw == "in" && c.unit.kind == ukFactor) && k+1 < len(toks) && (toks[k].lw == "in" || toks[k].lw == "of" || toks[k].lw == "for" && c.unit.kind != ukFactor) {
		if p := cleanPhrase(s.phraseAt(k+1, 5)); p != "" {
			return p
		}
	}
	after := cleanPhrase(s.phraseAt(k, 4))
	if k < len(toks) && participle(toks[k].lw) {
		after = "" // "a frame rate of up to 12 fps is reached": no noun follows
	}
	if after != "" && !(governed && k < len(toks) && toks[k].lw == "the") {
		return after
	}
	q0 := s.qualStart(c.ti)
	if q0 > 1 && toks[q0-1].kind == tkWord && !nonSubject[toks[q0-1].lw] {
		// "a frame rate up to 11.8 fps": a noun phrase opened by a determiner.
		ws := s.phraseBefore(q0, 4)
		if b := q0 - len(ws) - 1; len(ws) > 0 && b >= 0 && (toks[b].lw == "a" || toks[b].lw == "an" || toks[b].lw == "the" || toks[b].lw == "its" || toks[b].lw == "our") {
			if p := cleanPhrase(ws); p != "" {
				return p
			}
		}
	}
	// 2. The object of the verb before "by": "reduces the tail latency by 3x";
	// or before "from A to": "raises the frame rate from 24 to 61 FPS".
	q := s.qualStart(c.ti)
	if f, _ := s.fromTo(c); f > 0 {
		if p := cleanPhrase(s.phraseBefore(f, 4)); p != "" {
			return p
		}
	}
	for q > 0 && (toks[q-1].lw == "a" || toks[q-1].lw == "an" || toks[q-1].lw == "drastic" || toks[q-1].lw == "significant") {
		q--
	}
	if q > 3 && toks[q-1].lw == "of" && toks[q-2].lw == "factor" && toks[q-3].lw == "a" && toks[q-4].lw == "by" {
		q -= 3 // "reduces the energy by a factor of 6.8"
	}
	if q > 1 && toks[q-1].lw == "by" {
		l, _ := s.clause(c.ti, c.tj)
		if l > 0 && toks[l-1].lw == ")" {
			// "improves Model FLOPs Utilization (MFU) by 2x": the aside does not end the clause.
			for l > 0 && toks[l-1].lw != "(" {
				l--
			}
			if l > 0 {
				l--
			}
			for l > 0 && !isClausePunct(toks[l-1].lw) {
				l--
			}
		}
		for v := q - 2; v >= l && v >= q-10; v-- {
			if hasPrefixAny(toks[v].lw, phraseVerbs) {
				start := v + 1
				if start < q-1 && toks[start].lw == "up" {
					start++
				}
				var ws []string
				for j := start; j < q-1; j++ {
					if toks[j].lw == "(" {
						// "improves Model FLOPs Utilization (MFU) by": the aside is not the noun.
						for j < q-1 && toks[j].lw != ")" {
							j++
						}
						continue
					}
					if w := toks[j].lw; subjectStop[w] && w != "of" || w == "of" && j+1 < q-1 && ofOpensSet(toks[j+1].lw) {
						break // "the training time of a wide range of workloads"
					}
					ws = append(ws, toks[j].w)
				}
				if len(ws) == 0 && v > l+1 && strings.HasSuffix(toks[v].lw, "ed") {
					// "the model size is optimized by 8x": a passive's subject stands before it.
					switch toks[v-1].lw {
					case "is", "are", "was", "were", "be", "been":
						ws = s.phraseBefore(v-1, 4)
					}
				}
				if p := cleanPhrase(ws); p != "" {
					return p
				}
				break
			}
		}
	}
	// "a reduction of up to 87% in GPU compute": the factor noun before "of"
	// and what it applies to after the figure.
	if q > 1 && toks[q-1].lw == "of" && factorNouns[toks[q-2].lw] && c.tj+1 < len(toks) && toks[c.tj].lw == "in" {
		if p := cleanPhrase(s.phraseAt(c.tj+1, 4)); p != "" {
			return p
		}
	}
	// 3. "a parsing rate of 14.2 GB/s", "an FID (...) of 22.1".
	if q > 1 && toks[q-1].lw == "of" {
		e := q - 1
		if toks[e-1].lw == ")" {
			for e > 0 && toks[e-1].lw != "(" {
				e--
			}
			e--
		}
		if p := cleanPhrase(s.phraseBefore(e, 4)); p != "" {
			return p
		}
	}
	// 4. "matrix multiplication (22.6% faster)", "pose estimation in under
	// 80 ms", "reconstruction within 12 seconds": the phrase before.
	if q > 0 && (toks[q-1].lw == "(" || toks[q-1].lw == "in" || toks[q-1].lw == "within" || toks[q].lw == "within") {
		e := q - 1
		if toks[q].lw == "within" {
			e = q
		}
		// "reconstruction finishes within 30 s": past the verb to its subject.
		for n := 0; n < 2 && e > 0 && toks[e-1].kind == tkWord && nonSubject[toks[e-1].lw] && !isFunctionWord(toks[e-1].lw); n++ {
			e--
		}
		if p := cleanPhrase(s.phraseBefore(e, 4)); p != "" {
			return p
		}
	}
	// 5. A score named by its unit word: "4.70 FID", "35.1 RayIoU".
	if c.tj > c.ti+1 && toks[c.tj-1].kind == tkWord && hasPrefixAny(toks[c.tj-1].lw, accWords) {
		return toks[c.tj-1].w
	}
	if governed && c.tj < len(toks) && (toks[c.tj].lw == "faster" || toks[c.tj].lw == "times" && c.tj+1 < len(toks) && toks[c.tj+1].lw == "faster") {
		// "the FLUTE kernel can be 2-4 faster": what is faster stands before.
		j := q
		for j > 0 {
			switch toks[j-1].lw {
			case "is", "are", "be", "can", "could", "was", "were", "almost", "nearly", "up", "to", "runs", "run", "about", "over":
				j--
				continue
			}
			break
		}
		if p := cleanPhrase(s.phraseBefore(j, 3)); p != "" {
			return p
		}
	}
	if governed {
		// "up to 3.9x speedup for graph transformers": what sped up follows.
		if k < len(toks) && (toks[k].lw == "for" || toks[k].lw == "on") && k+1 < len(toks) && !toks[k+1].masked {
			if p := cleanPhrase(s.phraseAt(k+1, 4)); p != "" && !strings.ContainsAny(p, "0123456789") && !modelName(p) {
				// "3x speedup for HunyuanVideo" names a model the workload ran, not the workload.
				return p
			}
		}
		// "Our degree-aware reduction kernels achieve up to 10x speedup":
		// the statement's own noun phrase names what sped up.
		if p := s.statementSubject(c); p != "" {
			return p
		}
	}
	if governed {
		// "a 3x speedup": the noun itself says what grew.
		for j := c.tj; j < k; j++ {
			if w := toks[j].lw; w == "speedup" || w == "speedups" || w == "speed-up" || w == "acceleration" || w == "compression" {
				return toks[j].w
			}
		}
	}
	return ""
}

// metricNoun is the last resort: the metric's own noun.
func metricNoun(metric string) string {
	switch metric {
	case "speedup":
		return "speedup"
	case "reduction_factor":
		return "reduction"
	case "fps":
		return "frame rate"
	case "tflops_per_gpu", "aggregate_flops":
		return "compute throughput"
	case "token_throughput":
		return "token throughput"
	case "other", "improvement_pct", "accuracy":
		return ""
	}
	if d, ok := LookupMetric(metric); ok {
		return strings.ToLower(d.Name)
	}
	return ""
}

// ofOpensSet reports a word after "of" that opens a set of things rather
// than the rest of a quantity's name: "of a wide range", "of all workloads".
func ofOpensSet(w string) bool {
	switch w {
	case "a", "an", "the", "all", "various", "diverse", "many", "several", "multiple", "different", "these", "our":
		return true
	}
	return false
}

// participle reports a past participle or finite verb that may follow a
// figure ("11.8 fps is reached", "acceleration are achieved").
func participle(w string) bool {
	switch w {
	case "is", "are", "was", "were", "reached", "achieved", "obtained", "observed", "measured", "attained", "reported", "delivered":
		return true
	}
	return false
}

// costHeads are subjects a factor makes smaller when it "improves" them:
// "improves power consumption by 10x", "117x better in query latency".
var costHeads = map[string]bool{"latency": true, "latencies": true, "consumption": true, "energy": true, "cost": true,
	"costs": true, "footprint": true, "usage": true, "ttft": true, "tpot": true, "size": true}

// reductionBySubject reports a speedup whose subject is a cost and whose own words
// do not say faster: it is a reduction.
func (s *sentence) reductionBySubject(c *cand) bool {
	if c.metric != "speedup" || c.subject == "" {
		return false
	}
	f := strings.Fields(strings.ToLower(c.subject))
	if len(f) == 0 || !costHeads[f[len(f)-1]] {
		return false
	}
	for k := c.tj; k < len(s.toks) && k <= c.tj+1; k++ {
		switch s.toks[k].lw {
		case "faster", "speedup", "speedups", "speed-up", "higher", "throughput":
			return false
		}
	}
	return true
}

// otherHeads are subjects that no factor metric measures: "improves MFU
// by 2.88x", "SLO attainment by 5x".
var otherHeads = map[string]bool{"attainment": true, "utilization": true, "utilisation": true, "mfu": true, "hfu": true,
	"density": true, "efficiency": true, "(mfu)": true, "ratio": true, "accuracy": true}

func (s *sentence) otherBySubject(c *cand) bool {
	if c.metric != "speedup" || c.subject == "" {
		return false
	}
	f := strings.Fields(strings.ToLower(c.subject))
	return len(f) > 0 && otherHeads[f[len(f)-1]] && !strings.Contains(c.subject, "energy")
}

// resultVerbs report a result with the system as their subject.
var resultVerbs = map[string]bool{"achieve": true, "achieves": true, "achieved": true, "reach": true, "reaches": true,
	"deliver": true, "delivers": true, "yield": true, "yields": true, "provide": true, "provides": true, "attain": true,
	"attains": true, "obtain": true, "obtains": true, "offer": true, "offers": true, "realize": true, "realizes": true,
	"show": true, "shows": true, "demonstrate": true, "demonstrates": true, "gives": true, "give": true, "enables": true}

// statementSubject returns the noun phrase that opens the figure's
// statement before its result verb, when it is a description ("our fused
// attention kernels") rather than only a coined name ("COMET").
func (s *sentence) statementSubject(c *cand) string {
	toks := s.toks
	lo, _ := s.scope(c)
	l, _ := s.clause(c.ti, c.tj)
	if l > lo {
		lo = l
	}
	v := -1
	for k := lo; k < c.ti; k++ {
		if resultVerbs[toks[k].lw] {
			v = k
			break
		}
	}
	if v <= lo {
		return ""
	}
	var ws []string
	for k := lo; k < v; k++ {
		t := toks[k]
		if t.kind != tkWord || openerWords[t.lw] || t.lw == "can" || t.lw == "also" {
			continue
		}
		ws = append(ws, t.w)
	}
	p := cleanPhrase(ws)
	lower := false
	for _, w := range strings.Fields(p) {
		if w == strings.ToLower(w) && !nonSubject[w] {
			lower = true
		}
	}
	if !lower || len(strings.Fields(p)) > 5 {
		return ""
	}
	return p
}

// modelName reports a single CamelCase or capitalised word with inner
// capitals ("HunyuanVideo", "CogVideoX"): a named model or dataset.
func modelName(p string) bool {
	if strings.Contains(p, " ") || len(p) < 3 || p[0] < 'A' || p[0] > 'Z' {
		return false
	}
	for i := 1; i < len(p); i++ {
		if p[i] >= 'A' && p[i] <= 'Z' {
			return true
		}
	}
	return false
}
