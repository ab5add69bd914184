package extract

import (
	"math"
	"strings"
)

// The extractor is a pipeline of small rule passes rather than one big
// pattern, so each rule can be tested on its own and explained:
//
//  1. normalize repairs scrape damage ("13.7times", "$\times$", "sim") into
//     one spelling and keeps a byte map back to the original, because
//     evidence must be an exact substring of what the paper wrote;
//  2. sentences are tokenized and device names masked (findHardware), so
//     digits of "RTX 3090" or "MI250X" never become figures;
//  3. findCandidates reads each number with its range, multiplier and unit;
//  4. resolve drops what is not the paper's own result (background,
//     hypotheticals, baseline figures, setup numbers), picks the metric from
//     nearby cue words, then fills qualifier, baseline, hardware and subject.
//
// Rules are phrased in general terms (cue-word classes, clause boundaries)
// and each has table tests with sentences written for them, including hard
// negatives; nothing refers to a particular paper.

// Extract returns every quantitative claim in abstract, in order of appearance.
// It never panics; each claim's Evidence is abstract[Start:End].
func Extract(abstract string) []Claim {
	if strings.TrimSpace(abstract) == "" {
		return nil
	}
	n := normalize(abstract)
	doc := &document{n: n, orig: abstract}
	spans := sentenceSpans(n.s)
	lower := asciiLower(n.s)
	// One token buffer for the whole abstract; each sentence takes a slice.
	buf := make([]token, 0, len(n.s)/5+16)
	doc.sents = make([]*sentence, 0, len(spans))
	hpc := &hpcFlag{lower: lower}
	for _, sp := range spans {
		var ns *sentence
		ns, buf = newSentence(n.s, lower, sp[0], sp[1], hpc, buf)
		doc.sents = append(doc.sents, ns)
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
	// Likewise, when an abstract names a single device at all, that device is
	// where its experiments ran ("On a single H200 GPU, X trains ... It also
	// achieves 1.84x ..."). With two or more devices nothing is carried: a
	// claim's device is then a matter of its own sentence.
	var devices []*hwEntry
	for _, s := range doc.sents {
		for _, m := range s.hw {
			if m.entry != nil && m.entry.Family != "Supercomputer" && !containsEntry(devices, m.entry) {
				devices = append(devices, m.entry)
			}
		}
	}
	names := systemNames(doc.sents)
	var out []Claim
	prevBaseline := ""
	var task abstractTask
	for _, s := range doc.sents {
		s.sys = names
		cands := s.findCandidates()
		s.resolve(cands)
		anaphoric := s.continuesPrevious()
		lastBaseline := ""
		for _, c := range cands {
			if c.drop {
				continue
			}
			if c.baseline == "" && anaphoric && prevBaseline != "" {
				// "... compared to X. This yields 917x in ...": the comparison carries over.
				c.baseline = prevBaseline
				c.conf -= 0.05
			}
			if c.baseline != "" {
				lastBaseline = c.baseline
			}
			if c.hw == nil && len(systems) == 1 && !s.hasDeviceMention() && c.metric != "accuracy" && c.metric != "other" {
				c.hw = systems[0]
				c.conf -= 0.05
			}
			if c.hw == nil && len(systems) == 0 && len(devices) == 1 && !s.hasDeviceMention() && deviceBound[c.metric] {
				c.hw = devices[0]
				c.conf -= 0.05
			}
			if c.numWord {
				c.conf -= 0.05 // spelled numbers are read with less certainty
			}
			if fillerSubject(c.subject) {
				if t := task.name(abstract); t != "" {
					c.subject = t
				}
			}
			out = append(out, s.toClaim(doc, c))
		}
		prevBaseline = lastBaseline
	}
	readSettings(abstract, out)
	return out
}

// deviceBound metrics are rates and times, which depend on the device they
// were measured on; sizes, ratios of compression and quality scores do not,
// so a device named elsewhere in the abstract says nothing about them.
var deviceBound = map[string]bool{
	"speedup": true, "latency": true, "duration": true, "fps": true, "throughput": true, "token_throughput": true,
	"tflops_per_gpu": true, "bandwidth": true, "energy": true, "power": true,
}

// continuesPrevious reports a sentence that opens by referring back to the
// previous one's result: "This yields ...", "It translates into ...".
func (s *sentence) continuesPrevious() bool {
	t := s.toks
	if len(t) < 2 {
		return false
	}
	switch t[0].lw {
	case "this", "these", "it", "which", "that":
	default:
		return false
	}
	for k := 1; k < len(t) && k <= 3; k++ {
		switch t[k].lw {
		case "yields", "yield", "results", "leads", "translates", "corresponds", "amounts", "means", "gives", "enables":
			return true
		}
	}
	return false
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
	// sys holds the lower-cased names the abstract gives its own system.
	sys map[string]bool
	// hpcDoc tells whether the abstract speaks of supercomputers (hpcAbstract).
	hpcDoc *hpcFlag
}

// newSentence tokenizes s[a:b] into the free part of buf and returns the
// sentence with what is left of buf for the next one.
func newSentence(text, lower string, a, b int, hpc *hpcFlag, buf []token) (*sentence, []token) {
	s := &sentence{text: text, a: a, b: b, lower: lower[a:b], hpcDoc: hpc}
	t := tokenize(text, lower, a, b, buf[:0])
	s.toks = t[:len(t):len(t)]
	s.findHardware()
	return s, t[len(t):]
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
		e, n := matchHardware(toks, i, s.lower, s.hpcDoc)
		fused := 0
		if e == nil {
			// "8xH100", "4×A100": the count is fused to the device name.
			if c, rest := countPrefix(toks[i].lw); c > 0 {
				save := toks[i]
				toks[i].lw = rest
				e, n = matchHardware(toks, i, s.lower, s.hpcDoc)
				toks[i] = save
				if e != nil {
					fused = c
				}
			}
		}
		if e == nil {
			// "single-GPU", "an 8-GPU server": the count is fused to the noun.
			if c := fusedCount(toks[i]); c > 0 {
				s.hw = append(s.hw, hwMention{ti: i, tj: i + 1, count: c})
				continue
			}
			if toks[i].kind == tkWord && isDeviceCountNoun(toks[i].lw) && !(i+1 < len(toks) && deviceModifies(toks[i+1].lw)) {
				if cnt, from := countBefore(toks, i, false); cnt > 0 {
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
		m := hwMention{ti: from, tj: j, entry: e, count: fused}
		if fused > 0 {
			// the count is already read
		} else if cnt, f := countBefore(toks, from, e.Family == "Supercomputer" || e.Family == "DGX"); cnt > 0 {
			m.count, m.ti = cnt, f
			for k := f; k < from; k++ {
				toks[k].masked = true
			}
			// "8,000 nodes of Titan": the nodes were the machine's, not a count of their own.
			for len(s.hw) > 0 && s.hw[len(s.hw)-1].entry == nil && s.hw[len(s.hw)-1].ti >= f {
				s.hw = s.hw[:len(s.hw)-1]
			}
		}
		s.hw = append(s.hw, m)
		i = j - 1
	}
}

func isDeviceCountNoun(w string) bool {
	switch w {
	case "gpus", "gpu", "gpgpus", "gpgpu", "gcds", "gcd", "tpus", "tpu", "accelerators", "accelerator", "devices", "device", "npus", "ipus", "nodes", "fpgas", "fpga":
		return true
	}
	return false
}

// countBefore reads a device count right before token i, skipping adjectives
// that often sit between count and device ("64 NVIDIA", "a single"). For
// systems counted in nodes ("9,408 nodes of Frontier", "4 DGX-2 nodes") the
// node count is the count.
func countBefore(toks []token, i int, nodes bool) (int, int) {
	j := i - 1
	steps := 3
	if nodes {
		steps = 5 // "8,000 nodes of the Titan supercomputer"
	}
	for k := 0; k < steps && j >= 0; k++ {
		t := toks[j]
		switch {
		case t.kind == tkNum && isMemorySize(t.w):
			// "a single 48GB GPU": the size is not the count.
			j--
			continue
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
			if i < len(toks) && isDeviceCountNoun(toks[i].lw) {
				// "on a GPU" names a kind of device, not how many.
				return 0, 0
			}
			return 1, j
		case numberWords[t.lw] >= 2 && numberWords[t.lw] <= 100 && t.lw != "hundred":
			return int(numberWords[t.lw]), j
		case vendorWords[t.lw] || t.lw == "nvidia" || t.lw == "amd" || t.lw == "x" || t.lw == "total" || t.lw == "of" || archWords[t.lw] ||
			nodes && (t.lw == "nodes" || t.lw == "node" || t.lw == "the" && j > 0 && toks[j-1].lw == "of"):
			j--
			continue
		default:
			return 0, 0
		}
	}
	return 0, 0
}

// archWords name a device generation written between count and model: "a
// single NVIDIA Ampere A100".
var archWords = map[string]bool{"ampere": true, "hopper": true, "volta": true, "turing": true, "pascal": true,
	"blackwell": true, "kepler": true, "maxwell": true, "lovelace": true, "cdna2": true, "cdna3": true}

func isMemorySize(w string) bool {
	_, rest, _, ok := parseLeadingNumber(w)
	if !ok || rest == "" {
		return false
	}
	d, ok := lookupUnit(rest)
	return ok && d.kind == ukGB
}

// deviceModifies reports a noun that makes "GPU" an adjective: "a GPU
// cluster" or "a single GPU kernel" does not count devices.
func deviceModifies(w string) bool {
	switch w {
	case "cluster", "clusters", "server", "servers", "node", "nodes", "memory", "kernel", "kernels", "hours", "hour",
		"time", "implementation", "version", "utilization", "cores", "core", "code", "programming", "baseline", "days":
		return true
	}
	return false
}

func fusedCount(t token) int {
	var head, noun string
	k := strings.LastIndexByte(t.lw, '-')
	if k <= 0 {
		return 0
	}
	head, noun = t.lw[:k], t.lw[k+1:]
	if !isDeviceCountNoun(noun) && noun != "node" {
		return 0
	}
	switch head {
	case "single":
		return 1
	case "dual":
		return 2
	case "quad":
		return 4
	}
	if v, ok := numberWords[head]; ok && v >= 1 && v == math.Trunc(v) && head != "a" && head != "an" && head != "half" {
		return int(v)
	}
	v, rest, _, ok := parseLeadingNumber(head)
	if !ok || rest != "" || v < 1 || v > 1e7 || v != math.Trunc(v) {
		return 0
	}
	return int(v)
}

// countPrefix splits "8xh100" into 8 and "h100"; anything else gives 0.
func countPrefix(w string) (int, string) {
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k == 0 || k > 5 {
		return 0, ""
	}
	rest := w[k:]
	switch {
	case strings.HasPrefix(rest, "x"):
		rest = rest[1:]
	case strings.HasPrefix(rest, "×"):
		rest = rest[len("×"):]
	default:
		return 0, ""
	}
	if rest == "" || rest[0] < 'a' || rest[0] > 'z' {
		return 0, ""
	}
	v := 0
	for _, d := range w[:k] {
		v = v*10 + int(d-'0')
	}
	return v, rest
}
