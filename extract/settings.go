package extract

import (
	"regexp"
	"sort"
	"strings"
)

// Settings are a claim's comparability keys: the conditions under which its
// number was measured, so that a leaderboard can put like beside like. Each
// is read from the claim's own clause first, then its sentence, and for the
// settings that describe the whole paper (precision, model size, dataset)
// from the abstract when it states exactly one. A zero field is "not
// stated". The device count is the claim's HardwareCount, which the
// extractor already reads per clause with the device it counts.
type Settings struct {
	Precision  string  // one of Precisions
	BatchSize  int     // samples per batch
	Resolution string  // canonical "1920x1080", or one of NamedResolutions
	SeqLen     int     // sequence or context length in tokens
	ModelSize  float64 // parameters in billions: 7 for "7B", 0.35 for "350M"
	Dataset    string  // the one benchmark or dataset named, canonical spelling
}

// Precisions is the numeric-precision vocabulary, widest first.
var Precisions = []string{"fp32", "tf32", "fp16", "bf16", "fp8", "int8", "int4", "fp4"}

// NamedResolutions are the resolutions kept by name rather than as WxH.
var NamedResolutions = []string{"480p", "720p", "1080p", "1440p", "2K", "4K", "8K"}

// settingKey names one of Settings' fields.
type settingKey int

const (
	keyPrecision settingKey = iota
	keyBatch
	keyResolution
	keySeqLen
	keyModelSize
	keyDataset
	numKeys
)

// paperWide keys describe the whole paper when its abstract states one value:
// "we quantize a 7B model to INT4 ... evaluated on TPC-H" sets every claim's
// model, precision and dataset. A batch size or resolution stated once
// belongs to its sentence.
var paperWide = [numKeys]bool{keyPrecision: true, keyModelSize: true, keyDataset: true}

// ownKey is the setting a metric measures: a model-size claim has no model
// size setting, its figure is the size.
var ownKey = map[string]settingKey{"model_size": keyModelSize, "sequence_length": keySeqLen}

// figureIsSetting marks the metrics whose figures also state a setting of
// their neighbours: the extractor reads "scaling to 32B models with 2.16x"
// as a model-size claim too. A sequence-length figure is a result ("500K on
// one GPU, 3.7M on a node"), not the length the next claim ran at.
var figureIsSetting = map[string]bool{"model_size": true}

// mention is one statement of a setting in the abstract. An empty val is a
// statement outside the vocabulary ("FP64", "mixed precision", "batch sizes
// 1-64"): it tells that the clause has a setting we cannot name, so nothing
// is carried in from farther away.
type mention struct {
	key  settingKey
	s, e int // byte offsets in the abstract
	val  string
	// example is a value given as an instance ("LLMs such as LLaMA-3-70B"),
	// which says nothing about the paper as a whole.
	example bool
	// sent and clause locate the mention; list numbers the mentions written
	// as one list ("on SIFT1B and DEEP1B"), 0 for none.
	sent, clause, list int
}

// fig is where a claim's figure is: its bytes, sentence and clause.
type fig struct{ s, e, sent, clause int }

// settingsDoc is an abstract cut into sentences and clauses, with every
// setting it states and where each claim's figure is.
type settingsDoc struct {
	a      string
	sents  [][2]int
	figs   []fig
	ms     []mention
	bySent map[int][]int   // sentence -> indexes of its mentions in ms
	owned  map[[2]int]bool // (sentence, clause) pairs that hold a figure
	listed map[int]bool    // lists whose members differ
	// byStart orders figs by start, for inFigure; maxFig is the longest.
	byStart []int
	maxFig  int
	// peers caches parallelPeers per sentence and metric.
	peers map[peerKey][]int
}

type peerKey struct {
	sent   int
	metric string
}

// readSettings fills each claim's Settings from the abstract it was read from.
func readSettings(abstract string, claims []Claim) {
	if len(claims) == 0 {
		return
	}
	d := newSettingsDoc(abstract, claims)
	// Paper-wide values come from sentences that report no figure ("We
	// evaluate on TPC-H."); in a result sentence a setting qualifies that
	// result. A paper that reports model sizes as results ("trains models up
	// to 120B") is not about one model size.
	withFigure := map[int]bool{}
	for _, f := range d.figs {
		withFigure[f.sent] = true
	}
	var all []mention
	for _, m := range d.ms {
		if !withFigure[m.sent] {
			all = append(all, m)
		}
	}
	for _, c := range claims {
		if c.Metric == "model_size" && c.Value > 0 {
			all = append(all, mention{key: keyModelSize, val: formatSize(c.Value / 1e9)})
		}
	}
	var wide [numKeys]string
	for k := settingKey(0); k < numKeys; k++ {
		if paperWide[k] {
			wide[k] = onlyValue(all, k)
		}
	}
	for i := range claims {
		var vals [numKeys]string
		for k := settingKey(0); k < numKeys; k++ {
			if own, ok := ownKey[claims[i].Metric]; ok && own == k {
				continue
			}
			v, ok := d.valueFor(k, i, claims)
			if !ok && paperWide[k] {
				v = wide[k]
			}
			vals[k] = v
		}
		claims[i].Settings = settingsFrom(vals)
	}
}

func newSettingsDoc(a string, claims []Claim) *settingsDoc {
	d := &settingsDoc{a: a, sents: settingSentences(a), owned: map[[2]int]bool{}, listed: map[int]bool{},
		bySent: map[int][]int{}, peers: map[peerKey][]int{}}
	bounds := make([][]int, len(d.sents))
	for i, sp := range d.sents {
		bounds[i] = clauseBounds(a, sp[0], sp[1])
	}
	d.figs = make([]fig, len(claims))
	for i, c := range claims {
		s, e := c.Start, c.Start
		if k := strings.Index(c.Evidence, c.Text); c.Text != "" && k >= 0 {
			s, e = c.Start+k, c.Start+k+len(c.Text)
		}
		f := fig{s: s, e: e, sent: sentenceAt(d.sents, s)}
		if f.sent >= 0 {
			f.clause = clauseAt(bounds[f.sent], s)
			d.owned[[2]int{f.sent, f.clause}] = true
		}
		d.figs[i] = f
		d.byStart = append(d.byStart, i)
		d.maxFig = max(d.maxFig, e-s)
	}
	sort.SliceStable(d.byStart, func(x, y int) bool { return d.figs[d.byStart[x]].s < d.figs[d.byStart[y]].s })
	lists := 0
	low, odd := asciiLower(a), oddFold(a)
	var words [][2]int
	for si, sp := range d.sents {
		var prev *mention
		for _, m := range readMentions(a, low, odd, &words, sp[0], sp[1]) {
			if d.inFigure(m, claims) {
				continue
			}
			m.sent, m.clause = si, clauseAt(bounds[si], m.s)
			if prev != nil && prev.key == m.key && reListSep.MatchString(a[prev.e:m.s]) {
				if prev.list == 0 {
					lists++
					prev.list = lists
				}
				m.list = prev.list
				if m.val != prev.val {
					d.listed[m.list] = true
				}
			}
			d.bySent[si] = append(d.bySent[si], len(d.ms))
			d.ms = append(d.ms, m)
			prev = &d.ms[len(d.ms)-1]
		}
	}
	return d
}

var reListSep = regexp.MustCompile(`^\s*(?:,|/|&|,?\s*(?:and|or))\s*(?:the\s+)?$`)

// inFigure reports a mention that is part of a claim's figure. A figure is
// not a setting ("500K sequence length" is a claim, not its neighbour's
// condition) unless figureIsSetting says so.
func (d *settingsDoc) inFigure(m mention, claims []Claim) bool {
	k := sort.Search(len(d.byStart), func(x int) bool { return d.figs[d.byStart[x]].s >= m.s-d.maxFig })
	for ; k < len(d.byStart) && d.figs[d.byStart[k]].s < m.e; k++ {
		j := d.byStart[k]
		if f := d.figs[j]; m.s < f.e && f.s < m.e {
			if k := ownKey[claims[j].Metric]; !figureIsSetting[claims[j].Metric] || k != m.key {
				return true
			}
		}
	}
	return false
}

// valueFor reads key for claim i from its sentence: by position when the
// sentence lists figures and values in parallel, else from the claim's own
// clause, else from the sentence when it states one value, else from the
// clauses that hold no other figure. ok is false when the sentence states
// nothing about key.
func (d *settingsDoc) valueFor(k settingKey, i int, claims []Claim) (string, bool) {
	f := d.figs[i]
	if f.sent < 0 {
		return "", false
	}
	var own, inSent, free []mention
	for _, x := range d.bySent[f.sent] {
		m := d.ms[x]
		if m.key != k {
			continue
		}
		inSent = append(inSent, m)
		switch {
		case m.clause == f.clause:
			own = append(own, m)
		case !d.owned[[2]int{m.sent, m.clause}]:
			free = append(free, m)
		}
	}
	if len(inSent) == 0 {
		return "", false
	}
	// "reaches 30 and 120 FPS at 4K and 8K, respectively", "35/67/405 fJ/op
	// (binary, ternary, and 8-bit precision)": the n-th figure takes the
	// n-th value.
	if peers := d.parallelPeers(i, claims); len(peers) > 1 && len(inSent) == len(peers) && distinct(inSent) > 1 {
		return inSent[indexOf(peers, i)].val, true
	}
	switch {
	case len(own) > 0:
		return d.pick(own), true
	case distinct(d.unlisted(inSent)) == 1:
		return d.unlisted(inSent)[0].val, true
	case len(free) > 0:
		return d.pick(free), true
	}
	return "", false
}

// parallelPeers are the claims of i's sentence and metric when the sentence
// pairs figures with values by position.
func (d *settingsDoc) parallelPeers(i int, claims []Claim) []int {
	f := d.figs[i]
	key := peerKey{f.sent, claims[i].Metric}
	if peers, ok := d.peers[key]; ok {
		return peers
	}
	var peers []int
	for j := range d.figs {
		if d.figs[j].sent == f.sent && claims[j].Metric == claims[i].Metric {
			peers = append(peers, j)
		}
	}
	if !respectively(d.a, d.sents[f.sent]) && !d.slashList(peers) {
		peers = nil
	}
	d.peers[key] = peers
	return peers
}

// unlisted replaces members of a list of different values by one statement
// we cannot name: a figure "on SIFT1B and DEEP1B" is over both.
func (d *settingsDoc) unlisted(ms []mention) []mention {
	out := make([]mention, 0, len(ms))
	for _, m := range ms {
		if d.listed[m.list] {
			m.val = ""
		}
		out = append(out, m)
	}
	return out
}

// pick returns the value the mentions agree on. Different values in reach
// of one figure ("across Vicuna-7B, Qwen3-8B and GLM-4-9B", "on SIFT1B and
// DEEP1B") mean a figure over all of them, which names no one value.
func (d *settingsDoc) pick(ms []mention) string {
	ms = d.unlisted(ms)
	if distinct(ms) == 1 {
		return ms[0].val
	}
	return ""
}

// onlyValue is the value of key when the abstract states exactly one, and
// nothing it cannot name. Examples do not count.
func onlyValue(ms []mention, key settingKey) string {
	v := ""
	for _, m := range ms {
		if m.key != key || m.example {
			continue
		}
		if m.val == "" || (v != "" && m.val != v) {
			return ""
		}
		v = m.val
	}
	return v
}

func distinct(ms []mention) int {
	seen := map[string]bool{}
	for _, m := range ms {
		seen[m.val] = true
	}
	return len(seen)
}

func indexOf(list []int, x int) int {
	for i, v := range list {
		if v == x {
			return i
		}
	}
	return -1
}

func settingsFrom(v [numKeys]string) Settings {
	return Settings{
		Precision:  v[keyPrecision],
		BatchSize:  atoiSafe(v[keyBatch]),
		Resolution: v[keyResolution],
		SeqLen:     atoiSafe(v[keySeqLen]),
		ModelSize:  parseFloatSafe(v[keyModelSize]),
		Dataset:    v[keyDataset],
	}
}

// settingSentences splits an abstract into sentences at end punctuation
// followed by a space and no lower-case letter, and at blank lines. Decimal points and
// abbreviations ("e.g.", "vs.", "et al.") do not end a sentence.
func settingSentences(a string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c != '.' && c != '?' && c != '!' && c != '\n' {
			continue
		}
		if c == '\n' && (i+1 >= len(a) || a[i+1] != '\n') {
			continue // a line break inside a paragraph
		}
		if c == '.' {
			if i+1 < len(a) && a[i+1] != ' ' && a[i+1] != '\n' {
				continue // "1.5", "e.g."
			}
			w := strings.ToLower(lastWord(a[start:i]))
			if abbreviations[w] {
				continue
			}
			if j := nextNonSpace(a, i+1); j < len(a) && isLowerASCII(a[j]) {
				continue
			}
		}
		if i+1 > start {
			out = append(out, [2]int{start, i + 1})
		}
		start = i + 1
	}
	if start < len(a) {
		out = append(out, [2]int{start, len(a)})
	}
	return out
}

var abbreviations = map[string]bool{"e.g": true, "i.e": true, "vs": true, "al": true, "etc": true, "fig": true, "approx": true, "cf": true, "resp": true, "eq": true}

func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	if k := strings.LastIndexAny(s, " (\n"); k >= 0 {
		return s[k+1:]
	}
	return s
}

func nextNonSpace(a string, i int) int {
	for i < len(a) && (a[i] == ' ' || a[i] == '\n') {
		i++
	}
	return i
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

func sentenceAt(sents [][2]int, pos int) int {
	k := sort.Search(len(sents), func(i int) bool { return sents[i][1] > pos })
	if k < len(sents) && sents[k][0] <= pos {
		return k
	}
	return -1
}

// clauseBounds returns the starts of the clauses of a[s:e]. A clause ends at
// ";", ":", ", " and before "and", "or", "but", "while", "whereas" - except
// an "and" between bare numbers ("30 and 120 FPS"), which joins one figure's
// values rather than two claims.
func clauseBounds(a string, s, e int) []int {
	out := []int{s}
	for i := s; i < e; i++ {
		switch a[i] {
		case ';', ':':
			out = append(out, i+1)
			continue
		case ',':
			if i+1 < e && a[i+1] == ' ' {
				out = append(out, i+1)
			}
			continue
		case ' ':
		default:
			continue
		}
		w := wordAt(a, i+1, e)
		switch strings.ToLower(w) {
		case "and", "or", "but", "while", "whereas":
			if (w == "and" || w == "or") && bareNumberBefore(a, s, i) {
				continue
			}
			out = append(out, i+1)
		}
	}
	return out
}

// wordAt is the run of letters at a[i:].
func wordAt(a string, i, e int) string {
	j := i
	for j < e && (a[j]|0x20 >= 'a' && a[j]|0x20 <= 'z') {
		j++
	}
	return a[i:j]
}

func bareNumberBefore(a string, s, i int) bool {
	j := i
	for j > s && (isDigit(a[j-1]) || a[j-1] == ',' || a[j-1] == '.') {
		j--
	}
	return j < i && (j == s || a[j-1] == ' ' || a[j-1] == '(')
}

func clauseAt(bounds []int, pos int) int {
	k := sort.SearchInts(bounds, pos+1) - 1
	if k < 0 {
		return 0
	}
	return k
}

// slashList reports peers written as one list, "35/67/405 fJ/op".
func (d *settingsDoc) slashList(peers []int) bool {
	if len(peers) < 2 {
		return false
	}
	for n := 1; n < len(peers); n++ {
		p, q := d.figs[peers[n-1]], d.figs[peers[n]]
		if q.s < p.e || strings.Trim(d.a[p.e:q.s], " ") != "/" {
			return false
		}
	}
	return true
}

func respectively(a string, sp [2]int) bool {
	return strings.Contains(strings.ToLower(a[sp[0]:sp[1]]), "respectively")
}
