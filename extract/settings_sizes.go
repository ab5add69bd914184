package extract

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Sequence length.

// hy is a hyphen or space between the words of a compound: "1,024-token",
// "1,024‑token" (a non-breaking hyphen, common in scraped abstracts).
const hy = "[-\u2010\u2011 ]"

const numPat = `(\d[\d,]*(?:\.\d+)?)(?:\s?([KkMm])\b|\s(million|thousand)\b)?`

var reSeq = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?:sequence|context|input|prompt)(?:` + hy + `windows?)?` + hy + `(?:lengths?|sizes?|windows?)\s*(?:of\s+|=\s*|:\s*|is\s+)?(?:up to\s+|over\s+|beyond\s+)?` + numPat),
	regexp.MustCompile(`(?i)\b(?:sequences?|contexts?|prompts?|inputs?) (?:of|with) (?:up to\s+|over\s+)?` + numPat + hy + `tokens?\b`),
	regexp.MustCompile(`(?i)` + numPat + hy + `?tokens?` + hy + `(?:long` + hy + `)?(?:contexts?|sequences?|prompts?|inputs?|windows?)\b`),
	regexp.MustCompile(`(?i)` + numPat + hy + `(?:context|sequence|ctx)(?:` + hy + `window)?(?:` + hy + `lengths?)?\b`),
}

// seqGates are, for each of reSeq, words it cannot match without.
var seqGates = []func(v sentView) bool{
	func(v sentView) bool {
		return v.has("sequence", "context", "input", "prompt") && v.has("length", "size", "window")
	},
	func(v sentView) bool { return v.has("token") && v.has("sequence", "context", "prompt", "input") },
	func(v sentView) bool { return v.has("token") },
	func(v sentView) bool { return v.has("context", "sequence", "ctx") },
}

func readSeqLen(v sentView) []span {
	sent := v.raw
	var out []span
	if !v.hasDigit() {
		return nil
	}
	for i, re := range reSeq {
		for _, m := range gated(seqGates[i](v), re, sent) {
			ns := m[2]
			if ns > 0 && (isAlnum(sent[ns-1]) || sent[ns-1] == '.') {
				continue
			}
			n, ok := tokenCount(sent[m[2]:m[3]], group(sent, m, 2)+group(sent, m, 3))
			if !ok || n < 16 || n > 1e9 {
				continue
			}
			v := strconv.Itoa(n)
			if rangeBefore(sent, ns) || rangeAfter(sent, m[1]) {
				v = ""
			}
			out = append(out, span{keySeqLen, m[0], m[1], v})
		}
	}
	return out
}

func group(sent string, m []int, g int) string {
	if m[2*g] < 0 {
		return ""
	}
	return sent[m[2*g]:m[2*g+1]]
}

// tokenCount reads "2,048", "32K", "1.5M", "1 million". A K after a power of
// two is 1024 ("32K" context is 32,768 tokens, as models state it); after any
// other number it is 1000 ("500K").
func tokenCount(num, mult string) (int, bool) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	switch strings.ToLower(mult) {
	case "k", "thousand":
		if f == math.Trunc(f) && f >= 1 && int(f)&(int(f)-1) == 0 && mult != "thousand" {
			f *= 1024
		} else {
			f *= 1000
		}
	case "m", "million":
		f *= 1e6
	}
	if f != math.Trunc(f) || f > 1e12 {
		return 0, false
	}
	return int(f), true
}

// Model size.

var (
	reSizeSuffix = regexp.MustCompile(`(\d+(?:\.\d+)?)\s?([BMTb])\b`)
	// "sim500-billion" is "~500-billion" after a scrape.
	reSizeWords = regexp.MustCompile(`(?i)(?:\b|sim)(\d+(?:\.\d+)?|\bone|\ba)` + hy + `(billion|million|trillion)` + hy + `(?:parameters?|params?)\b`)
	reSizePair  = regexp.MustCompile(`^/\d+(?:\.\d+)?[BMT]\b`)
)

// modelNouns after a size make it a parameter count: "a 7B model", "70B-scale".
var modelNouns = map[string]bool{
	"model": true, "models": true, "llm": true, "llms": true, "lm": true, "lms": true, "parameter": true,
	"parameters": true, "params": true, "param": true, "transformer": true, "transformers": true, "scale": true,
	"dense": true, "moe": true, "network": true, "networks": true, "checkpoint": true, "checkpoints": true,
	"variant": true, "variants": true, "target": true, "draft": true, "language": true, "vlm": true, "vlms": true,
	"gpt": true, "bert": true, "base": true, "instruct": true, "chat": true,
}

// modelFamilies before a size with a space name the model: "Llama 2 7B", "Qwen 3 1.7B".
var modelFamilies = map[string]bool{
	"llama": true, "gpt": true, "opt": true, "qwen": true, "mistral": true, "mixtral": true, "gemma": true,
	"phi": true, "falcon": true, "bloom": true, "vicuna": true, "deepseek": true, "palm": true, "t": true,
	"glm": true, "chatglm": true, "yi": true, "baichuan": true, "olmo": true, "olmoe": true, "internlm": true,
	"codellama": true, "starcoder": true, "pythia": true, "mpt": true, "bitnet": true, "gemini": true,
	"llava": true, "megatron": true, "nlg": true, "gopher": true, "chinchilla": true, "grok": true, "kimi": true,
}

func readModelSize(v sentView) []span {
	sent := v.raw
	var out []span
	for _, m := range gated(digitSpaceThen(sent, "BMTb", true, false), reSizeSuffix, sent) {
		s, e := m[0], m[1]
		if s > 0 && (isAlnum(sent[s-1]) || sent[s-1] == '.' || sent[s-1] == ',') {
			continue
		}
		if s > 0 && sent[s-1] == '/' && s > 1 && isAlnum(sent[s-2]) {
			continue // "7B/68M": the second of a target/draft pair
		}
		if e < len(sent) && sent[e] == '+' {
			continue // "1B+": a lower bound, not a size
		}
		if e+1 < len(sent) && sent[e] == '-' && isDigit(sent[e+1]) {
			continue // "OLMoE-1B-7B": the last size of a name is the total
		}
		suffix := sent[m[4]:m[5]]
		attached := s > 1 && sent[s-1] == '-' && isAlnum(sent[s-2])
		if suffix == "b" && !attached {
			continue // "8b" alone is as likely bits
		}
		ctxEnd := e
		if p := reSizePair.FindString(sent[e:]); p != "" {
			ctxEnd = e + len(p)
		}
		next := first(wordsAfter(sent, ctxEnd, 1))
		prev := wordsBefore(sent, s, 2)
		named := len(prev) > 0 && sent[s-1] == ' ' && (modelFamilies[familyOf(prev[0])] ||
			len(prev) > 1 && isNumberWord(prev[0]) && modelFamilies[familyOf(prev[1])])
		if !(modelNouns[next] || attached || named) {
			continue
		}
		f, err := strconv.ParseFloat(sent[m[2]:m[3]], 64)
		if err != nil || f <= 0 {
			continue
		}
		switch suffix {
		case "M":
			f /= 1000
		case "T":
			f *= 1000
		}
		out = append(out, span{keyModelSize, s, e, formatSize(f)})
	}
	for _, m := range gated(v.has("illion") && v.has("param"), reSizeWords, sent) {
		var f float64 = 1
		if n := strings.ToLower(sent[m[2]:m[3]]); n != "a" && n != "one" {
			f, _ = strconv.ParseFloat(n, 64)
		}
		switch strings.ToLower(sent[m[4]:m[5]]) {
		case "million":
			f /= 1000
		case "trillion":
			f *= 1000
		}
		if f > 0 {
			out = append(out, span{keyModelSize, m[0], m[1], formatSize(f)})
		}
	}
	return out
}

// familyOf strips a version from a model name: "llama2" -> "llama", "qwen2.5" -> "qwen".
func familyOf(w string) string {
	return strings.TrimRight(w, "0123456789._")
}

func isNumberWord(w string) bool {
	_, err := strconv.ParseFloat(w, 64)
	return err == nil
}

func formatSize(f float64) string {
	return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64)
}

// rawWordBefore is the word before sent[i] as written, when only spaces
// separate them.
func rawWordBefore(sent string, i int) string {
	j := i
	for j > 0 && sent[j-1] == ' ' {
		j--
	}
	if j == i {
		return ""
	}
	k := j
	for k > 0 && isWordByte(sent[k-1]) {
		k--
	}
	return sent[k:j]
}

func atoiSafe(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

func parseFloatSafe(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}
