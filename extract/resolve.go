package extract

import (
	"strings"
)

// clause returns the token range [l,r) of the clause around [ti,tj): the
// text between the nearest commas, semicolons, colons or parentheses.
func (s *sentence) clause(ti, tj int) (int, int) {
	l := ti
	for l > 0 && !isClausePunct(s.toks[l-1].lw) {
		l--
	}
	r := tj
	for r < len(s.toks) && !isClausePunct(s.toks[r].lw) {
		r++
	}
	return l, r
}

func isClausePunct(w string) bool {
	switch w {
	case ",", ";", ":", "(", ")", "[", "]", ".":
		return true
	}
	return false
}

// Cue words that decide a factor's metric. Strong cues name the quantity;
// weak cues only say "more" and are used when nothing stronger is near.
var (
	speedCues    = metricCues("speedup")
	reduceCues   = metricCues("reduction_factor")
	capacityCues = metricCues("capacity_factor")
	weakSpeed    = []string{"improv", "higher", "boost", "gain", "better", "benefit", "efficien", "energy", "more", "outperform", "beat"}
	weakCapacity = []string{"increase", "size", "scale"}
	killCues     = []string{"slower", "slowdown", "slow-down", "gap", "costlier", "worse"}
)

func hasPrefixAny(w string, list []string) bool {
	for _, p := range list {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// cueScan looks for words of list around [ti,tj) inside [l,r) and returns
// the distance in tokens of the nearest (after counts slightly closer than
// before, because English puts the noun after the factor: "4.5x faster").
func (s *sentence) cueScan(ti, tj, l, r, win int, list []string) float64 {
	best := 1e9
	for k := tj; k < r && k < tj+win; k++ {
		if s.toks[k].kind == tkWord && hasPrefixAny(s.toks[k].lw, list) {
			best = float64(k - tj + 1)
			break
		}
	}
	for k := ti - 1; k >= l && k >= ti-win; k-- {
		if s.toks[k].kind == tkWord && hasPrefixAny(s.toks[k].lw, list) {
			d := float64(ti-k) + 0.5
			if d < best {
				best = d
			}
			break
		}
	}
	return best
}

var ownMarkers = map[string]bool{"we": true, "our": true, "ours": true, "us": true, "proposed": true}

var priorMarkers = map[string]bool{"requires": true, "require": true, "required": true, "existing": true, "previous": true, "prior": true, "conventional": true, "traditional": true,
	"typically": true, "usually": true, "commonly": true, "often": true, "today's": true, "current": true,
	"recent": true, "recently": true, "modern": true, "popular": true, "widely": true}

// priorAdverbs mark background anywhere; the adjectives only when they
// open the sentence or qualify a generic noun ("existing methods"), since
// "improves popular LLMs by 2x" is the paper's own result.
var priorAdverbs = map[string]bool{"typically": true, "usually": true, "commonly": true, "often": true, "requires": true, "require": true, "required": true}

var genericNouns = map[string]bool{"work": true, "works": true, "method": true, "methods": true, "approach": true, "approaches": true,
	"system": true, "systems": true, "solution": true, "solutions": true, "technique": true, "techniques": true,
	"framework": true, "frameworks": true, "implementations": true, "implementation": true, "models": true, "hardware": true}

func genericNounNear(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+2; j++ {
		if genericNouns[toks[j].lw] {
			return true
		}
	}
	return false
}

var trendMarkers = []string{"grown", "grew", "growing", "doubled", "doubling", "exploded", "skyrocket"}

var hypoMarkers = map[string]bool{"if": true, "want": true, "desired": true, "desire": true, "gap": true, "would": true,
	"should": true, "must": true, "target": true, "requirement": true, "requirements": true, "expected": true,
	"expect": true, "expects": true, "anticipate": true, "anticipated": true, "projected": true}

var accWords = []string{"accuracy", "f1", "psnr", "ssim", "lpips", "miou", "bleu", "auc", "map", "fid", "fvd", "kid", "iou", "top-1", "top-5", "score", "rouge", "chamfer", "wer", "perplexity", "rayiou", "nds", "recall", "precision"}

// accBefore reports "an mIoU of 39.3%", "an FID (Frechet Inception
// Distance) of 22.1": a quality score named right before "of N".
func (s *sentence) accBefore(ti int) bool {
	toks := s.toks
	k := s.qualStart(ti) - 1
	if k < 1 || toks[k].lw != "of" {
		return false
	}
	k--
	if toks[k].lw == ")" {
		for k > 0 && toks[k].lw != "(" && ti-k < 12 {
			k--
		}
		k--
	}
	return k >= 0 && toks[k].kind == tkWord && hasPrefixAny(toks[k].lw, accWords)
}

var baselineFigureCues = map[string]bool{"compared": true, "than": true, "vs": true, "vs.": true, "versus": true, "relative": true, "against": true}

// resolve turns candidates into claims or drops them: it decides the metric,
// filters background and baseline figures, and fills qualifier, baseline,
// hardware, subject and confidence.
func (s *sentence) resolve(cands []*cand) {
	own := false
	for _, t := range s.toks {
		if ownMarkers[t.lw] {
			own = true
			break
		}
	}
	if strings.Contains(s.lower, "this paper") || strings.Contains(s.lower, "this work") {
		own = true
	}
	for k, c := range cands {
		var prev *cand
		if k > 0 {
			prev = cands[k-1]
		}
		c.conf = 0.5
		c.prev = prev
		if s.isBackground(c, own) {
			// Still classified: an elliptical figure after it may need its
			// metric ("existing systems reach 30% utilization, ours 70%").
			s.classify(c, prev)
			c.background = true
			c.drop = true
			continue
		}
		s.classify(c, prev)
		if c.drop {
			continue
		}
		s.qualify(c, prev)
	}
	// "Megatron-LM reaches 52% MFU, while our system reaches 60%": of two
	// contrasted figures of one kind, the one outside the paper's own
	// statement is the baseline's.
	if own {
		for _, c := range cands {
			if c.drop || s.ownStatement(c) {
				continue
			}
			for _, o := range cands {
				if o != c && !o.drop && o.metric == c.metric && s.ownStatement(o) &&
					s.contrastBetween(min(c.tj, o.tj), max(c.ti, o.ti)) {
					c.drop = true
					break
				}
			}
		}
	}
	// "requires 14 GB to serve a 70B model": a bare model size next to
	// another result is that result's setting.
	for _, c := range cands {
		if c.bareSize && !c.drop && !s.trainedSize(c) && !(c.prev != nil && c.prev.bareSize && !c.prev.drop && c.prev.metric == "model_size" && s.trainedSize(c.prev)) {
			for _, o := range cands {
				if o != c && !o.drop && !o.bareSize && o.metric != "sequence_length" {
					c.drop = true
					break
				}
			}
		}
	}
	// Second pass: things that look across candidates.
	for _, c := range cands {
		if c.drop {
			continue
		}
		bl, bi, bj := s.baselineFor(c, cands)
		if bl == "" && c.prev != nil && !c.prev.drop && c.prev.baseline != "" && s.listContinues(c.prev, c) {
			// "1.8x over cuDNN on ResNet-50 and 1.3x on BERT": the list shares its baseline.
			bl = c.prev.baseline
		}
		if f, t := s.fromTo(c); bl == "" && f >= 0 {
			// "from 24 FPS to 61 FPS": the claim is the end point, the start is the baseline's.
			bl, bi, bj = s.text[s.toks[f+1].s:s.toks[t-1].e], f+1, t
		}
		c.baseline = bl
		s.hardwareFor(c, cands, bi, bj)
		if c.baseline != "" {
			c.conf += 0.05
		}
		if own {
			c.conf += 0.1
		}
	}
	s.shareBaselines(cands)
	s.subjects(cands)
	for _, c := range cands {
		if !c.drop && s.reductionBySubject(c) {
			c.metric = "reduction_factor"
		}
		if !c.drop && s.otherBySubject(c) {
			c.metric = "other"
		}
	}
	cond := s.conditions()
	for _, c := range cands {
		if !c.drop && c.condition == "" {
			c.condition = cond
		}
	}
	for _, c := range cands {
		if c.conf > 0.99 {
			c.conf = 0.99
		}
		if c.conf < 0.05 {
			c.conf = 0.05
		}
	}
}

// isBackground drops figures that are not the paper's own result: trends of
// the field, hypotheticals and targets, prior work, and a baseline's own
// number right after "compared to" / "than".
func (s *sentence) isBackground(c *cand, own bool) bool {
	toks := s.toks
	// Cue words count only in the figure's own statement: "Existing systems
	// typically reach 30%, while X reaches 71%" or "X must handle 10K
	// events/s; it achieves 4x" say nothing hypothetical about the second figure.
	lo, hi := s.scope(c)
	sysOwn := s.systemSubject(lo, c.ti)
	for k := lo; k < c.ti; k++ {
		w := toks[k].lw
		if w == "however" && !own && !sysOwn && !s.favourable(c, lo, hi) {
			// "However, the training of NeuS takes 8 hours": a limitation of prior work.
			return true
		}
		if hypoMarkers[w] && !(w == "if" && (k > 0 && toks[k-1].lw == "even" || k+1 < len(toks) && toks[k+1].lw == "any")) &&
			!(strings.HasPrefix(w, "requirement") && k > 0 && resourceNouns[toks[k-1].lw]) {
			// "memory requirements" is a measured quantity, not a target.
			// "even if" concedes and "if any" hedges; neither makes the figure hypothetical.
			return true
		}
		if hasPrefixAny(w, trendMarkers) || (w == "increased" || w == "risen" || w == "improved") && k > 0 && (toks[k-1].lw == "has" || toks[k-1].lw == "have") && !own {
			return true
		}
		if !own && !sysOwn && s.priorCue(k) && !afterComparison(toks, k) && (priorAdverbs[w] || k-lo < 4 || genericNounNear(toks, k)) {
			return true
		}
	}
	// "While existing systems reach only 30% utilization, ours ...": within
	// the figure's own clause prior work is the subject, even in a sentence
	// where the paper also speaks.
	if l, _ := s.clause(c.ti, c.tj); own || sysOwn {
		verb := false
		for k := max(l, lo); k < c.ti; k++ {
			w := toks[k].lw
			if hasPrefixAny(w, []string{"improv", "accelerat", "speed", "enhanc", "extend", "boost", "outperform", "surpass", "beat"}) {
				verb = true
			}
			if !verb && priorMarkers[w] && !priorAdverbs[w] && genericNounNear(toks, k) && !afterComparison(toks, k) {
				return true
			}
		}
	}
	// "It takes 3 hours per scene with prior methods": the figure belongs to
	// prior work named after it. "Serving a 175B model requires 5 A100
	// GPUs" is a resource bill of the status quo.
	if !own && !sysOwn && !s.favourable(c, lo, hi) {
		for k := c.tj; k < hi; k++ {
			if priorMarkers[toks[k].lw] && !priorAdverbs[toks[k].lw] && genericNounNear(toks, k) && !afterStrictComparison(toks, k) {
				return true
			}
			if priorAdverbs[toks[k].lw] && strings.HasPrefix(toks[k].lw, "requir") && s.priorCue(k) {
				return true
			}
		}
		// "..., e.g., GPT-3 needs 350 GB": an illustration of the problem.
		for k := lo; k < c.ti; k++ {
			if w := toks[k].lw; w == "e.g" || w == "e.g." || w == "example" && k > 0 && toks[k-1].lw == "for" {
				return true
			}
		}
	}
	if !own && !sysOwn {
		// "contexts of up to 1M tokens are becoming increasingly common".
		for k := c.tj; k < hi; k++ {
			if w := toks[k].lw; w == "increasingly" || w == "becoming" && k+1 < hi && toks[k+1].lw != "the" {
				return true
			}
		}
	}
	if !own && s.hardwareOpens() {
		// "GPUs are 10x faster than CPUs": a fact about hardware, not a result.
		return true
	}
	if !own && s.historyOpening() {
		// "Over the past decade, ...", "In recent years, ...", "Since 2019,
		// ...": the sentence tells the field's history.
		return true
	}
	// A baseline's figure: "compared to 30TF using PyTorch", "than the 1.5x
	// of X", "compared to a baseline that sustains 39 TFLOPs".
	relative := false
	for k := c.ti - 1; k >= 0 && k >= c.ti-12; k-- {
		w := toks[k].lw
		if w == "." && k > 0 && toks[k-1].lw == "vs" {
			continue // "vs." is one word
		}
		if toks[k].kind == tkNum || isClausePunct(w) || w == "and" || w == "or" {
			break
		}
		if baselineFigureCues[w] {
			if w == "than" && k > 0 && isComparativeQual(toks[k-1].lw) {
				break
			}
			if k >= c.ti-3 && onlyFillers(toks[k+1:c.ti]) || relative && toks[c.ti-1].lw != "by" {
				return true
			}
			break
		}
		switch w {
		case "that", "which", "who", "achieving", "reaching", "sustaining", "delivering", "at", "achieves", "sustains", "reaches":
			relative = true
		}
	}
	// ", which is 30% of peak" right after a compared-to phrase describes the baseline.
	if l, _ := s.clause(c.ti, c.tj); l > 0 && toks[l-1].lw == "," && toks[l].lw == "which" {
		for k := l - 2; k >= 0 && !isClausePunct(toks[k].lw); k-- {
			if baselineFigureCues[toks[k].lw] && !(toks[k].lw == "than" && k > 0 && isComparativeQual(toks[k-1].lw)) {
				return true
			}
		}
	}
	// "from 80 GB to 24 GB": the first figure is the starting point.
	if q := s.qualStart(c.ti); !c.hasHi && q > 0 && toks[q-1].lw == "from" {
		// "from 80 GB to 24 GB", "from more than 780GB of memory to less than 48GB".
		for k := c.tj; k < len(toks) && k <= c.tj+5 && !isClausePunct(toks[k].lw); k++ {
			if toks[k].lw == "to" {
				if e := k + 1 + len(s.qualAt(k+1)); e < len(toks) && toks[e].kind == tkNum {
					return true
				}
				break
			}
		}
		// "reduces latency to 35 ms from 120 ms": the starting point again.
		if l, r := s.clause(c.ti, c.tj); s.cueScan(c.ti, c.tj, l, r, 12, []string{"reduc", "decreas", "increas", "improv", "cut", "lower", "rais", "boost", "drop", "shrink", "grow"}) < 1e9 {
			return true
		}
	}
	// "A100 GPUs offer up to 312 TFLOPS": a hardware specification.
	if !own && s.hardwareSubject(c.ti) {
		for k := c.ti - 1; k >= 0 && k >= c.ti-4; k-- {
			switch toks[k].lw {
			case "offer", "offers", "provide", "provides", "feature", "features", "boast", "boasts", "rated", "theoretical":
				return true
			}
		}
	}
	// "... 6.71x achieved by DistriFusion": somebody else's number.
	if c.tj+1 < len(toks) && (toks[c.tj].lw == "achieved" || toks[c.tj].lw == "reported" || toks[c.tj].lw == "obtained") && toks[c.tj+1].lw == "by" {
		return true
	}
	return false
}

func onlyFillers(ts []token) bool {
	for _, t := range ts {
		switch t.lw {
		case "the", "a", "an", "only", "just", "about", "around", "roughly", "approximately", "~", "its", "their", "to", "with", "nearly", ".",
			"original", "baseline", "uncompressed", "dense", "full", "default", "vanilla", "standard", "previous", "prior",
			"raw", "naive", "unoptimized", "unoptimised", "full-precision", "fp32", "fp16", "initial", "reference", "best":
		default:
			return false
		}
	}
	return true
}

func isComparativeQual(w string) bool {
	switch w {
	case "more", "less", "fewer", "greater", "no", "higher", "lower", "better":
		return true
	}
	return false
}

// afterComparison reports whether token k sits in a "than ..." or "compared
// to ..." phrase, where words like "existing" describe the baseline, not the claim.
func afterComparison(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := toks[j].lw
		if isClausePunct(w) {
			return false
		}
		if baselineFigureCues[w] || w == "to" || w == "with" || w == "over" || w == "unlike" || w == "beyond" || strings.HasPrefix(w, "outperform") || strings.HasPrefix(w, "surpass") || strings.HasPrefix(w, "beat") {
			return true
		}
	}
	return false
}

// classify picks the metric from the unit and the surrounding words.
func (s *sentence) classify(c *cand, prev *cand) {
	l, r := s.clause(c.ti, c.tj)
	sl, sr := 0, len(s.toks)
	switch c.unit.kind {
	case ukFactor:
		if s.cueScan(c.ti, c.tj, l, r, 6, killCues) < 4 || c.tj < len(s.toks) && s.toks[c.tj].lw == "overhead" || s.moreCost(c.tj) {
			// "2x slower", "a gap of 1.5x", "3x overhead": costs, not results.
			c.drop = true
			return
		}
		if s.energyEfficiency(c.tj, r) || s.efficiencyGain(c.tj, r) {
			// "2.7x higher energy efficiency" is work per joule, not time.
			c.metric, c.unitLabel = "other", "x"
			c.conf += 0.15
			return
		}
		if c.wordMetric != "" {
			if c.wordMetric == "reduction_factor" && c.tj < len(s.toks) && s.cueScan(c.ti, c.tj, c.tj, min(r, c.tj+3), 3, []string{"throughput", "performance", "speed", "bandwidth", "accuracy"}) < 1e9 {
				// "small writes halve throughput": a loss, not a saving.
				c.drop = true
				return
			}
			c.metric, c.unitLabel = c.wordMetric, "x"
			c.conf += 0.2
			return
		}
		if c.numWord && c.ti > 0 && strings.HasSuffix(s.toks[c.ti].lw, "ples") || s.toks[c.ti].lw == "doubles" {
			// "Batching doubles the throughput": the verb's object names
			// what grew, not its subject.
			l = c.ti
		}
		if prev != nil && !prev.drop && prev.unit.kind == ukFactor && s.parenContinues(prev, c) &&
			s.cueScan(c.ti, c.tj, c.tj, r, 2, append(append(append([]string{}, speedCues...), reduceCues...), capacityCues...)) == 1e9 {
			c.metric, c.unitLabel = prev.metric, "x"
			c.conf += 0.2
			return
		}
		// Words of a qualifier ("more than 2x", "less than 3x") say nothing
		// about what is measured.
		ti0 := s.qualStart(c.ti)
		if ti0 > 1 && s.toks[ti0-1].lw == "of" {
			// "an average improvement of 2.08x": the noun before "of" names it.
			switch s.toks[ti0-2].lw {
			case "improvement", "improvements", "speedup", "speedups", "speed-up", "acceleration":
				c.metric, c.unitLabel = "speedup", "x"
				c.conf += 0.25
				return
			case "reduction", "reductions", "compression", "saving", "savings":
				c.metric, c.unitLabel = "reduction_factor", "x"
				c.conf += 0.25
				return
			}
		}
		// The verb that governs the clause may stand far before the figure
		// ("reduces the communication volume and overhead by up to 22.89x").
		ds := s.cueScan(ti0, c.tj, l, r, 8, speedCues)
		dr := s.cueScan(ti0, c.tj, l, r, 8, reduceCues)
		dc := s.cueScan(ti0, c.tj, l, r, 8, capacityCues)
		if ds == 1e9 && dr == 1e9 && dc == 1e9 {
			// "more than 2x, nearly 3x and ~4x higher throughput": a list
			// of figures shares the noun after its last member.
			if rr := s.listEnd(r); rr > r {
				ds = s.cueScan(ti0, c.tj, l, rr, 16, speedCues)
				dr = s.cueScan(ti0, c.tj, l, rr, 16, reduceCues)
				dc = s.cueScan(ti0, c.tj, l, rr, 16, capacityCues)
			}
		}
		if ds == 1e9 && dr == 1e9 && dc == 1e9 {
			ds = s.cueScan(ti0, c.tj, l, c.tj, 16, speedCues)
			dr = s.cueScan(ti0, c.tj, l, c.tj, 16, reduceCues)
			dc = s.cueScan(ti0, c.tj, l, c.tj, 16, capacityCues)
		}
		switch {
		case dr < ds && dr < dc:
			c.metric = "reduction_factor"
		case dc < ds && dc < dr:
			c.metric = "capacity_factor"
		case ds < 1e9:
			c.metric = "speedup"
		default:
			if prev != nil && !prev.drop && prev.unit.kind == ukFactor && s.listContinues(prev, c) {
				c.metric = prev.metric
				break
			}
			if prev != nil && prev.background && prev.metric != "" && prev.unit.kind == ukFactor && c.ti-prev.tj <= 8 {
				// "Prior systems reach 1.2x speedups; ours achieves 3.1x": the
				// contrasted figure measures the same thing.
				c.metric = prev.metric
				break
			}
			// A parenthetical aside does not end the clause: "outperforms X
			// (A and B) by 1.2x".
			lw := l
			if lw > 0 && s.toks[lw-1].lw == ")" {
				for lw > 0 && s.toks[lw-1].lw != "(" {
					lw--
				}
				if lw > 0 {
					lw--
				}
				for lw > 0 && !isClausePunct(s.toks[lw-1].lw) {
					lw--
				}
			}
			ws := s.cueScan(ti0, c.tj, lw, r, 12, weakSpeed)
			wc := s.cueScan(ti0, c.tj, l, r, 8, weakCapacity)
			switch {
			case wc < ws:
				c.metric = "capacity_factor"
				c.conf -= 0.1
			case ws < 1e9:
				c.metric = "speedup"
				c.conf -= 0.1
			case s.cueScan(ti0, c.tj, sl, sr, 6, []string{"over", "than", "compared", "vs", "versus", "relative"}) < 1e9:
				c.metric = "speedup"
				c.conf -= 0.2
			default:
				c.drop = true
				return
			}
		}
		c.unitLabel = "x"
		c.conf += 0.25
	case ukFPS:
		// A camera or video frame rate is an input condition, not a result.
		for k := c.ti - 1; k >= 0 && k >= c.ti-4; k-- {
			switch s.toks[k].lw {
			case "captured", "recorded", "sampled", "camera", "cameras", "footage", "input", "frames", "clips", "display", "monitor", "refresh":
				c.drop = true
				return
			}
		}
		if c.tj < len(s.toks) && (s.toks[c.tj].lw == "display" || s.toks[c.tj].lw == "refresh" || s.toks[c.tj].lw == "monitor" || s.toks[c.tj].lw == "camera" || s.toks[c.tj].lw == "video") {
			// "a 60Hz display", "30 fps video": a device or input property.
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "fps", "FPS"
		c.conf += 0.35
	case ukTFLOPS:
		c.metric, c.unitLabel = "tflops_per_gpu", "TFLOPS"
		if !c.unit.perGPU && s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"aggregate", "total", "sustain", "cluster", "system"}) < 1e9 &&
			s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"per", "each"}) == 1e9 {
			c.metric, c.unitLabel = "aggregate_flops", "PFLOPS"
			c.v /= 1000
			c.hi /= 1000
		}
		c.conf += 0.35
	case ukPFLOPS:
		c.metric, c.unitLabel = "aggregate_flops", "PFLOPS"
		if c.unit.perGPU {
			c.metric, c.unitLabel = "tflops_per_gpu", "TFLOPS"
			c.v *= 1000
			c.hi *= 1000
		}
		c.conf += 0.35
	case ukPct, ukPP:
		s.classifyPercent(c, l, r)
	case ukTokens:
		if c.tj < len(s.toks) && (strings.HasSuffix(s.toks[c.tj-1].lw, "token") || strings.HasSuffix(s.toks[c.tj-1].lw, "-tokens")) && countedNoun(s.toks[c.tj]) {
			// "for 64-128 token prompts", "over 1,024-token contexts": a setting.
			c.drop = true
			return
		}
		if p := s.qualStart(c.ti) - 1; p >= 0 && (s.toks[p].lw == "at" || s.toks[p].lw == "for") && len(s.hw) >= 0 && c.prev != nil && !c.prev.drop {
			// "69% higher throughput at 32K context length": the figure's setting.
			c.drop = true
			return
		}
		if c.unit.label == "context" && c.prev != nil && !c.prev.drop && s.inParens(c.ti) {
			// "3x speedup on GPT-2 (seq. length 1K)": the setting of the figure before.
			c.drop = true
			return
		}
		if c.unit.label == "context" {
			// "128K-context inference": the unit word is the cue.
			c.metric, c.unitLabel = "sequence_length", "tokens"
			c.conf += 0.2
			break
		}
		if s.cueScan(c.ti, c.tj, sl, sr, 6, []string{"trained", "pretrain", "pre-train", "corpus", "dataset", "data"}) < 1e9 {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, sl, sr, 10, []string{"sequence", "context", "length", "long", "window", "handle", "support", "extend", "input"}) == 1e9 {
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "sequence_length", "tokens"
		c.conf += 0.25
	case ukTokPerS:
		c.metric, c.unitLabel = "token_throughput", "tokens/s"
		c.conf += 0.35
	case ukParams:
		// "in ~500-billion parameter models" names a setting; a claim needs a
		// verb of training or serving ("fine-tune trillion parameter models").
		p := c.ti - 1
		for p >= 0 && (s.toks[p].lw == "a" || s.toks[p].lw == "an" || s.toks[p].lw == "the" || s.toks[p].lw == "~" || s.toks[p].lw == "over" || s.toks[p].lw == "to" && p > 0 && (s.toks[p-1].lw == "up" || strings.HasPrefix(s.toks[p-1].lw, "scal"))) {
			p--
		}
		if p >= 0 {
			switch s.toks[p].lw {
			case "in", "for", "like", "as", "e.g", "e.g.", "including":
				c.drop = true
				return
			}
			if strings.HasSuffix(s.toks[p].lw, "ing") && p > 0 && (s.toks[p-1].lw == "of" || s.toks[p-1].lw == "for" || s.toks[p-1].lw == "when" || s.toks[p-1].lw == "while") {
				// "the memory requirements of finetuning a 65B model": the setting.
				c.drop = true
				return
			}
		}
		if c.bareSize && p >= 1 && (s.toks[p].lw == "and" || s.toks[p].lw == ",") && c.prev != nil && !c.prev.drop && c.prev.metric == "model_size" {
			// "a 6.7B model and a 13B model": the list shares its verb.
			c.metric, c.unitLabel = "model_size", "params"
			c.conf += 0.15
			return
		}
		if c.bareSize && !(p >= 0 && hasPrefixAny(s.toks[p].lw, []string{"train", "fine-tun", "finetun", "serv", "fit", "scal", "run", "deploy", "host", "pretrain", "pre-train", "enabl", "support"})) {
			// Without the word "parameters" the model must be the object of a
			// training or serving verb: "trains a 175B model".
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, l, c.tj, 12, []string{"train", "fine-tun", "finetun", "serv", "fit", "scal", "run", "infer", "support", "enabl", "deploy", "host", "handle", "up"}) == 1e9 {
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "model_size", "params"
		c.conf += 0.2
	case ukTime:
		// "trained for 2 days" states the setup; "trains in 2 hours" the result.
		if p := c.ti - 1; p >= 0 && s.toks[p].lw == "for" {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, l, r, 6, []string{"dataset", "corpus", "totaling", "totalling", "recordings", "footage"}) < 1e9 {
			// "a dataset of 100K videos totaling 500 hours": the data, not a result.
			c.drop = true
			return
		}
		if c.tj < len(s.toks) {
			switch s.toks[c.tj].lw {
			case "video", "videos", "clip", "clips", "sequence", "sequences", "audio", "window", "windows", "interval", "intervals", "of":
				if s.toks[c.tj].lw == "of" && c.tj+1 < len(s.toks) && (s.toks[c.tj+1].lw == "runtime" || s.toks[c.tj+1].lw == "wall-clock" || s.toks[c.tj+1].lw == "training" || s.toks[c.tj+1].lw == "compute") {
					break // "one week of runtime": the job's length
				}
				c.drop = true
				return
			}
		}
		jobCues := []string{"train", "reconstruct", "optimiz", "fitting", "compil", "fine-tun", "pretrain", "pre-train", "construct", "runtime", "build"}
		if s.cueScan(c.ti, c.tj, l, r, 10, []string{"latency", "time-to-first", "ttft"}) == 1e9 && (c.v >= 1 || !s.perItem(l, r)) && s.cueScan(c.ti, c.tj, l, r, 12, jobCues) < 1e9 {
			// "per-frame reconstruction within 12 seconds" is an offline job per item.
			c.metric = "duration"
		} else if s.cueScan(c.ti, c.tj, l, r, 10, []string{"latency", "time-to-first", "ttft"}) < 1e9 || c.v < 1 || s.perItem(l, r) {
			// Sub-second times and times per query, request or token time
			// one piece of work.
			c.metric = "latency"
		} else if s.cueScan(c.ti, c.tj, l, r, 10, []string{"train", "finish", "complet", "converge", "total", "end-to-end", "wall-clock", "time-to-solution", "job", "pretrain", "pre-train", "fine-tun", "prun", "compil", "simulat", "optimiz", "fitting"}) < 1e9 {
			c.metric = "duration"
		} else if s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"latency", "per", "within", "respon", "time-to-first", "ttft", "real-time", "each", "generat", "infer", "render", "decod", "produc", "synthes", "answer"}) < 1e9 || c.v <= 60 {
			// Producing one item is latency; the schema's example is "within one second".
			c.metric = "latency"
		} else {
			c.metric = "duration"
		}
		c.unitLabel = "s"
		c.conf += 0.1
	case ukGB:
		// "A100 (80GB) GPUs", "a 48GB GPU": the size of a device, not a result.
		for _, m := range s.hw {
			if m.tj <= c.ti && c.ti-m.tj <= 2 || c.tj <= m.ti && m.ti-c.tj <= 1 {
				c.drop = true
				return
			}
		}
		if s.deviceSpec(c) {
			// "a laptop with 16 GB RAM": what the machine has.
			c.drop = true
			return
		}
		if c.tj < len(s.toks) && (deviceNouns[s.toks[c.tj].lw] || s.toks[c.tj].lw == "hbm" || s.toks[c.tj].lw == "vram") {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, l, r, 6, []string{"data", "dataset", "corpus", "bandwidth"}) < 1e9 {
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"memory", "footprint", "vram", "ram", "storage", "requir", "consum", "only", "fit", "cache", "size", "compress", "checkpoint", "disk", "model"}) == 1e9 {
			c.drop = true
			return
		}
		c.metric, c.unitLabel = "memory", "GB"
		if (c.unit.scale == 1e-3 || c.unit.scale == 1e-6) && s.cueScan(c.ti, c.tj, sl, sr, 10, []string{"memory", "footprint", "ram", "vram", "dram", "cache", "hbm"}) == 1e9 {
			// "a model size of ~4.0 MB", "frames of 170 KB": a size on disk or
			// on the wire, kept in the unit written.
			label := "MB"
			if c.unit.scale == 1e-6 {
				label = "KB"
			}
			c.metric, c.unitLabel = "other", label
			c.v /= c.unit.scale
			c.hi /= c.unit.scale
			c.conf += 0.1
			return
		}
		if s.cueScan(s.qualStart(c.ti), c.tj, l, r, 3, []string{"sav", "less", "fewer", "reduc", "cut", "lower"}) < 1e9 {
			// "saves 2.1 TB": an amount saved is not memory used.
			c.metric = "other"
		}
		c.conf += 0.15
	case ukDB:
		if s.cueScan(c.ti, c.tj, c.tj, r, 3, []string{"drop", "loss", "degrad", "lower", "decreas"}) < 1e9 || c.ti > 0 && s.toks[c.ti-1].lw == "within" {
			// "a 0.2 dB PSNR drop", "within 0.3 dB of X": a quality cost or tolerance.
			c.drop = true
			return
		}
		if s.cueScan(c.ti, c.tj, l, r, 5, []string{"improv", "gain", "higher", "better", "boost", "increase", "outperform"}) < 1e9 || strings.HasPrefix(s.toks[c.ti].w, "+") {
			c.metric, c.unitLabel = "other", "dB"
		} else {
			c.metric, c.unitLabel = "accuracy", "dB"
		}
		c.conf += 0.15
	case ukBandwidth, ukThroughput, ukPower, ukEnergy:
		s.classifyRate(c, l, r)
	case ukOther:
		c.metric, c.unitLabel = "other", c.unit.label
		if c.unit.count && s.cueScan(c.ti, c.tj, sl, sr, 8, []string{"dataset", "corpus", "trained", "pretrain", "pre-train", "collected", "contains", "containing"}) < 1e9 {
			// "a dataset of 2 billion pairs": the data, not a result.
			c.drop = true
			return
		}
	case ukNone:
		s.classifyBare(c, l)
	default:
		c.drop = true
	}
}

// classifyPercent separates improvements, fractions of peak, scaling
// efficiency, accuracies and absolute differences among percentages.
func (s *sentence) classifyPercent(c *cand, l, r int) {
	toks := s.toks
	c.unitLabel = "%"
	after := func(k int) string {
		if c.tj+k < len(toks) {
			return toks[c.tj+k].lw
		}
		return ""
	}
	switch {
	case after(0) == "loss" || after(1) == "loss" || after(0) == "drop" || after(1) == "drop" || after(1) == "degradation" || after(0) == "degradation" || after(0) == "overhead" ||
		after(0) == "slower" || after(0) == "worse" || after(0) == "slowdown" || after(0) == "more" && s.moreCost(c.tj):
		// "0.1% accuracy loss", "5% overhead": a cost the method pays, not a result.
		c.drop = true
		return
	}
	if s.costSubject(c, l) {
		// "The overhead of our checkpointing is below 2%": a price paid.
		c.drop = true
		return
	}
	if c.ti > 0 && toks[c.ti-1].lw == "within" {
		// "within 0.1% of the baseline" is a tolerance; "within 5% of peak"
		// says at least 95% of peak.
		if after(0) == "of" && s.cueScan(c.ti, c.tj, c.tj, r, 4, []string{"peak", "theoretical", "roofline", "optimal", "ideal"}) < 1e9 && !c.hasHi && c.v < 100 {
			c.v = 100 - c.v
			c.metric, c.qual = "peak_fraction", QualAtLeast
			c.conf += 0.1
			return
		}
		c.drop = true
		return
	}
	if c.ti > 2 && toks[c.ti-1].lw == "to" && toks[c.ti-2].kind == tkNum && toks[c.ti-3].lw == "from" {
		// "improves the hit rate from 61% to 78%": the end point is a level
		// reached, not an improvement.
		switch {
		case s.cueScan(c.ti, c.tj, l, r, 8, []string{"peak", "mfu", "hfu"}) < 1e9:
			c.metric = "peak_fraction"
		case s.cueScan(c.ti, c.tj, l, r, 8, []string{"efficiency"}) < 1e9:
			c.metric = "scaling_efficiency"
		case s.cueScan(c.ti, c.tj, l, r, 8, accWords) < 1e9:
			c.metric = "accuracy"
		default:
			c.metric = "other"
		}
		c.conf += 0.1
		return
	}
	if s.cueScan(c.ti, c.tj, l, c.tj, 4, []string{"drop", "degrad", "loss", "penalty"}) < 1e9 {
		// "accuracy drops by only 0.3%" is a cost; "latency drops by 30%" a gain.
		if s.cueScan(c.ti, c.tj, l, c.tj, 6, []string{"latency", "time", "memory", "overhead", "cost", "energy", "error", "power", "usage", "footprint", "traffic", "volume"}) < 1e9 {
			c.metric = "improvement_pct"
			c.conf += 0.2
			return
		}
		c.drop = true
		return
	}
	if c.unit.kind == ukPP && s.cueScan(c.ti, c.tj, l, r, 6, []string{"improv", "gain", "higher", "better", "increas", "boost", "outperform", "by", "+"}) == 1e9 && !strings.HasPrefix(toks[c.ti].w, "+") {
		// "1 million points" is a count; "improves mIoU by 3.1 points" a gain.
		c.drop = true
		return
	}
	if c.unit.kind == ukPP || after(0) == "absolute" || after(0) == "points" || after(0) == "pp" || after(1) == "absolute" {
		c.metric, c.unitLabel = "other", "pp"
		c.conf += 0.1
		return
	}
	{
		switch after(0) {
		case "higher", "faster", "better", "lower", "less", "fewer", "smaller", "shorter", "cheaper":
			// "23% higher utilization", "(22.6% faster)": a relative gain.
			c.metric = "improvement_pct"
			c.conf += 0.25
			return
		}
	}
	if s.cueScan(c.ti, c.tj, l, r, 4, []string{"peak", "utilization", "utilisation", "mfu", "hfu", "theoretical"}) < 1e9 {
		c.metric = "peak_fraction"
		c.conf += 0.3
		return
	}
	if s.cueScan(c.ti, c.tj, l, r, 6, []string{"efficiency"}) < 1e9 && s.cueScan(c.ti, c.tj, 0, len(toks), 10, []string{"scaling", "scalab", "parallel", "weak", "strong"}) < 1e9 {
		c.metric = "scaling_efficiency"
		c.conf += 0.3
		return
	}
	improve := []string{"improv", "higher", "better", "faster", "speed", "reduc", "less", "lower", "fewer", "decreas", "cut", "increas", "boost", "gain", "sav", "outperform", "accelerat", "shorter", "smaller", "more", "enhanc", "raise", "drop", "shrink", "compress", "by"}
	acc := []string{"accuracy", "top-1", "top-5", "f1", "map", "miou", "iou", "precision", "recall", "success", "bleu", "auc", "pass@1", "exact", "win", "score", "nds", "wer", "rayiou", "correctness"}
	if after(0) == "of" && (after(1) == "linear" || after(1) == "ideal" || after(1) == "perfect" || after(2) == "linear" || after(2) == "ideal") {
		// "99% of linear scaling", "92% of the ideal speedup".
		c.metric = "scaling_efficiency"
		c.conf += 0.25
		return
	}
	if after(0) == "of" && s.cueScan(c.ti, c.tj, l, c.tj, 3, []string{"sav", "reduc", "cut", "eliminat", "remov", "prun"}) < 1e9 {
		// "saves 40% of the memory": an improvement even though "of" follows.
		c.metric = "improvement_pct"
		c.conf += 0.2
		return
	}
	if after(0) == "of" {
		// "72% of application time": a share, not a result, unless it is an accuracy.
		if s.cueScan(c.ti, c.tj, l, r, 4, acc) < 1e9 {
			c.metric = "accuracy"
			c.conf += 0.1
			return
		}
		// "consuming only 48.1% of the energy", "over 90% of the performance
		// of hand-written code": a bounded share is a result; a plain one
		// ("kernels consume 72% of the time") profiles a workload.
		lo, _ := s.scope(c)
		q := s.qualStart(c.ti)
		if (q < c.ti || q > 0 && (toks[q-1].lw == "only" || toks[q-1].lw == "just")) && !s.perItem(c.tj, min(r, c.tj+4)) && lo <= c.ti {
			c.metric = "other"
			c.conf -= 0.05
			return
		}
		c.drop = true
		return
	}
	if after(0) != "" && hasPrefixAny(after(0), accWords) && (c.ti > 0 && toks[c.ti-1].lw == "by" || strings.HasPrefix(toks[c.ti].w, "+")) {
		// "surpasses X by +7.3% NDS": a gain in score points.
		c.metric, c.unitLabel = "other", "pp"
		c.conf += 0.15
		return
	}
	if s.accBefore(c.ti) || after(0) != "" && hasPrefixAny(after(0), accWords) && hasPrefixAny(after(0), acc) && s.cueScan(c.ti, c.tj, l, c.tj, 5, improve) == 1e9 && !strings.HasPrefix(toks[c.ti].w, "+") {
		// "an mIoU of 39.3%", "54.5% NDS": the level reached, not a gain.
		c.metric = "accuracy"
		c.conf += 0.2
		return
	}
	if q := s.qualStart(c.ti); q > 0 && after(0) != "" && toks[c.tj].kind == tkWord && !isFunctionWord(after(0)) &&
		s.cueScan(c.ti, c.tj, c.tj, min(r, c.tj+4), 4, improve) == 1e9 && s.cueScan(c.ti, c.tj, c.tj, min(r, c.tj+4), 4, acc) == 1e9 &&
		s.cueScan(c.ti, c.tj, c.tj, min(r, c.tj+4), 4, accWords) == 1e9 {
		switch toks[q-1].lw {
		case "achieving", "achieves", "achieve", "reaching", "reaches", "attains", "attaining", "sustaining", "sustains":
			// "achieving 97% ETTR", "up to 95% sparsity": a level of the
			// paper's own system that no other metric names.
			c.metric = "other"
			c.conf += 0.05
			return
		}
	}
	di := s.cueScan(c.ti, c.tj, l, r, 6, improve)
	da := s.cueScan(c.ti, c.tj, l, r, 4, acc)
	if di < 1e9 && di <= da+2 {
		c.metric = "improvement_pct"
		c.conf += 0.25
		return
	}
	if da < 1e9 {
		c.metric = "accuracy"
		c.conf += 0.2
		return
	}
	// "(max 47%)" after "by 30% geomean": a second figure for the same quantity.
	if c.prev != nil && !c.prev.drop && c.prev.unit.kind == c.unit.kind && (c.ti-c.prev.tj <= 3 || s.parenContinues(c.prev, c)) {
		c.metric = c.prev.metric
		c.conf += 0.15
		return
	}
	if c.prev != nil && c.prev.metric != "" && c.prev.unit.kind == c.unit.kind &&
		(c.prev.background && c.ti-c.prev.tj <= 6 || c.ti-c.prev.tj <= 10 && s.contrastBetween(c.prev.tj, c.ti)) {
		// "X reaches 52% MFU, while ours reaches 60%": the contrasted figure
		// measures the same thing.
		c.metric = c.prev.metric
		c.conf += 0.05
		return
	}
	if s.cueScan(c.ti, c.tj, 0, len(toks), 10, []string{"improv", "benefit", "speed", "faster", "reduc", "gain", "better", "outperform"}) < 1e9 {
		c.metric = "improvement_pct"
		c.conf += 0.1
		return
	}
	if s.cueScan(c.ti, c.tj, 0, len(toks), 6, []string{"compared", "than", "over", "vs", "versus", "relative"}) < 1e9 {
		c.metric = "improvement_pct"
		c.conf += 0.05
		return
	}
	c.drop = true
}

// classifyBare keeps unitless numbers only where the unit is implied:
// "scaling efficiency of 0.94" (a fraction, reported in %) and "an F1 of 0.8".
func (s *sentence) classifyBare(c *cand, l int) {
	toks := s.toks
	if p := c.prev; p != nil && p.drop && c.ti > 0 && (toks[c.ti-1].lw == "and" || toks[c.ti-1].lw == ",") && (c.hasHi || strings.Contains(toks[c.ti].w, ".")) {
		// "by 1.18-1.22x on 1458 layers and 1.19-3.01 on real models": the
		// list resumes after a count that was no claim.
		for q := p.prev; q != nil && c.ti-q.tj <= 8; q = q.prev {
			if !q.drop && q.unit.kind == ukFactor {
				c.unit = q.unit
				c.metric, c.unitLabel, c.qual = q.metric, "x", q.qual
				c.conf -= 0.05
				return
			}
		}
	}
	if p := c.prev; p != nil && !p.drop && c.ti-p.tj <= 10 && c.ti > 0 {
		sep := false
		for k := p.tj; k < c.ti; k++ {
			switch toks[k].lw {
			case ",", "and":
				sep = true
			case ";", "(", ")", "while", "but", "which":
				sep = false
				k = c.ti
			}
		}
		scaled := toks[c.ti].w != "" && strings.ContainsAny(toks[c.ti].w[len(toks[c.ti].w)-1:], "KMBkm") || c.tj > c.ti+1
		switch {
		case sep && p.metric == "sequence_length" && scaled && c.v >= 1000:
			// "500K tokens on one GPU, 3.7M on a node and over 15M on a cluster".
			c.metric, c.unitLabel = p.metric, "tokens"
			c.conf += 0.1
			return
		case sep && p.unit.kind == ukFactor && c.ti-p.tj <= 2 && (toks[c.ti-1].lw == "and" || toks[c.ti-1].lw == ",") && c.v > 1 && c.v < 1e4:
			// "by up to 2x and 4, respectively": the list shares the sign.
			c.unit = p.unit
			c.metric, c.unitLabel, c.qual = p.metric, "x", p.qual
			c.conf += 0.05
			return
		}
	}
	if s.lostTimes(c) {
		c.unit = unitDef{kind: ukFactor, scale: 1}
		s.classify(c, c.prev)
		c.conf -= 0.15
		return
	}
	if c.hasHi && c.hi > 1e6 {
		c.drop = true
		return
	}
	if c.v <= 1 && c.v > 0 && c.tj+1 < len(toks) && (toks[c.tj].lw == "efficiency" ||
		(toks[c.tj].lw == "parallel" || strings.Contains(toks[c.tj].lw, "scaling")) && toks[c.tj+1].lw == "efficiency") {
		// "0.95 parallel efficiency": a fraction, reported in %.
		c.v *= 100
		c.metric, c.unitLabel = "scaling_efficiency", "%"
		c.conf += 0.15
		return
	}
	if c.tj < len(toks) && hasPrefixAny(toks[c.tj].lw, accWords) && c.v <= 100 {
		// "up to 0.8 accuracy", "0.92 F1".
		c.metric, c.unitLabel = "accuracy", "score"
		if c.tj+1 < len(toks) && (toks[c.tj+1].lw == "degradation" || toks[c.tj+1].lw == "drop" || toks[c.tj+1].lw == "loss" || toks[c.tj+1].lw == "increase") {
			// "<0.1 perplexity degradation": a bound on the quality cost.
			c.metric, c.unitLabel = "other", toks[c.tj].w
		} else if c.ti > 0 && (toks[c.ti-1].lw == "by" || strings.HasPrefix(toks[c.ti].w, "+")) {
			// "outperforms the baseline by 1.2 BLEU": a gain in the score.
			c.metric, c.unitLabel = "other", toks[c.tj].w
		}
		c.tj++
		c.conf += 0.1
		return
	}
	if c.ti == 0 {
		c.drop = true
		return
	}
	if s.accBefore(c.ti) && c.v <= 1000 {
		c.metric, c.unitLabel = "accuracy", "score"
		c.conf += 0.1
		return
	}
	link := toks[c.ti-1].lw
	if link != "of" && link != "is" && link != "reaches" && link != "achieves" && link != "to" && link != "=" && link != "at" {
		c.drop = true
		return
	}
	for k := c.ti - 2; k >= l && k >= c.ti-4; k-- {
		w := toks[k].lw
		switch {
		case w == "efficiency" || w == "efficiencies":
			if c.v <= 1 {
				c.v *= 100
				c.hi *= 100
			}
			if c.v > 100 {
				c.drop = true
				return
			}
			c.metric, c.unitLabel = "scaling_efficiency", "%"
			c.conf += 0.15
			return
		case hasPrefixAny(w, accWords):
			c.metric, c.unitLabel = "accuracy", "score"
			c.conf += 0.05
			return
		}
	}
	c.drop = true
}

// parenContinues reports whether b sits in parentheses right after a, or
// continues a list that does: "by up to 2.45x (on average 1.58x)",
// "22.89x and 27.21x (on average 8.69x and 11.60x)".
func (s *sentence) parenContinues(a, b *cand) bool {
	if a.unit.kind != b.unit.kind || b.ti-a.tj > 10 {
		return false
	}
	open := false
	for k := a.tj; k < b.ti; k++ {
		w := s.toks[k].lw
		switch {
		case w == "(":
			open = true
		case w == ")" || w == ";" || w == ".":
			return false
		case s.toks[k].kind == tkNum && !s.toks[k].masked:
			if !open {
				return false
			}
		}
	}
	if open {
		return true
	}
	return s.listContinues(a, b)
}

// listContinues reports whether b continues a list started by a ("277 FPS on
// X and 583 FPS on Y", "12X,20X,33X and 39X") so it shares a's qualifier.
func (s *sentence) listContinues(a, b *cand) bool {
	if a.unit.kind != b.unit.kind || b.ti-a.tj > 8 {
		return false
	}
	for k := a.tj; k < b.ti; k++ {
		w := s.toks[k].lw
		if w == ";" || w == "." || w == "(" || w == ")" || w == "while" || w == "but" || w == "which" {
			return false
		}
	}
	p := s.toks[b.ti-1].lw
	return p == "and" || p == "," || p == "or" || p == "&" || p == "/"
}

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

var machineNouns = map[string]bool{"laptop": true, "laptops": true, "desktop": true, "phone": true, "phones": true,
	"smartphone": true, "machine": true, "machines": true, "server": true, "servers": true, "node": true, "nodes": true,
	"gpu": true, "gpus": true, "card": true, "cards": true, "device": true, "devices": true, "workstation": true, "pc": true}

// deviceSpec reports a memory size that describes a machine: "a laptop
// with 16 GB RAM", "GPUs with 80 GB of memory".
func (s *sentence) deviceSpec(c *cand) bool {
	toks := s.toks
	if c.ti < 2 || toks[c.ti-1].lw != "with" {
		return false
	}
	for k := c.ti - 2; k >= 0 && k >= c.ti-4; k-- {
		if machineNouns[toks[k].lw] || toks[k].masked {
			return true
		}
		if isClausePunct(toks[k].lw) {
			break
		}
	}
	return false
}

// energyEfficiency reports "higher energy efficiency", "more
// energy-efficient" or "better performance per watt" right after a factor.
func (s *sentence) energyEfficiency(k, r int) bool {
	toks := s.toks
	for j := k; j < r && j < k+4; j++ {
		w := toks[j].lw
		if strings.HasPrefix(w, "energy-efficien") || strings.HasPrefix(w, "power-efficien") || w == "perf/watt" || w == "performance/watt" {
			return true
		}
		if (w == "energy" || w == "power") && j+1 < r && strings.HasPrefix(toks[j+1].lw, "efficien") {
			return true
		}
		if w == "per" && j+1 < r && (toks[j+1].lw == "watt" || toks[j+1].lw == "joule") {
			return true
		}
	}
	return false
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
	cost := false
	for k := max(l, c.ti-8); k < c.ti; k++ {
		w := toks[k].lw
		if w == "overhead" || w == "overheads" || w == "slowdown" || w == "slowdowns" || w == "penalty" {
			cost = true
		}
		if cost && hasPrefixAny(w, []string{"reduc", "cut", "lower", "decreas", "eliminat", "remov", "sav", "mitigat", "shrink", "drop", "less", "fewer", "by"}) {
			return false
		}
	}
	return cost
}

// listEnd extends a clause ending at r over following list members: ",
// nearly 3x and ~4x higher". It returns r when no figure follows the comma.
func (s *sentence) listEnd(r int) int {
	toks := s.toks
	for r < len(toks) && toks[r].lw == "," {
		num := false
		for k := r + 1; k < len(toks) && k <= r+3; k++ {
			if toks[k].kind == tkNum && !toks[k].masked {
				num = true
				break
			}
		}
		if !num {
			break
		}
		r++
		for r < len(toks) && !isClausePunct(toks[r].lw) {
			r++
		}
	}
	return r
}

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

// specNouns after a figure make it a property of a device or link ("a
// 100 Gbps network", "a 15 W power budget"), a setting rather than a result.
var specNouns = map[string]bool{"network": true, "networks": true, "link": true, "links": true, "nic": true, "nics": true,
	"ethernet": true, "infiniband": true, "interconnect": true, "budget": true, "envelope": true, "tdp": true, "cap": true,
	"limit": true, "device": true, "devices": true, "board": true, "chip": true, "gpu": true, "gpus": true, "cpu": true,
	"switch": true, "switches": true, "port": true, "ports": true, "ssd": true, "ssds": true, "drive": true, "disk": true}

// classifyRate files bandwidth, item throughput, power and energy figures,
// leaving out what describes the hardware rather than the paper's result.
func (s *sentence) classifyRate(c *cand, l, r int) {
	toks := s.toks
	if c.tj < len(toks) && specNouns[toks[c.tj].lw] {
		p := s.qualStart(c.ti) - 1
		if p >= 0 && (toks[p].lw == "a" || toks[p].lw == "an" || toks[p].lw == "per" || toks[p].lw == "with" || toks[p].lw == "under") {
			// "on a 10 Gbps network", "under a 5 W budget".
			c.drop = true
			return
		}
	}
	if s.cueScan(c.ti, c.tj, l, r, 4, []string{"tdp", "budget", "rated", "nominal", "theoretical", "peak"}) < 1e9 && c.unit.kind != ukEnergy {
		c.drop = true
		return
	}
	switch c.unit.kind {
	case ukBandwidth:
		c.metric, c.unitLabel = "bandwidth", "GB/s"
	case ukThroughput:
		c.metric, c.unitLabel = "throughput", c.unit.label
	case ukPower:
		c.metric, c.unitLabel = "power", "W"
	case ukEnergy:
		c.metric, c.unitLabel = "energy", "J"
		if c.unit.per != "" {
			c.condition = "per " + c.unit.per
		} else if c.tj+1 < len(toks) && toks[c.tj].lw == "per" && toks[c.tj+1].kind == tkWord {
			c.condition = "per " + toks[c.tj+1].lw
		}
	}
	c.conf += 0.3
}

// trainedSize reports a bare model size that a finite verb of training or
// serving governs ("trains a 13B model", "scaling to 32B models"): the
// paper's capacity, a claim even beside other figures. "requires 14 GB to
// serve a 70B model" states a purpose: the size is the other figure's setting.
func (s *sentence) trainedSize(c *cand) bool {
	toks := s.toks
	p := c.ti - 1
	for p >= 0 && (toks[p].lw == "a" || toks[p].lw == "an" || toks[p].lw == "to" && p > 0 && hasPrefixAny(toks[p-1].lw, []string{"scal", "up"})) {
		p--
	}
	if p < 0 || !hasPrefixAny(toks[p].lw, []string{"train", "fine-tun", "finetun", "serv", "scal", "pretrain", "pre-train", "enabl"}) {
		return false
	}
	// "serves a 70B model at 12 tokens/s": the size sets the figure after it.
	for k := c.tj; k < len(toks) && k <= c.tj+2; k++ {
		if toks[k].lw == "at" && k+1 < len(toks) && toks[k+1].kind == tkNum {
			return false
		}
	}
	return p == 0 || toks[p-1].lw != "to" && toks[p-1].lw != "for" && toks[p-1].lw != "when" && toks[p-1].lw != "while"
}

// shareBaselines spreads one comparison over a list of figures. A figure
// list with a list of as many baselines pairs them in order (">15x and >8x
// smaller than A and B"); figures listed before the one that names its
// baseline take it too ("2x higher throughput, 40% lower latency and 20%
// higher utilization compared to vLLM"). A baseline that is only a pronoun
// or a verb is dropped.
func (s *sentence) shareBaselines(cands []*cand) {
	var live []*cand
	for _, c := range cands {
		if !c.drop {
			if junkPhrase(c.baseline) {
				c.baseline = ""
			}
			c.baseline = strings.TrimRight(c.baseline, " -,:")
			live = append(live, c)
		}
	}
	for i := len(live) - 2; i >= 0; i-- {
		c, n := live[i], live[i+1]
		if c.baseline != "" || n.baseline == "" || !s.sameList(c, n) || !relative(c) || !relative(n) {
			continue
		}
		c.baseline = n.baseline
	}
	// Pair "A and B" with two listed figures of one baseline.
	for i := 0; i < len(live); {
		j := i + 1
		for j < len(live) && live[j].baseline == live[i].baseline && live[i].baseline != "" && s.sameList(live[j-1], live[j]) {
			j++
		}
		if n := j - i; n > 1 {
			if items := splitList(live[i].baseline); len(items) == n {
				for k := i; k < j; k++ {
					live[k].baseline = items[k-i]
				}
			}
		}
		i = j
	}
}

// sameList reports figures a and b (a first) joined only by list words
// and the nouns of a's own statement, with no new clause between.
func (s *sentence) sameList(a, b *cand) bool {
	if b.ti-a.tj > 12 {
		return false
	}
	sep := false
	for k := a.tj; k < b.ti; k++ {
		switch w := s.toks[k].lw; w {
		case ";", ".", ":", "while", "whereas", "but", "which", "although", "than", "compared", "over", "versus", "vs", "against", "relative":
			return false
		case ",", "and", "/":
			sep = true
			// ", and reduces ...", ", cutting ...": a new verb starts a statement of its own.
			if k+1 < b.ti && s.toks[k+1].kind == tkWord && (hasPrefixAny(s.toks[k+1].lw, phraseVerbs) || strings.HasSuffix(s.toks[k+1].lw, "ing") || strings.HasSuffix(s.toks[k+1].lw, "es")) && !factorNouns[s.toks[k+1].lw] {
				return false
			}
		}
	}
	return sep
}

// splitList splits "A, B and C" into its items.
func splitList(bl string) []string {
	var out []string
	for _, part := range strings.Split(bl, ",") {
		for _, item := range strings.Split(part, " and ") {
			if item = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(item), "and ")); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

func relative(c *cand) bool { return c.unit.kind == ukFactor || c.unit.kind == ukPct }

// junkPhrase reports text made only of function words, pronouns and verbs
// ("that", "running", "latter").
func junkPhrase(p string) bool {
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if !nonSubject[w] && w != "latter" && w != "former" && !strings.HasSuffix(w, "ing") || w == "state-of-the-art" || w == "sota" {
			return false
		}
	}
	return true
}

// fromTo finds "from A to" right before figure c: the index of "from" and
// of "to", or -1.
func (s *sentence) fromTo(c *cand) (int, int) {
	toks := s.toks
	t := s.qualStart(c.ti) - 1
	if t < 2 || toks[t].lw != "to" {
		return -1, -1
	}
	for f := t - 2; f >= 0 && f >= t-6; f-- {
		if isClausePunct(toks[f].lw) {
			break
		}
		if toks[f].lw == "from" && f+1 < t && (toks[f+1].kind == tkNum || s.qualStart(f+2) == f+1 || f+2 < t && toks[f+2].kind == tkNum) {
			return f, t
		}
	}
	return -1, -1
}

// efficiencyGain reports "2.16x efficiency gain", "1.44 improvement in
// compute density and energy efficiency": work per resource, not time.
func (s *sentence) efficiencyGain(k, r int) bool {
	toks := s.toks
	for j := k; j < r && j < k+6; j++ {
		w := toks[j].lw
		if strings.HasPrefix(toks[j].w, "efficien") {
			return j == 0 || toks[j-1].lw != "scaling" && toks[j-1].lw != "parallel"
		}
		if w == "density" || w == "attainment" {
			return true
		}
		if hasPrefixAny(w, []string{"speed", "fast", "throughput", "latency", "accelerat"}) {
			return false
		}
	}
	return false
}

// peakBefore reports "a peak X of N": "peak" opening the noun phrase that
// the figure is "of".
func (s *sentence) peakBefore(ti int) bool {
	toks := s.toks
	k := s.qualStart(ti) - 1
	if k < 1 || toks[k].lw != "of" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if toks[j].lw == "peak" {
			return true
		}
		if toks[j].kind != tkWord || isFunctionWord(toks[j].lw) {
			break
		}
	}
	return false
}
