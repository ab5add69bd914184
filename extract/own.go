package extract

import "strings"

// Who speaks: a figure is the paper's own when the sentence says "we" or
// "our", or when the subject of its statement is the system the paper
// builds. Abstracts often name the system instead of saying "we"
// ("ZipLLM requires only 14 GB"), so cue words of prior work must not
// drop such figures.

// scope returns the token range of the statement that holds the figure:
// a ";" or ":" ends one statement, and "while", "whereas" or "but" start a
// contrasting one. A sentence-initial "While A, B" contrasts up to its comma.
func (s *sentence) scope(c *cand) (int, int) {
	toks := s.toks
	lo, pending := 0, false
	for k := 0; k < c.ti; k++ {
		switch w := toks[k].lw; {
		case w == ";" || w == ":":
			lo, pending = k+1, false
		case isContrastWord(w) && !s.participial(k):
			if k == lo || k == lo+1 && (toks[lo].lw == "however" || toks[lo].lw == ",") {
				pending = true // "While A, B": A ends at the comma
			} else {
				lo, pending = k+1, false
			}
		case w == "," && pending:
			lo, pending = k+1, false
		}
	}
	hi := c.tj
	for ; hi < len(toks); hi++ {
		w := toks[hi].lw
		if w == ";" || w == ":" || isContrastWord(w) && !s.participial(hi) || w == "," && pending {
			break
		}
	}
	return lo, hi
}

// participial reports "while keeping ...", "while using ...": the same
// subject goes on, so the statement (and any "must" or "if") goes on too.
func (s *sentence) participial(k int) bool {
	return k+1 < len(s.toks) && s.toks[k].lw == "while" && strings.HasSuffix(s.toks[k+1].lw, "ing")
}

func isContrastWord(w string) bool {
	return w == "while" || w == "whereas" || w == "but" || w == "although" || w == "unlike"
}

// systemSubject reports a statement whose subject is the paper's system: a
// clause of [lo,ti) opens with a name the paper introduced ("We present
// FooServe") or with a coined CamelCase or acronym name ("HydraServe",
// "vLLM", "ZeRO"), after openers such as "However," or "Unlike X,".
func (s *sentence) systemSubject(lo, ti int) bool {
	toks := s.toks
	start := true
	for k := lo; k < ti; k++ {
		t := toks[k]
		if t.lw == "," || t.lw == "that" && k > lo {
			// "Experiments show that FooServe reaches ...": the clause after
			// "that" has a subject of its own.
			start = true
			continue
		}
		if !start {
			continue
		}
		if openerWords[t.lw] {
			continue
		}
		start = false
		// Once the abstract has named its system, other coined names are
		// somebody else's ("We present X. vLLM typically wastes 60%...").
		if t.kind == tkWord && !t.masked && (s.sys[t.lw] || len(s.sys) == 0 && coinedName(t.w)) {
			return true
		}
	}
	return false
}

var openerWords = map[string]bool{"however": true, "moreover": true, "furthermore": true, "additionally": true,
	"finally": true, "overall": true, "notably": true, "still": true, "thus": true, "hence": true, "also": true,
	"then": true, "further": true, "specifically": true, "importantly": true, "consequently": true, "therefore": true}

// genericAcronyms are capitalised words of the field, not system names.
var genericAcronyms = map[string]bool{"gpu": true, "cpu": true, "tpu": true, "npu": true, "llm": true, "dnn": true,
	"cnn": true, "rnn": true, "ai": true, "ml": true, "dl": true, "rl": true, "hpc": true, "nlp": true, "moe": true,
	"api": true, "fpga": true, "asic": true, "sota": true, "hbm": true, "dram": true, "ssd": true, "kv": true,
	"io": true, "i/o": true, "mpi": true, "cuda": true, "gnn": true, "vlm": true, "mllm": true, "nerf": true,
	"nvidia": true, "amd": true, "intel": true, "ram": true, "vram": true, "os": true, "sgd": true, "pde": true,
	"cfd": true, "fft": true, "blas": true, "gemm": true, "spmv": true, "soc": true, "iot": true, "ar": true, "vr": true}

// coinedName reports a made-up system name: an inner capital
// ("HydraServe", "vLLM", "ZeRO") or an acronym of three or more letters
// that is not a generic term of the field ("GPUs", "LLM").
func coinedName(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) < 3 {
		return false
	}
	lw := asciiLower(w)
	if genericAcronyms[lw] || strings.HasSuffix(lw, "s") && genericAcronyms[lw[:len(lw)-1]] {
		return false
	}
	upper, lower, inner := 0, 0, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
			if i > 0 {
				inner = true
			}
		case c >= 'a' && c <= 'z':
			lower++
		case c >= '0' && c <= '9':
			// "LLaMA-65B", "GPT-3": versioned model names are mostly
			// somebody else's; the paper's own must be introduced.
			return false
		case c == '-':
		default:
			return false
		}
	}
	if upper >= 2 && lower == 0 {
		return true // an acronym
	}
	if w[len(w)-1] == 's' && upper >= 2 && lower == 1 {
		return false // a plural acronym: "DNNs"
	}
	return inner && lower > 0
}

// introVerbs introduce the paper's system: "we present FooServe".
var introVerbs = map[string]bool{"propose": true, "present": true, "introduce": true, "develop": true, "design": true,
	"build": true, "describe": true, "implement": true, "release": true, "proposes": true, "presents": true,
	"introduces": true, "develops": true, "designed": true, "built": true, "called": true, "named": true, "dubbed": true,
	"termed": true}

// systemNames collects the names an abstract gives its own system.
func systemNames(sents []*sentence) map[string]bool {
	var names map[string]bool
	for _, s := range sents {
		toks := s.toks
		for k := 0; k+1 < len(toks); k++ {
			if !introVerbs[toks[k].lw] {
				continue
			}
			switch toks[k].lw {
			case "called", "named", "dubbed", "termed":
			default:
				// "we present X", "this paper proposes X", "we further introduce X".
				ok := false
				for j := k - 1; j >= 0 && j >= k-3; j-- {
					if toks[j].lw == "we" || toks[j].lw == "paper" || toks[j].lw == "work" {
						ok = true
					}
				}
				if !ok {
					continue
				}
			}
			n := toks[k+1]
			if n.kind == tkWord && !n.masked && isCapitalised(n.w) {
				if names == nil {
					names = map[string]bool{}
				}
				names[n.lw] = true
			}
		}
	}
	return names
}

// favourable reports a figure compared favourably with something: a
// speedup, a reduction or a gain. Sentences that open with "However" and
// report one are the paper's answer to the problem, not the problem.
func (s *sentence) favourable(c *cand, lo, hi int) bool {
	if c.unit.kind != ukFactor && c.unit.kind != ukPct && c.unit.kind != ukOOM {
		return false
	}
	for k := lo; k < hi; k++ {
		w := s.toks[k].lw
		if hasPrefixAny(w, []string{"speedup", "speed-up", "faster", "outperform", "surpass", "improv", "accelerat", "higher", "better", "fewer", "less", "lower", "reduc", "boost", "cheaper", "smaller"}) {
			return true
		}
	}
	return false
}

// priorCue reports a word at k that marks prior work or the status quo.
// "requires" does so only for a resource bill ("requires 800 V100 GPUs",
// "required to fit"); "X requires only 14 GB" is a result.
func (s *sentence) priorCue(k int) bool {
	w := s.toks[k].lw
	if !priorMarkers[w] {
		return false
	}
	if w != "requires" && w != "require" && w != "required" {
		return true
	}
	toks := s.toks
	if k+1 < len(toks) && (toks[k+1].lw == "only" || toks[k+1].lw == "just") {
		return false
	}
	for _, m := range s.hw {
		if m.ti > k && m.ti <= k+4 && (m.count > 0 || m.entry != nil) {
			return true
		}
	}
	for j := k + 1; j < len(toks) && j <= k+10; j++ {
		if toks[j].lw == "fit" && toks[j-1].lw == "to" {
			return true
		}
	}
	return false
}
