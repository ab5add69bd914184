package extract

import (
	"regexp"
	"sort"
	"strings"
)

// datasetNames are benchmarks and datasets systems papers report on, each
// "Canonical|other spelling|...". A leading "=" marks names that are also
// words or other things' names ("C4" is a system too, "HPL" a library): they
// match case-sensitively and only where the sentence uses them as data.
var datasetNames = []string{
	// vision and 3D
	"ImageNet|ImageNet-1K|ImageNet-1k|ImageNet1K|ILSVRC", "ImageNet-21K|ImageNet-22K", "CIFAR-10|CIFAR10", "CIFAR-100|CIFAR100",
	"MNIST", "Fashion-MNIST", "COCO|MS-COCO|MSCOCO|MS COCO", "LVIS", "Cityscapes", "ADE20K", "Pascal VOC|PASCAL VOC",
	"CelebA-HQ", "=CelebA", "FFHQ", "LAION-5B|LAION-400M|LAION", "HAM10000", "Stanford Cars", "Kinetics-400", "Kinetics-600",
	"UCF-101|UCF101", "HMDB-51|HMDB51", "Something-Something V2|Something-Something", "VBench", "nuScenes|NuScenes",
	"Occ3D-nuScenes", "Waymo Open Dataset|Waymo", "KITTI", "Argoverse", "ScanNet", "=Replica", "Mip-NeRF 360|MipNeRF360|Mip-NeRF360",
	"Tanks and Temples|Tanks&Temples|Tanks & Temples", "Deep Blending", "NeRF Synthetic|NeRF-Synthetic|Synthetic-NeRF|Blender dataset",
	"LLFF", "=DTU", "ShapeNet", "Objaverse", "EuRoC", "TUM-VI|TUM VI", "TUM RGB-D", "N3DV|Neural 3D Video",
	// language and speech
	"LibriSpeech|Librispeech", "Common Voice", "AudioSet", "WikiText-2|Wikitext-2|WikiText2", "WikiText-103|Wikitext-103",
	"=C4", "=The Pile", "ShareGPT", "Alpaca|AlpacaEval", "MT-Bench|MT Bench", "SpecBench|Spec-Bench", "GSM8K|GSM8k",
	"HumanEval", "MBPP", "MMLU", "LongBench", "=RULER", "BIG-bench|BIG-Bench", "HellaSwag", "WinoGrande", "PIQA",
	"TriviaQA", "Natural Questions", "MS MARCO", "BEIR", "SQuAD", "GLUE", "SuperGLUE", "IMDb|IMDB", "Arena-Hard",
	"SWE-bench", "LMSYS-Chat-1M", "BurstGPT", "WMT14", "WMT16", "BookCorpus", "OpenWebText", "RedPajama", "SlimPajama", "FineWeb",
	// data systems, graphs, recommendation
	"TPC-H", "TPC-DS", "TPC-C", "YCSB", "Star Schema Benchmark", "=SSB", "Join Order Benchmark", "ClickBench",
	"SIFT1M", "SIFT1B", "SIFT10M", "DEEP1B|Deep1B", "DEEP10M", "GIST1M", "GloVe-100", "Criteo", "MovieLens",
	"ogbn-products", "ogbn-papers100M", "ogbn-arxiv", "=OGB", "Friendster", "LiveJournal", "Twitter-2010", "=SNAP",
	// HPC and compilers
	"MLPerf", "SPEC CPU2017|SPEC CPU 2017|SPEC CPU", "SPEChpc", "PARSEC", "Rodinia", "PolyBench", "HPL-MxP|HPL-AI",
	"=HPL", "HPCG", "Graph500", "SuiteSparse", "NAS Parallel Benchmarks", "=NPB", "TorchBench",
}

var (
	// datasetExact and datasetFolded map a spelling to its canonical name;
	// short all-capital names ("=SNAP", "DTU") and "="-marked ones must match
	// exactly, the rest in any case.
	datasetExact  = map[string]string{}
	datasetFolded = map[string]string{}
	datasetCue    = map[string]bool{} // the "=" names
	reDatasetCue  = regexp.MustCompile(`\b([A-Z][A-Za-z0-9]*(?:[-_.&][A-Za-z0-9]+)*)\s+(?:dataset|datasets|benchmark|benchmarks|suite|corpus)\b`)
)

func init() {
	for _, line := range datasetNames {
		exact := strings.HasPrefix(line, "=")
		parts := strings.Split(strings.TrimPrefix(line, "="), "|")
		for _, p := range parts {
			if exact || len(p) <= 5 && strings.ToUpper(p) == p {
				datasetExact[p] = parts[0]
				datasetCue[p] = exact
			} else {
				datasetFolded[strings.ToLower(p)] = parts[0]
			}
			datasetWords = max(datasetWords, len(strings.Fields(p)))
			datasetFirst[strings.ToLower(strings.Fields(p)[0])] = true
			datasetFirstByte[strings.ToLower(p)[0]] = true
		}
	}
}

// datasetWords is the most words a name in datasetNames has; datasetFirst
// holds the first word of each, lower-cased, to skip other words quickly.
var (
	datasetWords     int
	datasetFirst     = map[string]bool{}
	datasetFirstByte [256]bool // the first bytes of datasetFirst's words
)

// nameWords splits a sentence at spaces into words with their spans, with
// the punctuation around each word trimmed ("(ImageNet," -> "ImageNet").
// The words are appended to out[:0], a buffer the caller keeps.
func nameWords(sent string, out [][2]int) [][2]int {
	out = out[:0]
	for i := 0; i < len(sent); {
		for i < len(sent) && sent[i] == ' ' {
			i++
		}
		j := i
		for j < len(sent) && sent[j] != ' ' {
			j++
		}
		s, e := i, j
		for s < e && strings.IndexByte("([{\"'", sent[s]) >= 0 {
			s++
		}
		for e > s && strings.IndexByte(".,;:)]}\"'", sent[e-1]) >= 0 {
			e--
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
		i = j
	}
	return out
}

// lookupDataset finds a known name, trying a trailing year or version off
// too ("MSCOCO-2017" is COCO). lw is w in ASCII lower case.
func lookupDataset(w, lw string) (canon string, exact, ok bool) {
	for {
		if c, ok := datasetExact[w]; ok {
			return c, true, true
		}
		if c, ok := datasetFolded[lw]; ok {
			return c, false, true
		}
		k := strings.LastIndexByte(w, '-')
		if k <= 0 || k+1 >= len(w) || !isDigit(w[k+1]) {
			return "", false, false
		}
		w, lw = w[:k], lw[:k]
	}
}

// notDatasets are capitalised words that stand before "benchmark" without
// naming one: "This benchmark", "LLM benchmarks".
var notDatasets = map[string]bool{
	"This": true, "These": true, "That": true, "Our": true, "The": true, "A": true, "An": true, "Each": true,
	"Every": true, "Both": true, "All": true, "Several": true, "Many": true, "Standard": true, "Public": true,
	"Extensive": true, "Real": true, "Synthetic": true, "Existing": true, "New": true, "Popular": true, "Common": true,
	"Two": true, "Three": true, "Four": true, "Five": true, "Six": true, "Seven": true, "Eight": true, "Ten": true,
	"LLM": true, "LLMs": true, "GPU": true, "CPU": true, "DNN": true, "AI": true, "ML": true, "HPC": true, "NLP": true,
	"CV": true, "RL": true, "MoE": true, "API": true, "IO": true, "DL": true, "NN": true, "GNN": true, "CNN": true,
	"RNN": true, "FPGA": true, "ASIC": true, "SoC": true, "NPU": true, "TPU": true, "MLP": true, "QA": true, "KV": true,
	"SQL": true, "MPI": true, "On": true, "In": true, "For": true, "With": true, "Across": true,
}

var reDatasetsVarious = regexp.MustCompile(`(?i)\b(?:various|several|multiple|diverse|different|many|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:datasets|benchmarks)\b`)

var categoryWords = map[string]bool{
	"diverse": true, "various": true, "several": true, "multiple": true, "many": true, "different": true,
	"standard": true, "popular": true, "public": true, "common": true, "other": true, "existing": true,
	"typical": true, "representative": true, "real": true, "synthetic": true, "classic": true, "two": true,
	"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
}

// readDatasets finds named benchmarks and datasets in a sentence: known names
// first, then a capitalised name right before "dataset" or "benchmark".
func readDatasets(v sentView) []span {
	sent := v.raw
	var out []span
	taken := func(s, e int) bool {
		for _, d := range out {
			if s < d.e && d.s < e {
				return true
			}
		}
		return false
	}
	// Known names, longest first at each word: "Occ3D-nuScenes" before
	// "nuScenes", "Mip-NeRF 360" before "Mip-NeRF". A word is matched whole,
	// so "Python-Code-23k-ShareGPT" is not ShareGPT.
	ws := nameWords(sent, *v.words)
	*v.words = ws
	lower := v.low
	for i := 0; i < len(ws); i++ {
		if w := lower[ws[i][0]:ws[i][1]]; !datasetFirstByte[w[0]] && strings.IndexByte(w, '-') < 0 {
			continue // no name starts so: the lookups below would all miss
		}
		if w := lower[ws[i][0]:ws[i][1]]; !datasetFirst[w] && !datasetFirst[strings.TrimRight(w, "0123456789")] && !strings.Contains(w, "-") {
			continue
		}
		for n := min(datasetWords, len(ws)-i); n >= 1; n-- {
			s, e := ws[i][0], ws[i+n-1][1]
			canon, exact, ok := lookupDataset(sent[s:e], lower[s:e])
			if !ok || exact && datasetCue[sent[s:e]] && !datasetCued(sent, s, e, out) {
				continue // "C4" is also a system's name, "HPL" a library's
			}
			out = append(out, span{keyDataset, s, e, canon})
			i += n - 1
			break
		}
	}
	if !strings.Contains(sent, "dataset") && !strings.Contains(sent, "benchmark") && !strings.Contains(sent, "suite") && !strings.Contains(sent, "corpus") {
		return out
	}
	// "on various datasets": a figure over several, named or not.
	for _, m := range gated(v.has("datasets", "benchmarks"), reDatasetsVarious, sent) {
		out = append(out, span{keyDataset, m[0], m[1], ""})
	}
	for _, m := range reDatasetCue.FindAllStringSubmatchIndex(sent, -1) {
		s, e := m[2], m[3]
		name := sent[s:e]
		if notDatasets[name] || len(name) < 2 || len(name) > 60 || taken(s, e) || s > 0 && isAlnum(sent[s-1]) {
			continue
		}
		if !distinctive(name) || categoryWords[first(wordsBefore(sent, s, 1))] {
			continue // "on diverse FVV benchmarks" names a kind, not a benchmark
		}
		val := name
		if p := first(wordsBefore(sent, s, 1)); p == "and" || p == "or" || strings.HasSuffix(strings.TrimRight(sent[:s], " "), ",") {
			val = "" // the last of a list, "X and Y datasets": not one dataset
		}
		out = append(out, span{keyDataset, s, e, val})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// distinctive names look like names, not sentence-initial words: a digit or
// a capital after the first letter ("SpecBench", "HAM10000", "TPC-H"), not
// "Real-world" or "CPU-based".
func distinctive(name string) bool {
	if k := strings.IndexByte(name, '-'); k >= 0 && k+1 < len(name) && !(name[k+1] >= 'A' && name[k+1] <= 'Z' || isDigit(name[k+1])) {
		return false
	}
	for i := 1; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' || isDigit(c) {
			return true
		}
	}
	return false
}

// datasetCued reports a short name used as a dataset: "on C4", "Wikitext-2
// and C4", "the HPL benchmark", "in FP64 HPL"; not "C4 can" or "allows C4 to"
// for a system of that name.
func datasetCued(sent string, s, e int, before []span) bool {
	switch first(wordsAfter(sent, e, 1)) {
	case "dataset", "datasets", "benchmark", "benchmarks", "corpus", "traces", "trace", "perplexity", "suite":
		return true
	}
	if n := len(before); n > 0 && reListSep.MatchString(sent[before[n-1].e:s]) {
		return true
	}
	switch p := first(wordsBefore(sent, s, 1)); {
	case p == "on" || p == "using" || p == "across":
		return true
	case rePrecTok.MatchString(p):
		return true
	}
	return false
}
