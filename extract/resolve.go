package extract

import "strings"

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
			if c.drop || s.ownStatement(c) || s.inParens(c.ti) && relative(c) {
				// "(~12% higher than X)" qualifies the figure before it.
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
			c.levelBaseline = true
		}
		c.baseline = bl
		if bl != "" && s.figureBeforeBaseline(bi) {
			// "20 minutes, compared to 12 hours for NeRF": levels compared.
			c.levelBaseline = true
		}
		s.hardwareFor(c, cands, bi, bj)
		if c.baseline != "" {
			c.conf += 0.05
		}
		if own {
			c.conf += 0.1
		}
	}
	s.shareBaselines(cands)
	for _, c := range cands {
		if !c.drop && absoluteMetric[c.metric] && !c.levelBaseline {
			// "80 ms per frame, 3x faster than X": a level reached is
			// compared with nothing; the sentence's baseline is the factor's.
			// Levels compared with levels ("from X to Y", "compared to 12
			// hours for NeRF") keep theirs.
			c.baseline = ""
		}
	}
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
		if hypoMarkers[w] && !(w == "if" && (k > 0 && toks[k-1].lw == "even" || k+1 < len(toks) && (toks[k+1].lw == "any" || toks[k+1].lw == "compared"))) &&
			!(strings.HasPrefix(w, "requirement") && k > 0 && resourceNouns[toks[k-1].lw]) {
			// "memory requirements" is a measured quantity, not a target.
			// "even if" concedes, "if any" hedges and "if compared with" compares;
			// none makes the figure hypothetical.
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

// absoluteMetric figures are levels reached (a latency, a size, a rate),
// not ratios; only "from X to Y" gives them a baseline, the starting point.
var absoluteMetric = map[string]bool{"sequence_length": true, "model_size": true, "latency": true, "duration": true,
	"fps": true, "throughput": true, "token_throughput": true, "bandwidth": true, "power": true,
	"tflops_per_gpu": true, "peak_fraction": true, "scaling_efficiency": true}

// figureBeforeBaseline reports a figure between the comparison cue and the
// baseline phrase starting at token bi: "compared to 12 hours for NeRF".
func (s *sentence) figureBeforeBaseline(bi int) bool {
	for k := bi - 1; k >= 0 && k >= bi-6; k-- {
		if s.toks[k].kind == tkNum {
			return true
		}
		if s.baselineCueAt(k) > 0 {
			return false
		}
	}
	return false
}
