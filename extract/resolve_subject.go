package extract

import "strings"

// subjects names what each figure measures. With "respectively" the
// figures map onto the listed nouns in order; otherwise the nouns next to
// the figure are used.
func (s *sentence) subjects(cands []*cand) {
	toks := s.toks
	resp := -1
	for k, t := range toks {
		if t.lw == "respectively" {
			resp = k
		}
	}
	var live []*cand
	for _, c := range cands {
		if !c.drop {
			live = append(live, c)
		}
	}
	if resp < 0 {
		resp = s.gainsListEnd(live)
	}
	if resp > 0 && len(live) > 1 {
		// Figures before "respectively" and the item list after the last figure.
		// Figures in parentheses ("(on average 8.69x and 11.60x)") form a
		// second list over the same nouns.
		var outer, inner []*cand
		for _, c := range live {
			if c.tj <= resp {
				if s.inParens(c.ti) {
					inner = append(inner, c)
				} else {
					outer = append(outer, c)
				}
			}
		}
		// Only the list right before "respectively" pairs with its nouns;
		// earlier figures of the sentence stand alone.
		var group []*cand
		if len(outer) > 0 {
			start := len(outer) - 1
			for start > 0 && s.listContinues(outer[start-1], outer[start]) {
				start--
			}
			group = outer[start:]
			var in []*cand
			for _, c := range inner {
				if c.ti > group[0].tj {
					in = append(in, c)
				}
			}
			inner = in
		}
		if len(group) > 1 {
			last := group[len(group)-1]
			var items []string
			cur := []string{}
			flush := func() {
				if len(cur) > 0 {
					items = append(items, strings.Join(cur, " "))
					cur = cur[:0]
				}
			}
			k0 := last.tj
			if k0+1 < resp && gainHeads[toks[k0].lw] && (toks[k0+1].lw == "in" || toks[k0+1].lw == "of") {
				k0 += 2 // "2x and 3x improvements in A and B": the items follow "in"
			}
			for k := k0; k < resp; k++ {
				w := toks[k].w
				lw := toks[k].lw
				if lw == "(" {
					for k < resp && toks[k].lw != ")" {
						k++
					}
					continue
				}
				if lw == ")" {
					continue
				}
				if lw == "and" || lw == "," || lw == "or" {
					flush()
					continue
				}
				if lw == "when" || lw == "for" || lw == "on" || lw == "with" || lw == "in" {
					break
				}
				if toks[k].kind == tkNum {
					continue
				}
				cur = append(cur, w)
			}
			flush()
			if len(items) == 0 {
				items = s.listBefore(group[0].ti)
			}
			if len(items) == len(group) {
				// A shared leading modifier ("maximum batch size and sequence length").
				first := strings.Fields(items[0])
				if len(first) > 1 && isSharedModifier(strings.ToLower(first[0])) {
					for i := 1; i < len(items); i++ {
						items[i] = first[0] + " " + items[i]
					}
				}
				for i, c := range group {
					c.subject = items[i]
				}
				if len(inner) == len(group) {
					for i, c := range inner {
						c.subject = items[i]
					}
				}
			}
		}
	}
	for _, c := range live {
		if c.subject == "" {
			c.subject = s.subjectOf(c)
		}
		if c.subject == "" && c.prev != nil && !c.prev.drop && c.prev.subject != "" && (s.parenContinues(c.prev, c) || s.listContinues(c.prev, c)) {
			c.subject = c.prev.subject
		}
		if c.subject == "" {
			c.subject = cleanPhrase(strings.Fields(s.nearbyNouns(c)))
		}
		if c.subject == "" {
			c.subject = metricNoun(c.metric)
		}
		c.subject = spellAbbreviation(c.subject)
	}
	// "an mAP of 69.1% on VOC (12% higher than X)": a relative figure in
	// parentheses after an absolute one measures the same thing.
	for _, c := range live {
		if !comparative(c) || !s.inParens(c.ti) {
			continue
		}
		open := c.ti - 1
		for open >= 0 && toks[open].lw != "(" {
			open--
		}
		var anchor *cand
		for _, o := range live {
			if o.tj <= open {
				anchor = o
			}
		}
		if anchor != nil && !comparative(anchor) && anchor.subject != "" && open-anchor.tj <= 6 {
			c.subject = anchor.subject
		}
	}
}

// gainHeads name a list of figures by what they improve: "2.7x and 3.1x
// improvements in speed and energy".
var gainHeads = map[string]bool{"improvements": true, "improvement": true, "gains": true, "reductions": true, "savings": true}

// gainsListEnd finds "N and M improvements in A and B" with no
// "respectively": the figures pair with the nouns in order all the same when
// the noun list has as many items as there are figures. It returns the end
// of the noun list, or -1.
func (s *sentence) gainsListEnd(live []*cand) int {
	toks := s.toks
	for i := 1; i < len(live); i++ {
		a, b := live[i-1], live[i]
		if !s.listContinues(a, b) || b.tj+1 >= len(toks) || !gainHeads[toks[b.tj].lw] ||
			toks[b.tj+1].lw != "in" && toks[b.tj+1].lw != "of" {
			continue
		}
		n := 2
		for j := i - 1; j > 0 && s.listContinues(live[j-1], live[j]); j-- {
			n++
		}
		items, k := 1, b.tj+2
		for ; k < len(toks); k++ {
			w := toks[k].lw
			if isClausePunct(w) && w != "," || subjectStop[w] && w != "and" || toks[k].kind == tkNum {
				break
			}
			if w == "and" || w == "," {
				items++
			}
		}
		if items == n {
			return k
		}
	}
	return -1
}

func isSharedModifier(w string) bool {
	switch w {
	case "maximum", "max", "peak", "average", "total", "overall", "end-to-end", "training", "inference":
		return true
	}
	return false
}

var subjectStop = map[string]bool{"on": true, "with": true, "compared": true, "over": true, "than": true, "for": true,
	"when": true, "at": true, "using": true, "while": true, "and": true, "in": true, "of": true, "to": true, "by": true,
	"vs": true, "versus": true, "against": true, "relative": true, "from": true, "which": true, "respectively": true,
	"comparing": true, "across": true, "under": true, "without": true, "during": true, "despite": true, "via": true}

var subjectSkip = map[string]bool{"the": true, "a": true, "an": true, "up": true, "to": true, "of": true, "by": true,
	"our": true, "its": true, "their": true, "achieves": true, "achieve": true, "achieving": true, "achieved": true,
	"over": true, "about": true, "around": true, "roughly": true, "nearly": true, "more": true, "than": true, "is": true,
	"are": true, "max": true, "maximum": true, "on": true, "average": true, "with": true, "speeds": true, "reduces": true,
	"gives": true, "shows": true, "yields": true, "demonstrates": true, "at": true, "that": true, "can": true}

// nearbyNouns is a best-effort subject: up to four words after the unit,
// or before the number when nothing follows.
func (s *sentence) nearbyNouns(c *cand) string {
	toks := s.toks
	var words []string
	for k := c.tj; k < len(toks) && len(words) < 4; k++ {
		t := toks[k]
		if len(words) == 0 && (t.lw == "geomean" || t.lw == "mean" || t.lw == "average" || t.lw == "absolute" || t.lw == "higher" || t.lw == "lower" || t.lw == "less" || t.lw == "more") {
			if t.lw == "higher" || t.lw == "lower" || t.lw == "less" || t.lw == "more" {
				words = append(words, t.w)
			}
			continue
		}
		if isClausePunct(t.lw) || subjectStop[t.lw] || t.kind == tkNum || t.masked {
			break
		}
		words = append(words, t.w)
	}
	if len(words) > 0 && !(len(words) == 1 && (words[0] == "higher" || words[0] == "lower" || words[0] == "less" || words[0] == "more")) {
		return strings.Join(words, " ")
	}
	if c.prev != nil && !c.prev.drop && c.prev.subject != "" && s.parenContinues(c.prev, c) {
		return c.prev.subject
	}
	var back []string
	for k := c.ti - 1; k >= 0 && len(back) < 3; k-- {
		t := toks[k]
		if isClausePunct(t.lw) || t.kind == tkNum || t.masked || t.lw == "and" || t.lw == "or" {
			break
		}
		if subjectSkip[t.lw] {
			if len(back) > 0 {
				break
			}
			continue
		}
		back = append([]string{t.w}, back...)
	}
	return strings.Join(back, " ")
}

// comparative reports a figure that compares against a baseline.
func comparative(c *cand) bool {
	switch c.metric {
	case "speedup", "reduction_factor", "improvement_pct", "capacity_factor":
		return true
	}
	return false
}
