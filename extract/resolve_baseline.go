package extract

import "strings"

// baselineCueAt recognises the words that introduce what a figure is
// compared against and returns how many tokens they span.
func (s *sentence) baselineCueAt(k int) int {
	toks := s.toks
	w := toks[k].lw
	nx := ""
	if k+1 < len(toks) {
		nx = toks[k+1].lw
	}
	switch w {
	case "compared", "comparing", "relative", "comparable":
		if nx == "to" || nx == "with" || nx == "against" {
			return 2
		}
		if w == "comparing" {
			// "comparing A100 GPUs to EPYC CPUs": the own side comes first, the
			// baseline after "to".
			for j := k + 2; j < len(toks) && j <= k+6; j++ {
				if isClausePunct(toks[j].lw) || toks[j].kind == tkNum {
					break
				}
				if toks[j].lw == "to" || toks[j].lw == "with" || toks[j].lw == "against" {
					return j - k + 1
				}
			}
		}
	case "than", "versus", "vs", "vs.", "against", "outperforms", "outperforming", "surpasses", "surpassing", "beats", "beating":
		return 1
	case "over":
		// "over 114K tokens" is a qualifier, "over cuBLAS" a baseline.
		if nx != "" && toks[k+1].kind != tkNum && nx != "the" || nx == "the" && k+2 < len(toks) && toks[k+2].kind != tkNum {
			if s.overSpan(k) {
				return 0
			}
			return 1
		}
	case "unlike":
		return 1
	case "from":
		// "a 38x speedup from the K computer", "speed up from CPU only": what
		// the speedup was measured from. "from 24 to 61 FPS" is a range.
		if k > 0 && nx != "" && toks[k+1].kind != tkNum && isSpeedupWord(toks, k-1) && !(k+2 < len(toks) && toks[k+2].kind == tkNum) {
			return 1
		}
	case "in":
		if nx == "comparison" && k+2 < len(toks) && (toks[k+2].lw == "to" || toks[k+2].lw == "with") {
			return 3
		}
	}
	return 0
}

var baselineStop = map[string]bool{"while": true, "whereas": true, "which": true, "when": true, "with": true, "on": true,
	"in": true, "at": true, "for": true, "from": true, "using": true, "depending": true, "under": true, "across": true,
	"without": true, "as": true, "achieved": true, "thanks": true, "due": true, "by": true, "up": true, "and": true,
	"to": true, "that": true, "where": true, "through": true, "via": true, "respectively": true, "is": true, "are": true}

// baselinePhrase reads the compared-against phrase starting at token k and
// returns it with its token range. "compared to 2.32~6.71x achieved by
// DistriFusion" names DistriFusion, not the figure.
func (s *sentence) baselinePhrase(k int, cands []*cand) (string, int, int) {
	toks := s.toks
	for k < len(toks) && (toks[k].lw == "the" || toks[k].lw == "a" || toks[k].lw == "an") {
		k++
	}
	if k+1 < len(toks) && (toks[k].lw == "running" || toks[k].lw == "executing" || toks[k].lw == "computing") &&
		(toks[k+1].lw == "on" || toks[k+1].lw == "with" || toks[k+1].lw == "in") {
		// "compared to running on the CPU only": the baseline is what it ran on.
		k += 2
		for k < len(toks) && (toks[k].lw == "the" || toks[k].lw == "a" || toks[k].lw == "an") {
			k++
		}
	}
	if k+1 < len(toks) && toks[k].kind == tkNum && (toks[k+1].lw == "baseline" || toks[k+1].lw == "baselines") {
		// "compared to the 32K baseline": the figure names the baseline.
		return s.text[toks[k].s:toks[k+1].e], k, k + 2
	}
	if k < len(toks) && toks[k].kind == tkNum && isFigureToken(toks[k].w) {
		// A figure first ("compared to 30TF using PyTorch alone"): the baseline
		// is whoever produced it.
	scan:
		for j := k; j < len(toks) && j < k+6; j++ {
			switch toks[j].lw {
			case "by", "of", "using", "with", "from", "for":
				return s.baselinePhrase(j+1, cands)
			case ",", ";", ".", "(", ")":
				break scan
			}
		}
		return "", 0, 0
	}
	start := k
	end := k
	for end < len(toks) && end < start+8 {
		t := toks[end]
		if isClausePunct(t.lw) {
			break
		}
		if t.masked && end > start && !(vendorWords[toks[end-1].lw] || toks[end-1].masked) {
			break
		}
		if (t.lw == "such" && end+1 < len(toks) && toks[end+1].lw == "as" || t.lw == "like") && end+2 < len(toks) {
			// "popular frameworks such as PyTorch": the named system is the baseline.
			skip := 1
			if t.lw == "such" {
				skip = 2
			}
			return s.baselinePhrase(end+skip, cands)
		}
		if t.lw == "by" && end > start && strings.HasSuffix(toks[end-1].lw, "ed") && end+1 < len(toks) && toks[end+1].kind == tkWord {
			if isCapitalised(toks[start].w) && toks[start].kind == tkWord {
				// "GPT-3 175B served by FasterTransformer": a named model and its runtime.
				end++
				continue
			}
			// "the baseline method proposed by instant-ngp": the agent is the baseline.
			return s.baselinePhrase(end+1, cands)
		}
		if baselineStop[t.lw] && end > start {
			if t.lw == "and" && end+1 < len(toks) && isCapitalised(toks[end+1].w) && toks[end+1].kind == tkWord && !toks[end+1].masked {
				end++
				continue
			}
			break
		}
		if startsCand(cands, end) || (t.lw == "of" || t.lw == "at") && end+1 < len(toks) && toks[end+1].kind == tkNum && isFigureToken(toks[end+1].w) {
			// "the previous best of 180": the figure is the baseline's, not its name.
			break
		}
		end++
	}
	if end == start {
		return "", 0, 0
	}
	return s.text[toks[start].s:toks[end-1].e], start, end
}

func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func startsCand(cands []*cand, k int) bool {
	for _, c := range cands {
		if c.ti == k && !c.drop {
			return true
		}
	}
	return false
}

// baselineFor looks forward from the figure to the end of its clause (lists
// share a trailing "compared to X"), then back to a sentence-initial
// "Compared with X," or an "X outperforms Y ... and accelerates ..." frame.
func (s *sentence) baselineFor(c *cand, cands []*cand) (string, int, int) {
	toks := s.toks
	k := c.tj
	// From inside parentheses, continue after them.
	depth := 0
	for j := c.ti - 1; j >= 0; j-- {
		if toks[j].lw == ")" {
			depth--
		} else if toks[j].lw == "(" {
			depth++
		}
	}
	if depth > 0 {
		// "(>3x and >2x smaller than A and B, respectively)": a comparison
		// inside the parentheses is the figure's own.
		for k < len(toks) && toks[k].lw != ")" {
			if n := s.baselineCueAt(k); n > 0 {
				if bl, i, j := s.baselinePhrase(k+n, cands); bl != "" {
					return bl, i, j
				}
			}
			k++
		}
		k++
	}
	if c.unit.kind == ukPct && k+2 < len(toks) && toks[k].lw == "of" {
		if bl, i, e := s.shareOf(k+1, cands); bl != "" {
			return bl, i, e
		}
	}
	if c.unit.kind == ukFactor && k < len(toks) && toks[k].lw == "the" && toks[k-1].kind == tkNum {
		// "2.3x the training throughput of Megatron": a multiple of the
		// baseline's own figure.
		for j := k + 2; j < len(toks) && j <= k+5; j++ {
			if isClausePunct(toks[j].lw) || toks[j].kind == tkNum {
				break
			}
			if toks[j].lw == "of" {
				if bl, i, e := s.baselinePhrase(j+1, cands); bl != "" {
					return bl, i, e
				}
				break
			}
		}
	}
	for k < len(toks) {
		w := toks[k].lw
		if w == "(" {
			for k < len(toks) && toks[k].lw != ")" {
				k++
			}
			k++
			continue
		}
		if w == ";" || w == "." || w == "whereas" || w == "but" || w == "which" {
			break
		}
		if w == "," {
			if k+1 < len(toks) && s.baselineCueAt(k+1) > 0 && toks[k+1].lw != "over" {
				k++
				continue
			}
			break
		}
		if n := s.baselineCueAt(k); n > 0 {
			if bl, i, j := s.baselinePhrase(k+n, cands); bl != "" {
				return bl, i, j
			}
			break
		}
		k++
	}
	// Backward: the frame must open the sentence's figures ("Compared with X,
	// A and B"); a cue after an earlier figure belongs to that figure.
	for k := c.ti - 1; k >= 0; k-- {
		n := s.baselineCueAt(k)
		if n == 0 {
			continue
		}
		for _, o := range cands {
			if o != c && o.tj <= k && !o.drop {
				return "", 0, 0
			}
		}
		w := toks[k].lw
		// "Comparative analysis against X, ..., demonstrates that ...".
		framed := (w == "against" || w == "versus" || w == "vs") && k > 0 && (strings.HasPrefix(toks[k-1].lw, "compar") ||
			k > 1 && strings.HasPrefix(toks[k-2].lw, "compar") || toks[k-1].lw == "benchmarked" || toks[k-1].lw == "evaluated")
		if w == "unlike" && c.unit.kind != ukFactor && c.unit.kind != ukPct {
			// "Unlike X, ours renders at 90 FPS": no comparison is measured.
			return "", 0, 0
		}
		// "The speedup from CPU only is 20x", "improves X over the baseline
		// by 44%": the compared-against phrase comes before the figure.
		byOver := w == "over" && s.byBefore(c) && s.sameClauseSpan(k, c.ti)
		if framed || byOver || w == "from" || w == "unlike" || w == "compared" || w == "relative" || w == "in" || w == "comparing" || strings.HasPrefix(w, "outperform") || strings.HasPrefix(w, "surpass") || w == "beats" || w == "beating" {
			if bl, i, j := s.baselinePhrase(k+n, cands); bl != "" {
				return bl, i, j
			}
		}
		return "", 0, 0
	}
	return "", 0, 0
}

// overSpan reports "over" opening a span or a set rather than a baseline:
// "over time", "over all benchmarks", "over a wide range of inputs", "over
// the course of training". A determiner and a noun followed by "of" is a
// span; "over the state of the art" and "over a single GPU" are baselines.
func (s *sentence) overSpan(k int) bool {
	toks := s.toks
	at := func(j int) string {
		if j < len(toks) {
			return toks[j].lw
		}
		return ""
	}
	switch at(k + 1) {
	case "time", "all", "multiple", "different", "various", "several", "many", "each", "every", "both", "hundreds", "thousands", "millions":
		return true
	case "a", "an", "the":
		switch at(k + 2) {
		case "past", "last", "next", "years", "decade", "decades", "lifetime", "duration":
			return true // "over the past decade"
		}
		for j := k + 2; j <= k+4 && j < len(toks); j++ {
			if at(j) == "state" {
				return false
			}
			if at(j) == "of" {
				return j > k+2
			}
			if isClausePunct(at(j)) || toks[j].kind == tkNum {
				return false
			}
		}
	}
	return false
}

// isSpeedupWord reports "speedup", "speed-up" or "speed up" ending at token k.
func isSpeedupWord(toks []token, k int) bool {
	switch toks[k].lw {
	case "speedup", "speedups", "speed-up", "speed-ups":
		return true
	case "up":
		return k > 0 && toks[k-1].lw == "speed"
	}
	return false
}

// byBefore reports "by" right before the figure or its qualifier ("by up to 44%").
func (s *sentence) byBefore(c *cand) bool {
	q := s.qualStart(c.ti)
	return q > 0 && s.toks[q-1].lw == "by"
}

// sameClauseSpan reports that no clause punctuation lies between tokens a and b.
func (s *sentence) sameClauseSpan(a, b int) bool {
	for k := a; k < b; k++ {
		if w := s.toks[k].lw; w == "," || w == ";" || w == ":" || w == "." {
			return false
		}
	}
	return true
}

// shareNouns name what a percentage can be a share of another system's:
// "90% of the performance of X".
var shareNouns = map[string]bool{"performance": true, "throughput": true, "speed": true, "accuracy": true,
	"quality": true, "bandwidth": true, "efficiency": true}

// shareOf reads "the performance of X" or "that (required|achieved) by X"
// at token k, after "N% of": the figure is a share of X's own.
func (s *sentence) shareOf(k int, cands []*cand) (string, int, int) {
	toks := s.toks
	if toks[k].lw == "the" && k+2 < len(toks) && shareNouns[toks[k+1].lw] && toks[k+2].lw == "of" {
		return s.baselinePhrase(k+3, cands)
	}
	if (toks[k].lw == "that" || toks[k].lw == "those") && k+2 < len(toks) && strings.HasSuffix(toks[k+1].lw, "ed") && toks[k+2].lw == "by" {
		return s.baselinePhrase(k+3, cands)
	}
	return "", 0, 0
}
