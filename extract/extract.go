package extract

import (
	"math"
	"strings"
)

// Extract returns every quantitative claim in abstract, in order of appearance.
// It never panics; each claim's Evidence is abstract[Start:End].
func Extract(abstract string) []Claim {
	if strings.TrimSpace(abstract) == "" {
		return nil
	}
	n := normalize(abstract)
	doc := &document{n: n, orig: abstract}
	spans := sentenceSpans(n.s)
	doc.sents = make([]*sentence, 0, len(spans))
	for _, sp := range spans {
		doc.sents = append(doc.sents, newSentence(n.s, sp[0], sp[1]))
	}
	// A named supercomputer is the platform of the whole paper: claims in
	// sentences that name no device inherit it ("we observe 1.71x ..." after
	// "... on Frontier").
	var systems []*hwEntry
	for _, s := range doc.sents {
		for _, m := range s.hw {
			if m.entry != nil && m.entry.Family == "Supercomputer" && !containsEntry(systems, m.entry) {
				systems = append(systems, m.entry)
			}
		}
	}
	var out []Claim
	for _, s := range doc.sents {
		cands := s.findCandidates()
		s.resolve(cands)
		for _, c := range cands {
			if c.drop {
				continue
			}
			if c.hw == nil && len(systems) == 1 && !s.hasDeviceMention() {
				c.hw = systems[0]
				c.conf -= 0.05
			}
			out = append(out, s.toClaim(doc, c))
		}
	}
	return out
}

func containsEntry(list []*hwEntry, e *hwEntry) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

type document struct {
	orig  string
	n     *normText
	sents []*sentence
}

// hwMention is a device named in a sentence, or a bare device count
// ("3072 GPUs"), with the count that precedes it.
type hwMention struct {
	ti, tj int // tokens of the mention, including the count
	entry  *hwEntry
	count  int
	list   []int // "32 and 64 GPUs"
}

type sentence struct {
	text  string // the whole normalised abstract
	a, b  int
	lower string // lower-cased sentence
	toks  []token
	hw    []hwMention
}

func newSentence(text string, a, b int) *sentence {
	s := &sentence{text: text, a: a, b: b, lower: strings.ToLower(text[a:b])}
	s.toks = tokenize(text, a, b, make([]token, 0, (b-a)/5+4))
	s.findHardware()
	return s
}

func (s *sentence) hasDeviceMention() bool {
	for _, m := range s.hw {
		if m.entry != nil {
			return true
		}
	}
	return false
}

// findHardware masks gazetteer names and records device counts. Counts come
// from the words before the name: "64 NVIDIA P100 GPUs", "a single RTX 3090",
// "two T4 GPUs", "8x A100"; a range ("4~8 GPUs") states no single count.
func (s *sentence) findHardware() {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		e, n := matchHardware(toks, i, s.lower)
		if e == nil {
			if toks[i].kind == tkWord && isDeviceCountNoun(toks[i].lw) {
				if cnt, from := countBefore(toks, i); cnt > 0 {
					m := hwMention{ti: from, tj: i + 1, count: cnt}
					// "on 32 and 64 GPUs": one count per figure, paired by "respectively".
					for k := from - 1; k >= 1 && (toks[k].lw == "and" || toks[k].lw == ",") && toks[k-1].kind == tkNum; k -= 2 {
						v, rest, _, ok := parseLeadingNumber(toks[k-1].w)
						if !ok || rest != "" || v != math.Trunc(v) || v < 1 || v > 1e7 {
							break
						}
						m.list = append([]int{int(v)}, m.list...)
						m.ti = k - 1
					}
					if len(m.list) > 0 {
						m.list = append(m.list, cnt)
					}
					s.hw = append(s.hw, m)
				}
			}
			continue
		}
		for k := i; k < i+n; k++ {
			toks[k].masked = true
		}
		j := i + n
		if j < len(toks) && deviceNouns[toks[j].lw] {
			j++
		}
		from := i
		for from > 0 && vendorWords[toks[from-1].lw] {
			from--
		}
		m := hwMention{ti: from, tj: j, entry: e}
		if cnt, f := countBefore(toks, from); cnt > 0 {
			m.count, m.ti = cnt, f
			for k := f; k < from; k++ {
				toks[k].masked = true
			}
		}
		s.hw = append(s.hw, m)
		i = j - 1
	}
}

func isDeviceCountNoun(w string) bool {
	switch w {
	case "gpus", "gpu", "gcds", "gcd", "tpus", "tpu", "accelerators", "accelerator", "devices", "device", "npus", "ipus":
		return true
	}
	return false
}

// countBefore reads a device count right before token i, skipping adjectives
// that often sit between count and device ("64 NVIDIA", "a single").
func countBefore(toks []token, i int) (int, int) {
	j := i - 1
	for k := 0; k < 3 && j >= 0; k++ {
		t := toks[j]
		switch {
		case t.kind == tkNum:
			v, rest, _, ok := parseLeadingNumber(t.w)
			if !ok || v < 1 || v > 1e7 || v != math.Trunc(v) {
				return 0, 0
			}
			switch strings.ToLower(rest) {
			case "", "x", "×":
				if j > 0 && (toks[j-1].lw == "~" || toks[j-1].lw == "-" || strings.HasSuffix(toks[j-1].lw, "~") ||
					toks[j-1].lw == "to" && j > 1 && toks[j-2].kind == tkNum) {
					return 0, 0 // "4~ 8 GPUs": a range, not one count
				}
				return int(v), j
			}
			return 0, 0
		case t.lw == "single" || t.lw == "one":
			return 1, j
		case t.lw == "a" || t.lw == "an":
			if i < len(toks) && strings.HasSuffix(toks[i].lw, "s") && isDeviceCountNoun(toks[i].lw) {
				return 0, 0
			}
			return 1, j
		case numberWords[t.lw] >= 2 && numberWords[t.lw] <= 100 && t.lw != "hundred":
			return int(numberWords[t.lw]), j
		case vendorWords[t.lw] || t.lw == "nvidia" || t.lw == "amd" || t.lw == "x" || t.lw == "total" || t.lw == "of":
			j--
			continue
		default:
			return 0, 0
		}
	}
	return 0, 0
}
