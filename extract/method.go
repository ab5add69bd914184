package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// MethodName returns the name a paper gives its method, system or model:
// the title's "Name:" prefix ("4DGen: Grounded 4D Content Generation"),
// else the name after "we propose/present/introduce" in the abstract ("We
// present MegaTrain, a memory-centric system"), else "". Leaderboards label
// rows with it, so two papers are never told apart by a truncated title.
func MethodName(title, abstract string) string {
	if n := titleMethod(title); n != "" {
		return n
	}
	return abstractMethod(abstract)
}

// notMethod are first words of a title prefix that make it a question or a
// topic, not a name ("Beyond A Single AI Cluster: A Survey").
var notMethod = map[string]bool{
	"a": true, "an": true, "the": true, "on": true, "to": true, "towards": true, "toward": true, "beyond": true,
	"when": true, "how": true, "why": true, "what": true, "does": true, "do": true, "is": true, "are": true,
	"can": true, "understanding": true, "rethinking": true, "revisiting": true, "position": true, "survey": true,
	"multi-partner": true, "case": true, "lessons": true, "benchmarking": true, "analyzing": true, "characterizing": true,
}

func titleMethod(title string) string {
	i := strings.Index(title, ":")
	if i <= 0 || i > 60 {
		return ""
	}
	name := strings.TrimSpace(title[:i])
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 4 || notMethod[strings.ToLower(words[0])] {
		return ""
	}
	if len(words) == 1 {
		if nameLike(words[0]) || nameStart(words[0]) {
			return name
		}
		return ""
	}
	// Several words must each look like part of a name ("Judge Decoding",
	// "Draft & Verify"), not a phrase of the sentence; a title opening with
	// a verb ("Accelerating NeRFs: ...") names its topic, and four plain
	// words ("Low Latency Datacenter Networking") a field.
	coined := false
	for _, w := range words {
		if w != "&" && !nameStart(w) && !nameLike(w) {
			return ""
		}
		coined = coined || nameLike(w)
	}
	if !nameLike(words[0]) && strings.HasSuffix(strings.ToLower(words[0]), "ing") || len(words) >= 4 && !coined {
		return ""
	}
	return name
}

// nameLike reports a token that can only be a coined name: inner capitals
// or digits ("MegaTrain", "T-MAC", "4DGen", "vLLM").
func nameLike(w string) bool {
	upper, lower, digit := 0, 0, 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			if i > 0 {
				upper++
			}
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		}
	}
	return upper > 0 || digit > 0 && lower+upper > 0
}

// nameStart reports a word that opens with a capital or a digit.
func nameStart(w string) bool {
	r := []rune(w)
	return len(r) > 0 && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]))
}

var (
	// introduce matches "we propose X" and "this paper presents X", with an
	// optional article and "a novel ... called/named X".
	introduce = regexp.MustCompile(`(?i:\b(?:we|this (?:paper|work)|here,? we)\s+(?:first\s+)?(?:propose|present|introduce|develop|design|build)s?)\s+` +
		`(?:(?i:a|an|the)\s+(?:[\w-]+\s+){0,6}?(?i:called|named|dubbed|termed|coined)\s+)?` +
		`([A-Z0-9][\w+.-]*(?:\s+[A-Z][\w+-]*){0,2})`)
	// isSystem matches a sentence that opens with the name: "Homa is a new
	// transport protocol".
	isSystem = regexp.MustCompile(`(?:^|[.!?]\s+)([A-Z][\w+-]*[A-Za-z0-9])\s+is\s+(?:a|an)\s+(?:new|novel)\b`)
)

func abstractMethod(abstract string) string {
	for _, m := range introduce.FindAllStringSubmatch(abstract, -1) {
		if n := cleanName(m[1]); n != "" {
			return n
		}
	}
	// "Homa is a new transport protocol": a sentence's subject introduced as
	// new is a name even without inner capitals, unless it is a pronoun.
	if m := isSystem.FindStringSubmatch(abstract); m != nil && !notMethod[strings.ToLower(m[1])] &&
		!commonAcronyms[m[1]] && !pronouns[strings.ToLower(m[1])] {
		return m[1]
	}
	return ""
}

var pronouns = map[string]bool{"this": true, "it": true, "there": true, "that": true, "which": true, "ours": true, "here": true}

// commonAcronyms look coined but name hardware or a field, not a method.
var commonAcronyms = map[string]bool{
	"GPU": true, "GPUs": true, "CPU": true, "CPUs": true, "LLM": true, "LLMs": true, "DNN": true, "DNNs": true,
	"NPU": true, "TPU": true, "FPGA": true, "FPGAs": true, "AI": true, "ML": true, "HPC": true, "CNN": true,
	"MoE": true, "RAG": true, "NeRF": true, "NeRFs": true, "SLAM": true, "MPI": true, "CUDA": true,
}

// cleanName keeps a candidate that is a coined name: its first word must
// look like one ("MegaTrain", "T-MAC"), which ordinary sentence words after
// "we present" ("A", "Extensive", "Our") do not; "OPMASK-based" describes.
func cleanName(s string) string {
	s = strings.TrimRight(s, ".,;:-")
	words := strings.Fields(s)
	if len(words) == 0 || !nameLike(words[0]) || commonAcronyms[words[0]] {
		return ""
	}
	for _, suffix := range []string{"-based", "-like", "-style", "-aware", "-driven", "-enabled"} {
		if strings.HasSuffix(strings.ToLower(words[0]), suffix) {
			return ""
		}
	}
	out := []string{words[0]}
	for _, w := range words[1:] {
		if !nameLike(w) {
			break
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
