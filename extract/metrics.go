package extract

// MetricDef is one entry of the metric vocabulary of the claim schema.
type MetricDef struct {
	Slug string
	Name string
	// Unit is the unit every claim of the metric is stored and scored in
	// (empty for "other", whose claims carry their own).
	Unit           string
	HigherIsBetter bool
	Description    string
	// Cues are word prefixes that name the quantity near a figure; the
	// factor rules use the cues of the three factor metrics to tell a
	// speedup from a reduction or a capacity gain.
	Cues []string
}

// Metrics is the vocabulary, in display order. It is the one definition:
// the seeded metrics table is tested against it, scoring converts to its
// units, and the rules read the factor cues from it. Adding a metric is a
// row here, a migration that seeds it, and table tests for its sentences.
var Metrics = []MetricDef{
	{Slug: "speedup", Name: "Speedup", Unit: "x", HigherIsBetter: true,
		Description: "How many times faster than a baseline.",
		Cues:        []string{"speedup", "speed-up", "speed", "speeds", "fast", "quick", "accelerat", "throughput", "performance", "tflops", "flops", "latency-bound", "iterations/s"}},
	{Slug: "reduction_factor", Name: "Reduction factor", Unit: "x", HigherIsBetter: true,
		Description: "How many times less of a cost: memory, communication, storage, time.",
		Cues:        []string{"reduc", "less", "smaller", "fewer", "lower", "compress", "decreas", "cut", "saving", "save", "shrink", "cheaper", "lighter", "shorten"}},
	{Slug: "capacity_factor", Name: "Capacity factor", Unit: "x", HigherIsBetter: true,
		Description: "How many times more capacity: larger batch, longer sequence, bigger model.",
		Cues:        []string{"larger", "longer", "bigger", "batch", "sequence", "context", "hidden", "capacity", "parameters", "wider", "deeper"}},
	{Slug: "fps", Name: "Frames per second", Unit: "FPS", HigherIsBetter: true,
		Description: "Frames rendered or processed per second.", Cues: []string{"fps", "frames"}},
	{Slug: "tflops_per_gpu", Name: "TFLOPS per device", Unit: "TFLOPS", HigherIsBetter: true,
		Description: "Compute throughput per device.", Cues: []string{"tflops", "per"}},
	{Slug: "aggregate_flops", Name: "Aggregate FLOPS", Unit: "PFLOPS", HigherIsBetter: true,
		Description: "Compute throughput of the whole system.", Cues: []string{"aggregate", "total", "sustain", "cluster", "system"}},
	{Slug: "peak_fraction", Name: "Fraction of peak", Unit: "%", HigherIsBetter: true,
		Description: "Fraction of theoretical peak reached.", Cues: []string{"peak", "utilization", "utilisation", "mfu", "hfu", "theoretical"}},
	{Slug: "scaling_efficiency", Name: "Scaling efficiency", Unit: "%", HigherIsBetter: true,
		Description: "Parallel (weak or strong) scaling efficiency.", Cues: []string{"efficiency", "scaling", "parallel"}},
	{Slug: "token_throughput", Name: "Token throughput", Unit: "tokens/s", HigherIsBetter: true,
		Description: "Tokens generated or processed per second.", Cues: []string{"tokens/s", "tok/s"}},
	{Slug: "improvement_pct", Name: "Improvement", Unit: "%", HigherIsBetter: true,
		Description: "Relative improvement in percent, stated as an amount of better.", Cues: []string{"improv", "higher", "better", "reduc", "faster"}},
	{Slug: "sequence_length", Name: "Sequence length", Unit: "tokens", HigherIsBetter: true,
		Description: "Longest sequence handled.", Cues: []string{"sequence", "context", "length", "window"}},
	{Slug: "model_size", Name: "Model size", Unit: "params", HigherIsBetter: true,
		Description: "Largest model trained or served.", Cues: []string{"parameters", "params", "model"}},
	{Slug: "accuracy", Name: "Accuracy / quality", Unit: "score", HigherIsBetter: true,
		Description: "An accuracy, F1, PSNR or other quality score as written.", Cues: accWords},
	{Slug: "latency", Name: "Latency", Unit: "s", HigherIsBetter: false,
		Description: "Time to do one thing.", Cues: []string{"latency", "per", "within", "respon", "ttft"}},
	{Slug: "duration", Name: "Duration", Unit: "s", HigherIsBetter: false,
		Description: "Time for a whole job.", Cues: []string{"train", "finish", "complet", "converge", "total", "compil"}},
	{Slug: "memory", Name: "Memory", Unit: "GB", HigherIsBetter: false,
		Description: "Memory used.", Cues: []string{"memory", "footprint", "vram", "ram", "storage"}},
	{Slug: "bandwidth", Name: "Bandwidth", Unit: "GB/s", HigherIsBetter: true,
		Description: "Bytes moved per second: memory, storage, network, parsing.", Cues: []string{"bandwidth", "gb/s", "gbps", "read", "write", "link"}},
	{Slug: "throughput", Name: "Throughput", Unit: "items/s", HigherIsBetter: true,
		Description: "Items other than tokens and frames processed per second; the claim's unit names the item.", Cues: []string{"per", "/s", "throughput"}},
	{Slug: "power", Name: "Power", Unit: "W", HigherIsBetter: false,
		Description: "Power drawn.", Cues: []string{"power", "consum", "draw", "watt"}},
	{Slug: "energy", Name: "Energy", Unit: "J", HigherIsBetter: false,
		Description: "Energy used per item or per job.", Cues: []string{"energy", "joule"}},
	{Slug: "other", Name: "Other", Unit: "", HigherIsBetter: true,
		Description: "A quantitative result that fits no other metric."},
}

var metricIndex = func() map[string]*MetricDef {
	m := make(map[string]*MetricDef, len(Metrics))
	for i := range Metrics {
		m[Metrics[i].Slug] = &Metrics[i]
	}
	return m
}()

// LookupMetric returns the vocabulary entry of slug.
func LookupMetric(slug string) (MetricDef, bool) {
	d, ok := metricIndex[slug]
	if !ok {
		return MetricDef{}, false
	}
	return *d, true
}

func metricCues(slug string) []string { return metricIndex[slug].Cues }
