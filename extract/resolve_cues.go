package extract

import "strings"

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
