package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// readMentions finds every statement of a setting in the sentence a[s:e].
// Each reader is a pattern plus a check of the words around it, because the
// same characters are a setting in one place and not in another: "4K
// resolution" but "4K tokens", "a 7B model" but "7B tokens", "512x512
// images" but "a 128x128 systolic array".
// low is a in ASCII lower case, odd is oddFold(a); words is a buffer the
// caller keeps for the sentences of a.
func readMentions(a, low string, odd bool, words *[][2]int, s, e int) []mention {
	sent := a[s:e]
	v := sentView{raw: sent, low: low[s:e], odd: odd, words: words}
	var out []mention
	add := func(k settingKey, ms, me int, val string) {
		out = append(out, mention{key: k, s: s + ms, e: s + me, val: val, example: isExample(sent, ms)})
	}
	names := readDatasets(v)
	for _, d := range names {
		add(keyDataset, d.s, d.e, d.val)
	}
	inName := func(i int) bool {
		for _, d := range names {
			if i >= d.s && i < d.e {
				return true
			}
		}
		return false
	}
	// ASCII lower case is the same to the gates, which look for ASCII
	// words, unless a character lower-cases to an ASCII letter.
	lower := v.low
	if odd {
		lower = strings.ToLower(sent)
	}
	mask := readerMask(lower)
	for ri, r := range readers {
		if mask&(1<<ri) == 0 {
			continue
		}
		for _, m := range r.read(v) {
			// "throughput over 1,024-token contexts" is across them, not against.
			if !inName(m.s) && !(isBaseline(sent, m.s) && !(m.key == keySeqLen && first(wordsBefore(sent, m.s, 1)) == "over")) {
				add(m.key, m.s, m.e, m.val)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].s < out[j].s })
	out = readElided(sent, s, out)
	// Two patterns may read the same words ("sequence length of 32K tokens").
	kept := out[:0]
	for _, m := range out {
		if n := len(kept); n > 0 && kept[n-1].key == m.key && m.s < kept[n-1].e {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

var reBareK = regexp.MustCompile(`(?i)\bat (\d+)K\b`)

// readElided reads "at 128K" after "69.4% at 32K context length and 123%
// at 128K": a bare size repeats the key of the last sized setting before it.
// ms are the sentence's mentions so far, in abstract coordinates from s.
func readElided(sent string, s int, ms []mention) []mention {
	hasSeq := false
	for _, p := range ms {
		hasSeq = hasSeq || p.key == keySeqLen
	}
	if !hasSeq {
		return ms
	}
	for _, m := range reBareK.FindAllStringSubmatchIndex(sent, -1) {
		if !glue[first(wordsAfter(sent, m[1], 1))] {
			continue
		}
		key, ok := settingKey(0), false
		for _, p := range ms {
			if p.e <= s+m[0] && (p.key == keySeqLen || p.key == keyResolution) && strings.ContainsAny(p.val+sent[p.s-s:p.e-s], "Kk") {
				key, ok = p.key, true
			}
		}
		if !ok || key != keySeqLen {
			continue // "at 4K" alone is read as a resolution already
		}
		n, good := tokenCount(sent[m[2]:m[3]], "K")
		if !good {
			continue
		}
		kept := ms[:0]
		for _, p := range ms {
			if !(p.key == keyResolution && p.s < s+m[1] && s+m[0] < p.e) {
				kept = append(kept, p)
			}
		}
		ms = append(kept, mention{key: keySeqLen, s: s + m[2], e: s + m[1], val: strconv.Itoa(n), example: isExample(sent, m[0])})
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].s < ms[j].s })
	return ms
}

// span is a mention in sentence coordinates.
type span struct {
	key  settingKey
	s, e int
	val  string
}

// isBaseline reports a setting that describes what the claim is compared
// with: "11.5x over FP64", "compared to batch size 1".
func isBaseline(sent string, i int) bool {
	w := wordsBefore(sent, i, 4)
	for len(w) > 0 && determiners[w[0]] {
		w = w[1:]
	}
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "over", "than", "versus", "vs", "against", "behind":
		return true
	case "to", "with", "of":
		return len(w) > 1 && (w[1] == "compared" || w[1] == "relative" || w[1] == "alternative" || w[1] == "instead" || w[1] == "opposed" || w[1] == "comparison")
	}
	return false
}

// isExample reports a value given as an instance: "such as LLaMA-3-70B",
// "(e.g., 4-bit)".
func isExample(sent string, i int) bool {
	w := strings.ToLower(sent[max(0, i-32):i])
	if k := strings.LastIndexAny(w, ";)"); k >= 0 {
		w = w[k+1:]
	}
	for _, cue := range []string{"such as", "e.g.", "like ", "including", "for example", "for instance"} {
		if strings.Contains(w, cue) {
			return true
		}
	}
	return false
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "standard": true, "conventional": true, "vanilla": true, "native": true, "dense": true, "full": true}

// wordsBefore returns up to n lower-case words before sent[i], nearest first,
// stopping at clause punctuation.
func wordsBefore(sent string, i, n int) []string {
	var out []string
	j := i
	for len(out) < n {
		for j > 0 && (sent[j-1] == ' ' || sent[j-1] == '-' || sent[j-1] == '\n' || strings.HasSuffix(sent[:j], "\u2011") || strings.HasSuffix(sent[:j], "\u2010")) {
			if sent[j-1] >= 0x80 {
				j -= 2
			}
			j--
		}
		k := j
		for k > 0 && isWordByte(sent[k-1]) {
			k--
		}
		if k == j {
			break
		}
		out = append(out, strings.ToLower(sent[k:j]))
		j = k
	}
	return out
}

// wordsAfter returns up to n lower-case words from sent[i], stopping at
// clause punctuation.
func wordsAfter(sent string, i, n int) []string {
	var out []string
	j := i
	for len(out) < n {
		for j < len(sent) && (sent[j] == ' ' || sent[j] == '-' || sent[j] == '\n' || strings.HasPrefix(sent[j:], "\u2011") || strings.HasPrefix(sent[j:], "\u2010")) {
			if sent[j] >= 0x80 {
				j += 2
			}
			j++
		}
		k := j
		for k < len(sent) && isWordByte(sent[k]) {
			k++
		}
		if k == j {
			break
		}
		out = append(out, strings.ToLower(sent[j:k]))
		j = k
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_'
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) }

func first(w []string) string {
	if len(w) == 0 {
		return ""
	}
	return w[0]
}

// rangeAfter reports "1-64", "1 to 64", "1, 4 and 16" at sent[i:]: a list of
// values, not one setting.
func rangeAfter(sent string, i int) bool {
	return reRangeAfter.MatchString(sent[i:])
}

func rangeBefore(sent string, i int) bool {
	return reRangeBefore.MatchString(sent[:i])
}

var (
	reRangeAfter  = regexp.MustCompile(`^\s*(?:[-–—~]|to\s|,\s*\d|and\s+\d|or\s+\d)\s*\d?`)
	reRangeBefore = regexp.MustCompile(`\d\s*(?:[-–—~]|to)\s*$`)
)

// Precision.

var (
	rePrecTok     = regexp.MustCompile(`(?i)\b(?:nv|mx)?(fp|int|bf|tf)(64|32|16|8|4)\b`)
	rePrecFloat   = regexp.MustCompile(`(?i)\b(b?float)(64|32|16|8)\b`)
	rePrecNamed   = regexp.MustCompile(`(?i)\b(single|half|double|mixed|full)` + hy + `precision\b`)
	rePrecBits    = regexp.MustCompile(`(?i)\b(\d{1,2}(?:\.\d+)?)` + hy + `bits?\b`)
	rePrecWA      = regexp.MustCompile(`\bW(\d{1,2})A(\d{1,2})`)
	rePrecExp     = regexp.MustCompile(`\bE[45]M[23]\b`)
	rePrecBinWord = regexp.MustCompile(`(?i)\b(?:binary|ternary)\b`)
	rePrecBin     = regexp.MustCompile(`(?i)\b(?:binary|ternary)\b[^.;]{0,40}?\bprecision`)
)

// intCues are words after "4-bit"/"8-bit" that make it a number format
// rather than, say, an 8-bit microcontroller.
var intCues = map[string]bool{
	"quantization": true, "quantized": true, "quantisation": true, "quantised": true, "precision": true,
	"integer": true, "integers": true, "weight": true, "weights": true, "activation": true, "activations": true,
	"inference": true, "arithmetic": true, "kv": true, "cache": true, "compute": true, "computation": true,
	"mac": true, "macs": true, "matrix": true, "gemm": true, "tensor": true, "operations": true, "ops": true, "model": true, "models": true,
}

func readPrecision(v sentView) []span {
	sent := v.raw
	var out []span
	for _, m := range gated(v.after("fp") || v.after("int") || v.after("bf") || v.after("tf"), rePrecTok, sent) {
		p := strings.ToLower(sent[m[2]:m[3]]) + sent[m[4]:m[5]]
		switch p {
		case "fp32", "tf32", "fp16", "bf16", "fp8", "int8", "int4", "fp4":
			out = append(out, span{keyPrecision, m[0], m[1], p})
		case "fp64", "int32", "int16":
			out = append(out, span{keyPrecision, m[0], m[1], ""})
		}
	}
	for _, m := range gated(v.after("float"), rePrecFloat, sent) {
		v := map[string]string{"float32": "fp32", "float16": "fp16", "bfloat16": "bf16", "float8": "fp8"}[strings.ToLower(sent[m[0]:m[1]])]
		out = append(out, span{keyPrecision, m[0], m[1], v})
	}
	for _, m := range gated(v.has("precision"), rePrecNamed, sent) {
		v := map[string]string{"single": "fp32", "half": "fp16"}[strings.ToLower(sent[m[2]:m[3]])]
		out = append(out, span{keyPrecision, m[0], m[1], v})
	}
	for _, m := range gated(v.has("bit"), rePrecBits, sent) {
		n := sent[m[2]:m[3]]
		next := wordsAfter(sent, m[1], 1)
		switch {
		case first(next) == "float" || first(next) == "floating" || first(next) == "fp":
			v := ""
			switch n {
			case "32", "16", "8", "4":
				v = "fp" + n
			}
			out = append(out, span{keyPrecision, m[0], m[1], v})
		case intCues[first(next)] && (n == "4" || n == "8"):
			out = append(out, span{keyPrecision, m[0], m[1], "int" + n})
		case intCues[first(next)] && (len(n) == 1 || strings.Contains(n, ".")):
			out = append(out, span{keyPrecision, m[0], m[1], ""}) // 2-bit, 1.58-bit: outside the vocabulary
		}
	}
	for _, m := range gated(afterWord(sent, "W"), rePrecWA, sent) {
		w, act := sent[m[2]:m[3]], sent[m[4]:m[5]]
		v := ""
		if w == act && (w == "8" || w == "4") {
			v = "int" + w
		} else if w == act && w == "16" {
			v = "fp16"
		}
		out = append(out, span{keyPrecision, m[0], m[1], v})
	}
	for _, m := range gated(strings.Contains(sent, "E4M") || strings.Contains(sent, "E5M"), rePrecExp, sent) {
		out = append(out, span{keyPrecision, m[0], m[1], "fp8"})
	}
	// "binary, ternary and 8-bit precision": each word is a precision, outside the vocabulary.
	for _, m := range gated(v.has("precision") && v.has("binary", "ternary"), rePrecBin, sent) {
		for _, w := range rePrecBinWord.FindAllStringIndex(sent[m[0]:m[1]], -1) {
			out = append(out, span{keyPrecision, m[0] + w[0], m[0] + w[1], ""})
		}
	}
	return out
}

// Batch size.

var (
	reBatchSize  = regexp.MustCompile(`(?i)\b(?:mini-?|micro-?)?batch` + hy + `?sizes?\s*(?:of\s+|=\s*|:\s*|is\s+|up to\s+)?([<>≤≥]\s*)?(\d[\d,]*)\b`)
	reBatchBS    = regexp.MustCompile(`(?i)\b(?:bs|bsz)\s*=\s*(\d+)\b`)
	reBatchShort = regexp.MustCompile(`(?i)\bbatch` + hy + `(\d+)\b`)
	reBatchOf    = regexp.MustCompile(`(?i)\bbatch(?:es)? of (\d[\d,]*) ([a-z]+)`)
)

var batchItems = map[string]bool{"images": true, "samples": true, "sequences": true, "requests": true, "prompts": true, "queries": true, "inputs": true, "examples": true, "sentences": true, "frames": true}

var batchUses = map[string]bool{"latency": true, "throughput": true, "inference": true, "decoding": true, "setting": true, "settings": true, "serving": true, "": true}

func readBatch(v sentView) []span {
	sent := v.raw
	var out []span
	num := func(m []int, g int, ok bool) {
		v := ""
		if ok && !rangeAfter(sent, m[g+1]) {
			if n, err := strconv.Atoi(strings.ReplaceAll(sent[m[g]:m[g+1]], ",", "")); err == nil && n >= 1 && n <= 1<<20 {
				v = strconv.Itoa(n)
			}
		}
		out = append(out, span{keyBatch, m[0], m[g+1], v})
	}
	for _, m := range reBatchSize.FindAllStringSubmatchIndex(sent, -1) {
		num(m, 4, m[2] < 0)
	}
	for _, m := range reBatchBS.FindAllStringSubmatchIndex(sent, -1) {
		num(m, 2, true)
	}
	for _, m := range reBatchShort.FindAllStringSubmatchIndex(sent, -1) {
		if batchUses[first(wordsAfter(sent, m[1], 1))] {
			num(m, 2, true)
		}
	}
	for _, m := range reBatchOf.FindAllStringSubmatchIndex(sent, -1) {
		if batchItems[strings.ToLower(sent[m[4]:m[5]])] {
			num(m, 2, true)
		}
	}
	return out
}

// Resolution.

var (
	reResWxH   = regexp.MustCompile(`(\d{2,5})\s*(?:[x×X*]|\\times)\s*(\d{2,5})`)
	reResP     = regexp.MustCompile(`(?i)\b(480|720|1080|1440|2160|4320)p\b`)
	reResK     = regexp.MustCompile(`\b([248])[Kk]\b`)
	reResNamed = regexp.MustCompile(`(?i)\b(full` + hy + `?hd|fhd|ultra` + hy + `?hd|uhd|w?qhd)\b`)
)

// resCues after a size make it an image size: "512x512 images", "4K video".
var resCues = map[string]bool{
	"resolution": true, "resolutions": true, "res": true, "pixels": true, "pixel": true, "px": true,
	"image": true, "images": true, "video": true, "videos": true, "frames": true, "frame": true,
	"rendering": true, "renders": true, "render": true, "output": true, "outputs": true, "display": true,
	"displays": true, "screen": true, "photos": true, "uhd": true, "footage": true, "scenes": true, "views": true,
}

// glue words may follow "at 4K" without making 4K a count of something.
var glue = map[string]bool{
	"": true, "and": true, "or": true, "on": true, "with": true, "using": true, "for": true, "while": true,
	"respectively": true, "in": true, "at": true, "to": true, "vs": true, "versus": true, "compared": true,
	"than": true, "which": true, "when": true, "where": true, "the": true, "a": true, "an": true, "we": true,
	"it": true, "our": true, "is": true, "are": true, "from": true, "by": true,
}

// looksLikeResolution checks the words around a size.
func looksLikeResolution(sent string, s, e int) bool {
	next := first(wordsAfter(sent, e, 1))
	prev := first(wordsBefore(sent, s, 1))
	if resCues[next] || prev == "resolution" || prev == "resolutions" {
		return true
	}
	return (prev == "at" || prev == "in") && glue[next]
}

func readResolution(v sentView) []span {
	sent := v.raw
	var out []span
	for _, m := range gated(digitSpaceThen(sent, "xX*\\", false, true), reResWxH, sent) {
		if m[0] > 0 && (isAlnum(sent[m[0]-1]) || sent[m[0]-1] == '.' || sent[m[0]-1] == '^') {
			continue
		}
		if m[1] < len(sent) && (isAlnum(sent[m[1]]) || reResWxH.MatchString(sent[m[1]:min(len(sent), m[1]+8)]) && strings.ContainsAny(sent[m[1]:m[1]+1], "x×X*\\")) {
			continue // "512x512x512" is a volume; "177x177\times177" is scrape damage
		}
		w, _ := strconv.Atoi(sent[m[2]:m[3]])
		h, _ := strconv.Atoi(sent[m[4]:m[5]])
		if w < 32 || h < 32 || w > 20000 || h > 20000 {
			continue
		}
		if m[0] > 0 && sent[m[0]-1] == '(' && namedBefore(sent, m[0]-1) {
			continue // "4K (3840x2160)" says it twice
		}
		if looksLikeResolution(sent, m[0], m[1]) {
			out = append(out, span{keyResolution, m[0], m[1], strconv.Itoa(w) + "x" + strconv.Itoa(h)})
		}
	}
	for _, m := range gated(v.has("0p"), reResP, sent) {
		v := strings.ToLower(sent[m[0]:m[1]])
		switch v {
		case "2160p":
			v = "4K"
		case "4320p":
			v = "8K"
		}
		out = append(out, span{keyResolution, m[0], m[1], v})
	}
	for _, m := range gated(v.has("2k", "4k", "8k"), reResK, sent) {
		if m[0] > 0 && (sent[m[0]-1] == '.' || sent[m[0]-1] == ',') {
			continue
		}
		if looksLikeResolution(sent, m[0], m[1]) {
			out = append(out, span{keyResolution, m[0], m[1], sent[m[2]:m[3]] + "K"})
		}
	}
	for _, m := range gated(v.has("hd"), reResNamed, sent) {
		v := "1080p"
		switch l := strings.ToLower(sent[m[2]:m[3]]); {
		case strings.HasPrefix(l, "u"):
			v = "4K"
		case strings.Contains(l, "qhd"):
			v = "1440p"
		}
		out = append(out, span{keyResolution, m[0], m[1], v})
	}
	return out
}

func namedBefore(sent string, i int) bool {
	w := wordsBefore(sent, i, 1)
	if len(w) == 0 {
		return false
	}
	return reResK.MatchString(strings.ToUpper(w[0])) || reResP.MatchString(w[0]) || reResNamed.MatchString(w[0])
}
