package extract

import "testing"

// Text as it really arrives: scrape damage around numbers. Sentences are
// written for these tests; each kind has hard negatives that must stay
// unread or read as written.
var scrapeCases = []struct {
	name string
	in   string
	want []w
}{
	// Math rendered two or three times: shown, LaTeX source, shown again.
	{"math twice", "Our planner yields a 2.4×2.4\\times speedup over the greedy scheduler.",
		[]w{{"speedup", 2.4, 0, "x", "", "", 0, "greedy scheduler"}}},
	{"math three times", "The cache gives up to 3.75×3.75\\times3.75 × higher throughput than Redis.",
		[]w{{"speedup", 3.75, 0, "x", "up_to", "", 0, "Redis"}}},
	{"math three times with texttimes", "It runs 1.8××1.8\\texttimes\\times1.8 × × faster on the small graphs.",
		[]w{{"speedup", 1.8, 0, "x", "", "", 0, ""}}},
	{"math list", "Compilation is 6×6\\times and 2.5×2.5\\times faster for the two suites, respectively.",
		[]w{{"speedup", 6, 0, "x", "", "", 0, ""}, {"speedup", 2.5, 0, "x", "", "", 0, ""}}},
	{"spoken sim", "The tuner gains 4%similar-to\\sim9% accuracy and 1.5similar-to\\sim3×\\times× throughput over the default.",
		[]w{{"improvement_pct", 4, 9, "%", "", "", 0, "default"}, {"speedup", 1.5, 3, "x", "", "", 0, "default"}}},
	{"spoken percent", "Pruning cuts the index size by about 40 %percent\\% with no recall loss.",
		[]w{{"improvement_pct", 40, 0, "%", "approx", "", 0, ""}}},
	{"number scraped four times", "Our layout improves the hit rate by 12.512.512.512.5% on the trace.",
		[]w{{"improvement_pct", 12.5, 0, "%", "", "", 0, ""}}},
	{"integer scraped three times", "The engine outperforms SQLite by up to 454545% on joins.",
		[]w{{"improvement_pct", 45, 0, "%", "up_to", "", 0, "SQLite"}}},
	{"spaced thousands separator", "The checker can run 250, 000 collision queries per second.",
		[]w{{"throughput", 250000, 0, "collision queries/s", "", "", 0, ""}}},
	{"spaced list is not a number", "We try batch sizes of 128, 256 and 512 with 2x faster steps.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, ""}}},
	// Hard negatives: real numbers that only look repeated or doubled.
	{"not a repeat: 1010", "The kernel reaches 1010 GB/s of memory bandwidth.",
		[]w{{"bandwidth", 1010, 0, "GB/s", "", "", 0, ""}}},
	{"not a repeat: year", "Since 2020 the cluster has doubled in size.", nil},
	{"two different numbers stay", "It is 2×\\times faster, and 3×\\times smaller than the dense model.",
		[]w{{"speedup", 2, 0, "x", "", "", 0, "*"}, {"reduction_factor", 3, 0, "x", "", "", 0, "dense model"}}},

	// A times sign lost in the scrape.
	{"lost sign before comparative", "Our runtime achieves up to 2.7 higher throughput than Ray.",
		[]w{{"speedup", 2.7, 0, "x", "up_to", "", 0, "Ray"}}},
	{"lost sign range", "The new kernels can be 3-5 faster than the vendor library.",
		[]w{{"speedup", 3, 5, "x", "", "", 0, "vendor library"}}},
	{"lost sign decimal before plural", "The loader gives 1.7 faster epochs compared to PyTorch.",
		[]w{{"speedup", 1.7, 0, "x", "", "", 0, "PyTorch"}}},
	{"lost sign after speedup of", "We obtain a speedup of up to 4.2 on the largest mesh.",
		[]w{{"speedup", 4.2, 0, "x", "up_to", "", 0, ""}}},
	{"lost sign after improvement in X of", "The scheduler brings an improvement in goodput of up to 2 under bursty load.",
		[]w{{"speedup", 2, 0, "x", "up_to", "", 0, ""}}},
	{"lost sign after speed verb", "Prefetching speeds up inference by up to 3.3 on edge boards.",
		[]w{{"speedup", 3.3, 0, "x", "up_to", "", 0, ""}}},
	{"lost sign noun between", "The cascade offers 5.1 throughput improvement over frame sampling.",
		[]w{{"speedup", 5.1, 0, "x", "", "", 0, "frame sampling"}}},
	{"lost sign in parentheses after a factor", "Kernels are 2.2x faster on average (median 1.9) than cuSPARSE.",
		[]w{{"speedup", 2.2, 0, "x", "average", "", 0, "*"}, {"speedup", 1.9, 0, "x", "average", "", 0, "*"}}},
	{"repeated sign with lost digits", "The transport beats TCP by up to 7777X on incast.",
		[]w{{"speedup", 7, 0, "x", "up_to", "", 0, "TCP"}}},
	{"lost sign after verb past parentheses", "Our system outperforms the best runtimes (Orca and Sarathi) by 1.3-1.6 on 512 traces and 1.2-2.4 on production logs.",
		[]w{{"speedup", 1.3, 1.6, "x", "", "", 0, "*"}, {"speedup", 1.2, 2.4, "x", "", "", 0, "*"}}},
	{"lost sign before a rate", "It reaches 2.15 the decode throughput of vLLM.",
		[]w{{"speedup", 2.15, 0, "x", "", "", 0, "*"}}},
	{"integer before the rate is no factor", "It reaches 3 the hard way.", nil},
	{"reduction written negative", "It reduces the tracking error by up to -41.5% on the benchmark.",
		[]w{{"improvement_pct", 41.5, 0, "%", "up_to", "", 0, ""}}},
	// Hard negatives: counts before comparatives, numbers that are not factors.
	{"count before comparative plural", "We release 3 smaller models and 2 larger variants.", nil},
	{"count without link", "Table 3 higher rows show the ablation.", nil},
	{"by N after reduce stays unread", "Sharding reduces the checkpoint time by 40 on average.", nil},
	{"speedup of N people", "The speedup of 12 applications is reported in the appendix.", nil},
}

func TestScrapeRules(t *testing.T) { runRuleCases(t, scrapeCases) }
