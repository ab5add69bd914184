package extract

import "strings"

// fillerSubject reports a subject that only restates the metric ("speedup",
// "faster", "a 2x improvement"): it names no workload.
func fillerSubject(p string) bool {
	switch strings.ToLower(p) {
	case "speedup", "speedups", "speed-up", "speed-ups", "acceleration", "faster", "improvement", "improvements",
		"performance improvement", "performance improvements", "reduction", "increase", "factor", "time speedup",
		"performance speedup", "compression", "gains", "gain", "evaluation", "evaluations", "experiments", "approach", "":
		return true
	}
	return false
}

// abstractTask is the one task of the vocabulary an abstract is about, read
// once and only when a claim needs it: "Sirius achieves a 7x speedup" says
// what sped up only through the paper's task. An abstract of no task or of
// several gives none.
type abstractTask struct {
	done bool
	task string
}

func (t *abstractTask) name(abstract string) string {
	if !t.done {
		t.done = true
		if ts := AssignTasks("", abstract); len(ts) == 1 {
			d, _ := LookupTask(ts[0])
			t.task = d.Name
		}
	}
	return t.task
}

// metricAbbreviations are the systems metrics abstracts name only by their
// initials; a subject of the initials alone is spelled out.
var metricAbbreviations = map[string]string{
	"ttft": "time to first token", "tpot": "time per output token", "tbt": "time between tokens",
	"itl": "inter-token latency", "jct": "job completion time", "fct": "flow completion time",
	"qps": "queries per second", "mfu": "model FLOPs utilization", "hfu": "hardware FLOPs utilization",
	"slo": "service-level objective", "rtf": "real-time factor", "iops": "I/O operations per second",
}

// spellAbbreviation turns "TTFT" into "time to first token (TTFT)"; other
// subjects are returned as they are.
func spellAbbreviation(p string) string {
	if len(p) > 5 || strings.Contains(p, " ") {
		return p
	}
	if long, ok := metricAbbreviations[strings.ToLower(p)]; ok {
		return long + " (" + p + ")"
	}
	return p
}
