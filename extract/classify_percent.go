package extract

import "strings"

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
	if p := c.prev; s.lostTimesListMember(c) {
		c.unit = p.unit
		c.metric, c.unitLabel = p.metric, "x"
		c.conf -= 0.15
		return
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
