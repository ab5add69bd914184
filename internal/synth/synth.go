// Package synth makes realistic synthetic papers and claims for load and
// performance tests: the real corpus has 76 papers, Papers with Code had
// hundreds of thousands. Output is reproducible for a given seed.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/claimboard/claimboard/models"
)

// metricProfile says how often a metric occurs and how its values spread.
type metricProfile struct {
	slug   string
	unit   string
	weight int     // relative frequency, after the bundled corpus's mix
	median float64 // of the log-normal value distribution
	sigma  float64
	max    float64 // values are clamped here (percentages), 0 for none
	phrase string  // printf pattern for the evidence, %s is the value text
}

var profiles = []metricProfile{
	{"speedup", "x", 21, 3, 1.0, 0, "achieves a %sx speedup over the baseline"},
	{"improvement_pct", "%", 16, 25, 0.7, 99, "improves throughput by %s%%"},
	{"fps", "FPS", 7, 60, 1.0, 0, "renders at %s FPS"},
	{"reduction_factor", "x", 7, 4, 0.8, 0, "reduces memory by %sx"},
	{"capacity_factor", "x", 4, 8, 0.8, 0, "supports %sx larger batches"},
	{"aggregate_flops", "PFLOPS", 3, 10, 1.2, 0, "sustains %s petaflops"},
	{"tflops_per_gpu", "TFLOPS", 3, 60, 0.6, 0, "reaches %s TFLOPS per GPU"},
	{"peak_fraction", "%", 3, 45, 0.4, 99, "reaches %s%% of peak"},
	{"scaling_efficiency", "%", 2, 85, 0.1, 100, "with %s%% scaling efficiency"},
	{"token_throughput", "tokens/s", 3, 2000, 1.0, 0, "generates %s tokens/s"},
	{"sequence_length", "tokens", 2, 32000, 1.2, 0, "handles sequences of %s tokens"},
	{"model_size", "params", 3, 7e9, 1.5, 0, "trains models with %s parameters"},
	{"accuracy", "score", 3, 80, 0.15, 100, "reaches an accuracy of %s"},
	{"latency", "s", 2, 0.05, 1.2, 0, "answers within %s seconds"},
	{"duration", "s", 1, 3600, 1.2, 0, "finishes training in %s seconds"},
	{"memory", "GB", 1, 24, 0.8, 0, "using only %s GB of memory"},
	{"other", "", 1, 10, 1.0, 0, "improves the score to %s"},
}

var (
	subjects = []string{"attention", "graph neural network", "sparse training", "collective communication",
		"neural rendering", "Gaussian splatting", "mixture-of-experts", "pipeline parallelism", "KV cache",
		"quantization", "ray tracing", "stencil computation", "MPI datatypes", "diffusion sampling",
		"recommendation model", "sequence parallelism", "checkpointing", "kernel fusion", "compiler", "scheduler"}
	adjectives = []string{"Efficient", "Scalable", "Fast", "Memory-Efficient", "Adaptive", "Distributed",
		"Real-Time", "Hierarchical", "Lightweight", "Asynchronous", "Fused", "Elastic"}
	fillers = []string{
		"Existing approaches struggle to scale because of communication overheads and load imbalance.",
		"We identify the key bottlenecks through a detailed characterization on modern accelerators.",
		"Our design overlaps computation with communication and reuses intermediate results across steps.",
		"The method requires no changes to model code and integrates with popular frameworks.",
		"We evaluate on a range of workloads, including language models and vision transformers.",
		"A cost model guides the choice of partitioning at runtime.",
		"We further show that the approach composes with data, tensor and pipeline parallelism.",
		"Extensive experiments demonstrate consistent gains across model sizes and cluster scales.",
		"The implementation is open source and has been adopted in production systems.",
		"Ablation studies confirm the contribution of each component.",
	}
)

// Options control a synthetic data set.
type Options struct {
	Papers         int
	ClaimsPerPaper float64 // average; each paper gets floor or ceil of it
	Seed           uint64
	// Tasks are the task slugs papers are filed under, most common first:
	// a paper gets none (one in ten), one or two, the k-th task with weight
	// 1/k, as real corpora are dominated by a few tasks.
	Tasks []string
}

// Generator yields synthetic papers one at a time, so millions of them never
// sit in memory together.
type Generator struct {
	opts Options
	rng  *rand.Rand
	// taskRNG is separate so adding tasks left every other field of a
	// seed's data set as it was.
	taskRNG *rand.Rand
	taskCum []float64
	// keyRNG draws the comparability keys, likewise separate.
	keyRNG  *rand.Rand
	hw      []models.Hardware
	total   int
	n       int
	weights int
}

// New returns a generator over the given devices.
func New(opts Options, hardware []models.Hardware) *Generator {
	g := &Generator{opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), hw: hardware}
	for _, p := range profiles {
		g.weights += p.weight
	}
	g.taskRNG = rand.New(rand.NewPCG(opts.Seed^0x5851f42d4c957f2d, opts.Seed))
	g.keyRNG = rand.New(rand.NewPCG(opts.Seed^0x2545f4914f6cdd1d, opts.Seed+1))
	sum := 0.0
	for k := range opts.Tasks {
		sum += 1 / float64(k+1)
		g.taskCum = append(g.taskCum, sum)
	}
	return g
}

// Next returns the next paper, or false when all have been generated.
func (g *Generator) Next() (models.PaperInput, bool) {
	if g.n >= g.opts.Papers {
		return models.PaperInput{}, false
	}
	g.n++
	r := g.rng
	subject := subjects[r.IntN(len(subjects))]
	title := fmt.Sprintf("%s %s %s for %s (%d)", adjectives[r.IntN(len(adjectives))],
		strings.ToUpper(subject[:1])+subject[1:], []string{"Training", "Inference", "Serving", "Rendering"}[r.IntN(4)],
		[]string{"GPU Clusters", "Large Models", "Edge Devices", "Exascale Systems", "Commodity Hardware"}[r.IntN(5)], g.n)
	k := int(g.opts.ClaimsPerPaper)
	if r.Float64() < g.opts.ClaimsPerPaper-float64(k) {
		k++
	}
	var b strings.Builder
	b.WriteString(fmt.Sprintf("We present a new approach to %s. ", subject))
	for i := 0; i < 3; i++ {
		b.WriteString(fillers[r.IntN(len(fillers))])
		b.WriteByte(' ')
	}
	p := models.PaperInput{Title: title}
	for i := 0; i < k; i++ {
		prof := g.profile()
		v := g.value(prof)
		text := strconvValue(v)
		ev := "our system " + fmt.Sprintf(prof.phrase, text)
		c := models.ClaimInput{Metric: prof.slug, Value: v, Unit: prof.unit, RawText: text,
			Confidence: 0.5 + r.Float64()/2, ExtractorVersion: "synth"}
		if len(g.hw) > 0 && r.IntN(3) > 0 {
			h := g.hw[r.IntN(len(g.hw))]
			c.Hardware = &h
			c.HardwareCount = []int{1, 1, 8, 64, 512}[r.IntN(5)]
			ev += fmt.Sprintf(" on %d %s GPUs", c.HardwareCount, h.Name)
		}
		if r.IntN(2) == 0 {
			c.Qualifier = []string{"up_to", "at_least", "approx", "average"}[r.IntN(4)]
		}
		if prof.unit == "x" || prof.unit == "%" {
			c.Baseline = []string{"PyTorch", "DeepSpeed", "Megatron-LM", "the state of the art", "vanilla attention"}[r.IntN(5)]
			ev += " compared with " + c.Baseline
		}
		var words string
		c.Keys, words = keysFor(g.keyRNG, prof.slug)
		ev += words
		c.Subject = subject
		b.WriteString("In experiments, ")
		c.EvidenceStart = b.Len()
		b.WriteString(ev)
		c.EvidenceEnd = b.Len()
		c.Evidence = ev
		b.WriteString(". ")
		p.Claims = append(p.Claims, c)
	}
	for b.Len() < 900+r.IntN(900) {
		b.WriteString(fillers[r.IntN(len(fillers))])
		b.WriteByte(' ')
	}
	p.Abstract = strings.TrimSpace(b.String())
	pub := time.Date(2015+r.IntN(12), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	p.PublishedOn = &pub
	if r.IntN(5) < 2 {
		p.CodeURL = fmt.Sprintf("https://github.com/synth/project-%d", g.n)
	}
	p.Tasks = g.tasks()
	return p, true
}

// tasks picks a paper's tasks: none, one or two, skewed to the first.
func (g *Generator) tasks() []string {
	if len(g.taskCum) == 0 {
		return nil
	}
	r := g.taskRNG
	n := 1
	switch x := r.IntN(10); {
	case x == 0:
		return nil
	case x >= 8:
		n = 2
	}
	n = min(n, len(g.taskCum))
	var out []string
	total := g.taskCum[len(g.taskCum)-1]
	for len(out) < n {
		x := r.Float64() * total
		k := sort.SearchFloat64s(g.taskCum, x)
		if t := g.opts.Tasks[min(k, len(g.opts.Tasks)-1)]; !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func (g *Generator) profile() metricProfile {
	x := g.rng.IntN(g.weights)
	for _, p := range profiles {
		if x < p.weight {
			return p
		}
		x -= p.weight
	}
	return profiles[0]
}

// value draws from the metric's log-normal, rounded the way papers round.
func (g *Generator) value(p metricProfile) float64 {
	v := p.median * math.Exp(p.sigma*g.rng.NormFloat64())
	if p.max > 0 && v > p.max {
		v = p.max * (0.9 + 0.1*g.rng.Float64())
	}
	switch {
	case v >= 1000:
		return math.Round(v)
	case v >= 10:
		return math.Round(v*10) / 10
	default:
		return math.Round(v*100) / 100
	}
}

func strconvValue(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%g", v)
}
