package extract

import (
	"math"
	"strconv"
	"strings"
)

type unitKind uint8

const (
	ukNone unitKind = iota
	ukFactor
	ukOOM // orders of magnitude: value is the exponent until resolved
	ukFPS
	ukTFLOPS
	ukPFLOPS
	ukPct
	ukPP
	ukTokens
	ukTokPerS
	ukParams
	ukTime
	ukGB
	ukDB
	ukOther
	ukBandwidth  // GB/s
	ukThroughput // items/s; label names the item
	ukPower      // W
	ukEnergy     // J
	ukNonClaim   // a unit that is never a result: bits, degrees, resolution...
)

// unitDef says what a unit spelling measures and how to scale it to the
// vocabulary's unit (seconds, GB, TFLOPS, PFLOPS).
type unitDef struct {
	kind   unitKind
	scale  float64
	perGPU bool
	label  string // for ukOther and ukThroughput
	per    string // "sample" in "uJ/sample"
	count  bool   // ukOther: a count of things ("1.6 trillion atoms")
}

func isWordOnly(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) && w[i] != '-' {
			return false
		}
	}
	return w != ""
}

var unitTable = map[string]unitDef{}

func init() {
	set := func(d unitDef, names ...string) {
		if d.scale == 0 {
			d.scale = 1
		}
		for _, n := range names {
			unitTable[n] = d
		}
	}
	set(unitDef{kind: ukFactor}, "x", "times", "fold", "-fold", "×")
	set(unitDef{kind: ukOOM}, "oom", "ooms")
	set(unitDef{kind: ukFPS}, "fps", "hz", "frame/s", "frames/s", "f/s", "frames/sec", "frame/sec", "frames/second")
	set(unitDef{kind: ukTFLOPS}, "tflops", "tflop/s", "tflop", "tf", "tf/s", "teraflops", "teraflop/s", "teraflop", "tflops/s")
	set(unitDef{kind: ukTFLOPS, perGPU: true}, "tflops/gpu", "tflop/s/gpu", "tf/gpu", "teraflops/gpu", "tflops/device", "tflops/accelerator")
	set(unitDef{kind: ukTFLOPS, scale: 0.001}, "gflops", "gflop/s", "gigaflops", "gflop", "gigaflop/s")
	set(unitDef{kind: ukPFLOPS}, "pflops", "pflop/s", "pflop", "pf", "petaflops", "petaflop/s", "petaflop", "pf/s")
	set(unitDef{kind: ukPFLOPS, scale: 1000}, "eflops", "eflop/s", "exaflops", "exaflop/s", "exaflop", "ef", "ef/s")
	set(unitDef{kind: ukPct}, "%", "percent", "per-cent")
	set(unitDef{kind: ukPP}, "pp", "p.p", "pts", "points", "point")
	set(unitDef{kind: ukTokens}, "tokens", "token")
	set(unitDef{kind: ukTokens, label: "context"}, "context", "-context", "context-length")
	set(unitDef{kind: ukTokPerS}, "tokens/s", "token/s", "tokens/sec", "tok/s", "tokens/second", "toks/s")
	set(unitDef{kind: ukParams}, "parameters", "parameter", "params", "param")
	set(unitDef{kind: ukTime}, "s", "sec", "secs", "second", "seconds")
	set(unitDef{kind: ukTime, scale: 1e-3}, "ms", "msec", "millisecond", "milliseconds")
	set(unitDef{kind: ukTime, scale: 1e-6}, "us", "microsecond", "microseconds")
	set(unitDef{kind: ukTime, scale: 1e-9}, "ns", "nanosecond", "nanoseconds")
	set(unitDef{kind: ukTime, scale: 60}, "min", "mins", "minute", "minutes")
	set(unitDef{kind: ukTime, scale: 3600}, "h", "hr", "hrs", "hour", "hours")
	set(unitDef{kind: ukTime, scale: 86400}, "day", "days", "gpu-days", "gpu-hours")
	set(unitDef{kind: ukTime, scale: 604800}, "week", "weeks")
	set(unitDef{kind: ukGB}, "gb", "gib", "gbytes", "gigabytes")
	set(unitDef{kind: ukGB, scale: 1e-3}, "mb", "mib", "megabytes")
	set(unitDef{kind: ukGB, scale: 1e3}, "tb", "tib", "terabytes")
	set(unitDef{kind: ukGB, scale: 1e-6}, "kb", "kib")
	set(unitDef{kind: ukDB}, "db")
	// Bytes per second; bits are divided by 8. Exact case first: "Gb/s" is
	// bits, "GB/s" bytes; lower-case spellings are read as bytes.
	set(unitDef{kind: ukBandwidth}, "GB/s", "gb/s", "gbytes/s", "gib/s", "gb/sec", "GB/sec")
	set(unitDef{kind: ukBandwidth, scale: 1e-3}, "MB/s", "mb/s", "mib/s", "MB/sec")
	set(unitDef{kind: ukBandwidth, scale: 1e3}, "TB/s", "tb/s", "tib/s")
	set(unitDef{kind: ukBandwidth, scale: 0.125}, "Gb/s", "gbps", "Gbps", "gbit/s", "Gbit/s", "gbits/s")
	set(unitDef{kind: ukBandwidth, scale: 125}, "Tb/s", "tbps", "Tbps", "tbit/s", "Tbit/s")
	set(unitDef{kind: ukBandwidth, scale: 1.25e-4}, "Mb/s", "mbps", "Mbps", "mbit/s", "Mbit/s")
	set(unitDef{kind: ukThroughput, label: "images/s"}, "images/s", "img/s", "imgs/s", "images/sec")
	set(unitDef{kind: ukThroughput, label: "samples/s"}, "samples/s", "samples/sec")
	set(unitDef{kind: ukThroughput, label: "queries/s"}, "qps", "queries/s", "query/s")
	set(unitDef{kind: ukThroughput, label: "requests/s"}, "rps", "requests/s", "req/s", "reqs/s")
	set(unitDef{kind: ukThroughput, label: "iterations/s"}, "it/s", "iter/s", "iterations/s", "steps/s")
	set(unitDef{kind: ukThroughput, label: "sequences/s"}, "seq/s", "sequences/s", "seqs/s")
	set(unitDef{kind: ukThroughput, label: "ops/s"}, "ops/s", "op/s", "ops")
	set(unitDef{kind: ukThroughput, label: "ops/s", scale: 1e6}, "mops", "mop/s")
	set(unitDef{kind: ukThroughput, label: "ops/s", scale: 1e9}, "gops", "gop/s")
	set(unitDef{kind: ukThroughput, label: "ops/s", scale: 1e12}, "tops", "top/s")
	set(unitDef{kind: ukThroughput, label: "IOPS"}, "iops")
	set(unitDef{kind: ukThroughput, label: "IOPS", scale: 1e3}, "kiops")
	set(unitDef{kind: ukPower}, "W", "w", "watts", "watt")
	set(unitDef{kind: ukPower, scale: 1e-3}, "mW", "mw", "milliwatts")
	set(unitDef{kind: ukPower, scale: 1e3}, "kW", "kw", "kilowatts")
	set(unitDef{kind: ukPower, scale: 1e6}, "MW", "megawatts")
	set(unitDef{kind: ukEnergy}, "J", "joules", "joule")
	set(unitDef{kind: ukEnergy, scale: 1e3}, "kJ", "kj")
	set(unitDef{kind: ukEnergy, scale: 1e-3}, "mJ", "mj", "millijoules")
	set(unitDef{kind: ukEnergy, scale: 1e-6}, "uJ", "uj", "microjoules")
	set(unitDef{kind: ukEnergy, scale: 1e-9}, "nJ", "nj", "nanojoules")
	set(unitDef{kind: ukEnergy, scale: 1e-12}, "pJ", "pj", "picojoules")
	set(unitDef{kind: ukEnergy, scale: 1e-15}, "fJ", "fj", "femtojoules")
	set(unitDef{kind: ukEnergy, scale: 3600}, "Wh", "wh")
	set(unitDef{kind: ukEnergy, scale: 3.6e6}, "kWh", "kwh")
	// Work per energy is an efficiency, not one of the vocabulary's units.
	set(unitDef{kind: ukOther, label: "TOPS/W"}, "tops/w")
	set(unitDef{kind: ukOther, label: "GOPS/W"}, "gops/w")
	set(unitDef{kind: ukOther, label: "tokens/J"}, "tokens/j", "token/j")
	set(unitDef{kind: ukFactor}, ":1")
	set(unitDef{kind: ukNonClaim}, "bit", "bits", "degree", "degrees", "level", "layer", "layers", "d", "p",
		"st", "nd", "rd", "th", "step", "steps", "stage", "way", "shot", "gram", "channel", "head", "heads", "dim", "core", "cores", "node", "nodes", "gpu", "gpus", "gcd", "gcds")
}

// numberWords are spelled numbers; they become values only next to a unit,
// because "one" and "two" are ordinary words far more often than quantities.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "hundred": 100, "a": 1, "an": 1, "single": 1, "half": 0.5,
	"dozen": 12, "thousand": 1000,
}

var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12, "bn": 1e9, "mn": 1e6,
}

// parseLeadingNumber reads "1,234.5" or "3.5" at the start of w and returns
// the value and the rest. Leading "~", "+", ">" marks are reported.
func parseLeadingNumber(w string) (v float64, rest string, mark string, ok bool) {
	i := 0
	if len(w) > 2 && w[0] == '-' && isDigit(w[1]) && w[len(w)-1] == '%' {
		i = 1 // "-62.9%": the size of a reduction
	}
	for i < len(w) && (w[i] == '~' || w[i] == '+' || w[i] == '>' || w[i] == '<' || w[i] == '=') {
		i++
	}
	mark = w[:i]
	j := i
	var buf [48]byte
	digits := buf[:0]
	dot := false
	for j < len(w) {
		c := w[j]
		if isDigit(c) {
			digits = append(digits, c)
			j++
			continue
		}
		if c == ',' && len(digits) > 0 && j+4 <= len(w) && allDigits(w[j+1:j+4]) && (j+4 == len(w) || !isDigit(w[j+4])) {
			j++
			continue
		}
		if c == ',' && len(digits) > 0 && strings.HasPrefix(w[j:], ", 000") && (j+5 == len(w) || !isDigit(w[j+5])) {
			j += 2 // "500, 000"
			continue
		}
		if c == '.' && j+1 < len(w) && isDigit(w[j+1]) && !dot {
			dot = true
			digits = append(digits, '.')
			j++
			continue
		}
		break
	}
	if len(digits) == 0 || digits[0] == '.' && len(digits) == 1 {
		return 0, w, mark, false
	}
	if len(digits) > 40 {
		return 0, w, mark, false
	}
	f, err := strconv.ParseFloat(string(digits), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, w, mark, false
	}
	return f, w[j:], mark, true
}

// lookupUnit resolves a unit spelling, accepting a "-" joiner ("10-fold"),
// a per-device suffix ("tokens/s/GPU") and time per item ("s/iter").
func lookupUnit(u string) (unitDef, bool) {
	d, ok := lookupUnit1(u)
	if ok {
		return d, true
	}
	lu := asciiLower(u)
	for _, suf := range []string{"/gpu", "/device", "/accelerator", "/gcd", "/node"} {
		if strings.HasSuffix(lu, suf) && len(lu) > len(suf) {
			if d, ok := lookupUnit1(lu[:len(lu)-len(suf)]); ok && d.kind != ukNonClaim && d.kind != ukFactor {
				d.perGPU = true
				return d, true
			}
		}
	}
	if k := strings.IndexByte(u, '/'); k > 0 {
		if d, ok := lookupUnit1(u[:k]); ok && (d.kind == ukTime || d.kind == ukEnergy) {
			// "s/iter", "0.1 uJ/sample": a time or energy per item.
			d.per = strings.TrimPrefix(lu[k+1:], "per-")
			return d, true
		}
		// "40M lookups/s", "5K updates/s": items per second.
		if head, tail := lu[:k], lu[k+1:]; (tail == "s" || tail == "sec") && len(head) > 3 && strings.HasSuffix(head, "s") && isWordOnly(head) {
			return unitDef{kind: ukThroughput, scale: 1, label: head + "/s"}, true
		}
	}
	return unitDef{}, false
}

func lookupUnit1(u string) (unitDef, bool) {
	if d, ok := unitTable[u]; ok {
		return d, true
	}
	u = asciiLower(u)
	if d, ok := unitTable[u]; ok {
		return d, true
	}
	if strings.HasPrefix(u, "-") {
		if d, ok := unitTable[u[1:]]; ok {
			return d, true
		}
	}
	return unitDef{}, false
}
