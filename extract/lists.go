package extract

import "strings"

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
