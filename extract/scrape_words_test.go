package extract

import "testing"

// Words and decimals a PDF's text layer damaged. Sentences are written for
// these tests; each repair has hard negatives that must read as written.
var scrapeWordCases = []struct {
	name string
	in   string
	want []w
}{
	{"decimal colon before seconds", "A query finishes in 0:35 seconds on the laptop.",
		[]w{{"latency", 0.35, 0, "s", "", "", 0, ""}}},
	{"decimal colon before a size", "Our model needs only 2:5 GB of memory.",
		[]w{{"memory", 2.5, 0, "GB", "", "", 0, ""}}},
	{"ratio colon stays a ratio", "We use 2:4 structured sparsity throughout.", nil},
	{"clock time stays a time", "The job started at 10:30:15 seconds past launch.", nil},
	{"lost fi ligature", "The solver keeps 85% weak scaling ef ciency on 512 nodes.",
		[]w{{"scaling_efficiency", 85, 0, "%", "", "", 512, ""}}},
	{"lost fl ligature", "Our runtime speeds up of oading by up to 3x.",
		[]w{{"speedup", 3, 0, "x", "up_to", "", 0, ""}}},
	{"glued by", "The switch accelerates inferenceby up to 2.5 on the cluster.",
		[]w{{"speedup", 2.5, 0, "x", "up_to", "", 0, ""}}},
	{"words ending in by stay", "It is thereby 2x faster than the nearby cache.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, "nearby cache"}}},
	{"if compared is a comparison", "The design is 4x faster if compared with the CPU baseline.",
		[]w{{"speedup", 4, 0, "x", "", "", 0, "CPU baseline"}}},
	{"if stays hypothetical", "If the model had 70B parameters, it would need 140 GB.", nil},
}

func TestScrapeWordRules(t *testing.T) { runRuleCases(t, scrapeWordCases) }

func TestScrapeWordRepairsKeepEvidence(t *testing.T) {
	for _, in := range []string{"ef ciency of 90%", "trainingby 3x", "in 0:44 seconds", "of oad by 2x"} {
		for _, c := range Extract(in) {
			if in[c.Start:c.End] != c.Evidence {
				t.Errorf("%q: evidence %q is not the original at %d:%d", in, c.Evidence, c.Start, c.End)
			}
		}
	}
}
