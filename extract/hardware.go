package extract

import (
	"strings"
)

// Hardware describes a device of the gazetteer.
type Hardware struct {
	Name   string // canonical: "NVIDIA V100"
	Vendor string // "NVIDIA"
	Family string // "Volta", "Instinct", "TPU", "Supercomputer"
	Slug   string // "nvidia-v100"
}

// hwEntry is one gazetteer device with the spellings abstracts use for it.
type hwEntry struct {
	Hardware
	// aliases are lower-case token sequences ("rtx 3090", "a100").
	aliases [][]string
	// ambiguous names ("Summit", "L4") are also ordinary words; they count only
	// with a vendor prefix, a device noun next to them or, for supercomputers,
	// an HPC word in the same sentence.
	ambiguous bool
}

var (
	gazetteer []*hwEntry
	// byFirst indexes aliases by their first token for the scanner.
	byFirst = map[string][]hwAlias{}
	byName  = map[string]*hwEntry{}
)

type hwAlias struct {
	toks  []string
	entry *hwEntry
}

// vendorWords may precede a device name without changing which device it is.
var vendorWords = map[string]bool{
	"nvidia": true, "nvidia's": true, "amd": true, "amd's": true, "intel": true, "intel's": true,
	"google": true, "google's": true, "apple": true, "tesla": true, "geforce": true, "quadro": true,
	"instinct": true, "radeon": true, "habana": true, "cloud": true, "olcf": true, "alcf": true,
	"nersc": true, "riken": true, "llnl": true, "ornl": true, "aws": true, "amazon": true,
	"huawei": true, "cerebras": true, "graphcore": true, "xilinx": true, "amd-xilinx": true,
	"greenwaves": true, "qualcomm": true, "kepler": true, "fermi": true,
}

// deviceNouns after a name confirm it is hardware and say how it is counted.
var deviceNouns = map[string]bool{
	"gpu": true, "gpus": true, "gcd": true, "gcds": true, "tpu": true, "tpus": true,
	"accelerator": true, "accelerators": true, "card": true, "cards": true, "chip": true,
	"chips": true, "node": true, "nodes": true, "device": true, "devices": true,
	"supercomputer": true, "system": true, "systems": true, "cluster": true, "pod": true,
	"pods": true, "server": true, "servers": true, "machine": true, "machines": true,
	"npu": true, "npus": true, "ipu": true, "ipus": true, "soc": true, "socs": true,
	"fpga": true, "fpgas": true, "board": true, "boards": true, "dpu": true, "dpus": true,
}

func add(vendor, family, name string, ambiguous bool, aliases ...string) {
	e := &hwEntry{Hardware: Hardware{Name: name, Vendor: vendor, Family: family, Slug: Slug(name)}, ambiguous: ambiguous}
	seen := map[string]bool{}
	for _, a := range aliases {
		a = strings.ToLower(a)
		if seen[a] {
			continue
		}
		seen[a] = true
		e.aliases = append(e.aliases, strings.Fields(a))
	}
	gazetteer = append(gazetteer, e)
	byName[strings.ToLower(name)] = e
	for _, a := range e.aliases {
		byFirst[a[0]] = append(byFirst[a[0]], hwAlias{toks: a, entry: e})
	}
}

// Slug makes a device's URL slug: ASCII lower-case letters and digits, runs
// of anything else one dash. It is the one slugifier: the store and ingest
// use it for devices the gazetteer does not know, so every slug has the
// shape the site's routes accept, whatever the name's script.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// nv adds an NVIDIA part; the model string is both canonical suffix and alias.
func nv(family, model string, ambiguous bool, extra ...string) {
	add("NVIDIA", family, "NVIDIA "+model, ambiguous, append([]string{model}, extra...)...)
}

func init() {
	// NVIDIA datacenter parts, Kepler to Blackwell.
	for _, m := range []string{"K20", "K20X", "K40", "K80"} {
		nv("Kepler", m, false)
	}
	nv("Maxwell", "M40", true)
	nv("Maxwell", "M60", true)
	nv("Pascal", "P100", false)
	nv("Pascal", "P40", true)
	nv("Volta", "V100", false, "v100s", "v100-sxm2", "v100-pcie", "gv100")
	nv("Turing", "T4", false)
	for _, m := range []string{"A100", "A800", "A40", "A30", "A10", "A10G", "A16", "A2"} {
		extra := []string{m + " tensor core"}
		if m == "A100" {
			extra = append(extra, "ga100")
		}
		nv("Ampere", m, m != "A100" && m != "A800", extra...)
	}
	for _, m := range []string{"H100", "H800", "H200", "H20", "GH200"} {
		extra := []string{m + " tensor core"}
		if m == "H100" {
			extra = append(extra, "gh100")
		}
		nv("Hopper", m, m == "H20", extra...)
	}
	nv("Hopper", "Grace Hopper", false, "grace hopper superchip")
	for _, m := range []string{"B100", "B200", "GB200", "B300", "GB300"} {
		nv("Blackwell", m, false)
	}
	nv("Ada", "L4", true)
	nv("Ada", "L40", false)
	nv("Ada", "L40S", false)
	nv("Ada", "RTX 6000 Ada", false, "rtx 6000 ada generation")
	nv("Ampere", "RTX A6000", false, "a6000")
	nv("Ampere", "RTX A5000", false, "a5000")
	nv("Ampere", "RTX A4000", false, "a4000")
	nv("Turing", "Quadro RTX 8000", false, "rtx 8000")
	nv("Turing", "Quadro RTX 6000", false)
	// NVIDIA consumer cards.
	consumer := map[string][]string{
		"Kepler":    {"GTX 680", "GTX 780", "GTX 780 Ti", "GTX Titan"},
		"Maxwell":   {"GTX 970", "GTX 980", "GTX 980 Ti", "Titan X"},
		"Pascal":    {"GTX 1060", "GTX 1070", "GTX 1070 Ti", "GTX 1080", "GTX 1080 Ti", "Titan Xp"},
		"Volta":     {"Titan V"},
		"Turing":    {"RTX 2060", "RTX 2070", "RTX 2080", "RTX 2080 Ti", "Titan RTX", "GTX 1650", "GTX 1660", "GTX 1660 Ti"},
		"Ampere":    {"RTX 3050", "RTX 3060", "RTX 3060 Ti", "RTX 3070", "RTX 3070 Ti", "RTX 3080", "RTX 3080 Ti", "RTX 3090", "RTX 3090 Ti"},
		"Ada":       {"RTX 4060", "RTX 4060 Ti", "RTX 4070", "RTX 4070 Ti", "RTX 4080", "RTX 4090"},
		"Blackwell": {"RTX 5070", "RTX 5080", "RTX 5090"},
	}
	// Fixed order so Gazetteer() lists devices the same way on every run.
	for _, fam := range []string{"Kepler", "Maxwell", "Pascal", "Volta", "Turing", "Ampere", "Ada", "Blackwell"} {
		for _, m := range consumer[fam] {
			compact := strings.Replace(m, " ", "", 1) // "RTX3090"
			nv(fam, m, false, compact, strings.ReplaceAll(m, " ", ""), strings.Replace(m, " Ti", "Ti", 1))
		}
	}
	nv("Jetson", "Jetson AGX Orin", false, "agx orin")
	nv("Jetson", "Jetson Orin Nano", false, "orin nano")
	nv("Jetson", "Jetson AGX Xavier", false, "agx xavier")
	nv("Jetson", "Jetson Xavier NX", false, "xavier nx")
	nv("Jetson", "Jetson Orin", false)
	nv("Jetson", "Jetson Nano", false)
	nv("Jetson", "Jetson TX2", false)
	add("NVIDIA", "DGX", "NVIDIA DGX-1", false, "dgx-1", "dgx1", "dgx 1")
	add("NVIDIA", "DGX", "NVIDIA DGX-2", false, "dgx-2", "dgx2", "dgx 2", "dgx-2h")
	add("NVIDIA", "DGX", "NVIDIA DGX A100", false, "dgx a100", "dgx-a100")
	add("NVIDIA", "DGX", "NVIDIA DGX H100", false, "dgx h100", "dgx-h100")
	add("NVIDIA", "DGX", "NVIDIA DGX B200", false, "dgx b200", "dgx-b200")
	add("NVIDIA", "DGX", "NVIDIA DGX GH200", false, "dgx gh200")
	add("NVIDIA", "DGX", "NVIDIA DGX SuperPOD", false, "dgx superpod")
	add("NVIDIA", "DGX", "NVIDIA DGX Station", false, "dgx station")

	// AMD Instinct and Radeon.
	for _, m := range []string{"MI50", "MI60", "MI100", "MI200", "MI210", "MI250", "MI250X", "MI300", "MI300A", "MI300X", "MI325X", "MI355X"} {
		add("AMD", "Instinct", "AMD "+m, false, m, "instinct "+m, "mi-"+m[2:])
	}
	add("AMD", "Radeon", "AMD Radeon RX 7900 XTX", false, "rx 7900 xtx", "7900 xtx")
	add("AMD", "Radeon", "AMD Radeon RX 6900 XT", false, "rx 6900 xt")
	add("AMD", "Radeon", "AMD Radeon VII", false, "radeon vii")

	// Intel GPUs and Gaudi.
	add("Intel", "Gaudi", "Intel Gaudi", false, "gaudi", "gaudi1")
	add("Intel", "Gaudi", "Intel Gaudi2", false, "gaudi2", "gaudi 2", "gaudi-2")
	add("Intel", "Gaudi", "Intel Gaudi3", false, "gaudi3", "gaudi 3", "gaudi-3")
	add("Intel", "Xe", "Intel Data Center GPU Max 1550", false, "data center gpu max 1550", "gpu max 1550", "max 1550", "ponte vecchio", "pvc")
	add("Intel", "Xe", "Intel Arc A770", false, "arc a770")

	// Google TPUs.
	for _, v := range []string{"v2", "v3", "v4", "v5e", "v5p", "v6e"} {
		extra := []string{}
		if v == "v6e" {
			extra = append(extra, "trillium")
		}
		add("Google", "TPU", "Google TPU "+v, false, append([]string{"tpu " + v, "tpu" + v, "tpu-" + v, "tpu " + v + "s", "cloud tpu " + v}, extra...)...)
	}

	// Apple silicon: bare "M1" is too ambiguous, so a variant or "apple" is required.
	for _, g := range []string{"M1", "M2", "M3", "M4"} {
		add("Apple", "M-series", "Apple "+g, true, g)
		for _, v := range []string{"Pro", "Max", "Ultra"} {
			add("Apple", "M-series", "Apple "+g+" "+v, false, g+" "+v)
		}
	}

	// Other accelerators and processors that papers measure on.
	add("Fujitsu", "A64FX", "Fujitsu A64FX", false, "a64fx")
	add("Huawei", "Ascend", "Huawei Ascend 910", false, "ascend 910", "ascend910")
	add("Huawei", "Ascend", "Huawei Ascend 910B", false, "ascend 910b", "ascend910b")
	add("Cerebras", "Wafer-Scale", "Cerebras CS-2", false, "cs-2")
	add("Cerebras", "Wafer-Scale", "Cerebras CS-3", false, "cs-3")
	add("Graphcore", "IPU", "Graphcore IPU", false, "ipu", "ipus", "gc200")
	add("AWS", "Trainium", "AWS Trainium", false, "trainium", "trn1")
	add("AWS", "Inferentia", "AWS Inferentia2", false, "inferentia2", "inf2")

	// Older NVIDIA Tesla parts and mobile/embedded SoCs, named as papers of
	// their time do ("Tesla K20m", "Tegra K1").
	for _, m := range []string{"M2050", "M2070", "M2090", "C2050", "C2070"} {
		nv("Fermi", m, false, "tesla "+m)
	}
	add("NVIDIA", "Kepler", "NVIDIA Tesla K20m", false, "k20m", "tesla k20m")
	nv("Tegra", "Tegra K1", false)
	nv("Tegra", "Tegra X1", false)
	nv("Tegra", "Tegra X2", false)
	// Data-processing units and SmartNICs.
	for _, v := range []string{"2", "3"} {
		nv("BlueField", "BlueField-"+v, false, "bluefield "+v, "bluefield"+v)
	}

	// FPGAs: boards and parts as written ("Alveo U280", "Zynq XC7Z045",
	// "Artix-7"). Part numbers carry digits that must never become figures.
	for _, m := range []string{"U50", "U55C", "U200", "U250", "U280"} {
		add("Xilinx", "Alveo", "Xilinx Alveo "+m, false, "alveo "+m, "alveo-"+m, m+" fpga")
	}
	add("AMD", "Alveo", "AMD V80", false, "alveo v80", "v80 fpga", "v80")
	add("AMD", "Versal", "AMD Versal VCK190", false, "vck190", "versal vck190")
	for _, m := range []string{"XC7Z020", "XC7Z045", "XC7Z100"} {
		add("Xilinx", "Zynq", "Xilinx Zynq "+m, false, m, "zynq "+m, "zynq-"+m)
	}
	add("Xilinx", "Zynq", "Xilinx ZCU102", false, "zcu102")
	add("Xilinx", "Zynq", "Xilinx ZCU104", false, "zcu104")
	add("Xilinx", "Virtex", "Xilinx VU9P", false, "vu9p", "virtex vu9p")
	add("Xilinx", "Artix", "Xilinx Artix-7", false, "artix-7", "artix 7", "artix7")
	add("Xilinx", "Kintex", "Xilinx Kintex-7", false, "kintex-7", "kintex 7")
	add("Intel", "Stratix", "Intel Stratix 10", false, "stratix 10", "stratix-10")
	add("Intel", "Agilex", "Intel Agilex", false, "agilex")

	// Edge boards and microcontrollers.
	for _, v := range []string{"3", "4", "5"} {
		add("Raspberry Pi", "Raspberry Pi", "Raspberry Pi "+v, false, "raspberry pi "+v, "raspberry pi"+v, "raspberry-pi "+v)
	}
	add("GreenWaves", "GAP", "GreenWaves GAP8", false, "gap8", "gap-8")
	add("GreenWaves", "GAP", "GreenWaves GAP9", false, "gap9", "gap-9")
	add("Qualcomm", "Snapdragon", "Qualcomm Snapdragon 8 Gen 2", false, "snapdragon 8 gen 2")
	add("Qualcomm", "Snapdragon", "Qualcomm Snapdragon 8 Gen 3", false, "snapdragon 8 gen 3")

	// Named supercomputers; their names are ordinary words, hence ambiguous.
	sc := func(site, name string, extra ...string) {
		add(site, "Supercomputer", site+" "+name, true, append([]string{name}, extra...)...)
	}
	sc("OLCF", "Frontier")
	sc("OLCF", "Summit")
	sc("OLCF", "SummitDev")
	sc("OLCF", "Titan")
	sc("ALCF", "Aurora")
	sc("ALCF", "Polaris")
	sc("ALCF", "Theta")
	sc("NERSC", "Perlmutter")
	sc("RIKEN", "Fugaku")
	sc("LLNL", "Sierra")
	sc("LLNL", "Lassen")
	sc("LLNL", "El Capitan")
	sc("NVIDIA", "Selene")
	sc("NVIDIA", "Eos")
	sc("CSC", "LUMI")
	sc("CINECA", "Leonardo")
	sc("JSC", "JUWELS Booster", "juwels")
	sc("JSC", "JUPITER")
	sc("CSCS", "Piz Daint")
	sc("CSCS", "Alps")
	sc("NSCC", "Sunway TaihuLight", "taihulight")
	sc("NSCC", "Tianhe-2", "tianhe-2a")
}

// LookupHardware returns the gazetteer entry for a canonical hardware name.
// Matching ignores case so stored names survive a round trip through a
// case-folding database.
func LookupHardware(name string) (Hardware, bool) {
	e, ok := byName[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Hardware{}, false
	}
	return e.Hardware, true
}

// Gazetteer lists every known device, for the hardware table and tests.
func Gazetteer() []Hardware {
	out := make([]Hardware, len(gazetteer))
	for i, e := range gazetteer {
		out[i] = e.Hardware
	}
	return out
}

// hpcWords make a capitalised supercomputer name in the same sentence believable.
var hpcWords = []string{"supercomput", "gpus", "gcds", "nodes", "hpc", "exascale", "olcf", "alcf", "nersc", "oak ridge", "argonne", "cluster", "petaflop", "exaflop", "leadership-class", "top500"}

// hpcDocWords make an abstract one about supercomputers: a capitalised
// machine name anywhere in it is then believable.
var hpcDocWords = []string{"supercomput", "hpc", "exascale", "olcf", "alcf", "nersc", "oak ridge", "argonne", "petaflop", "exaflop", "leadership-class", "top500"}

// hpcFlag is hpcAbstract of one abstract, computed when first asked: most
// abstracts name no machine, so most never ask. A nil flag is false.
type hpcFlag struct {
	lower    string
	done, is bool
}

func (h *hpcFlag) get() bool {
	if h == nil {
		return false
	}
	if !h.done {
		h.done, h.is = true, hpcAbstract(h.lower)
	}
	return h.is
}

func hpcAbstract(lower string) bool {
	for _, w := range hpcDocWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// matchHardware tries to match a gazetteer alias at token i. It returns the
// entry and the number of tokens consumed (0 when nothing matches).
func matchHardware(toks []token, i int, sentLower string, hpcDoc *hpcFlag) (*hwEntry, int) {
	t := toks[i]
	if t.kind == tkPunct {
		return nil, 0
	}
	first := t.lw
	cands := byFirst[first]
	var best *hwEntry
	bestN := 0
	for _, a := range cands {
		n := len(a.toks)
		if i+n > len(toks) || n <= bestN {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if !sameDeviceToken(toks[i+k].lw, a.toks[k]) {
				ok = false
				break
			}
		}
		if ok {
			best, bestN = a.entry, n
		}
	}
	if k := strings.IndexByte(first, '-'); best == nil && k > 0 && len(byFirst[first[:k]]) > 0 {
		// Hyphen-joined spellings of a multi-word name: "RTX-4090", "M2-Ultra".
		best, bestN = matchJoined(toks, i)
	}
	suffixed := false
	if best == nil {
		// Suffixed spellings: "A100-80G-SXM4", "V100s", "MI250X-based".
		suffixed = true
		base := first
		if k := strings.IndexAny(base, "-_/"); k > 0 {
			base = base[:k]
		}
		for _, cand := range []string{base, strings.TrimSuffix(first, "s")} {
			for _, a := range byFirst[cand] {
				if len(a.toks) == 1 {
					best, bestN = a.entry, 1
					break
				}
			}
			if best != nil {
				break
			}
		}
	}
	if best == nil {
		return nil, 0
	}
	if best.ambiguous {
		if best.Family == "Supercomputer" {
			// Must be capitalised as written and the sentence must be about HPC.
			// "Frontier-E" names something else than the machine.
			if t.w[0] < 'A' || t.w[0] > 'Z' || suffixed && strings.ContainsAny(first, "-_/") {
				return nil, 0
			}
			// In an abstract about supercomputers the name needs no HPC word
			// of its own sentence, only not to open it ("Frontier models").
			hpc := i > 0 && hpcDoc.get()
			for _, w := range hpcWords {
				if strings.Contains(sentLower, w) {
					hpc = true
					break
				}
			}
			if !hpc {
				return nil, 0
			}
		} else {
			prevVendor := i > 0 && vendorWords[toks[i-1].lw]
			nextNoun := i+bestN < len(toks) && deviceNouns[toks[i+bestN].lw]
			if !prevVendor && !nextNoun {
				return nil, 0
			}
		}
	}
	return best, bestN
}

// sameDeviceToken accepts suffixed spellings of an alias token: "v3-512"
// for "v3" (a pod slice), "a100s" for "a100".
func sameDeviceToken(tok, want string) bool {
	return tok == want || tok == want+"s" || strings.HasPrefix(tok, want+"-")
}

// matchJoined matches an alias whose words the text joined with hyphens in
// token i ("rtx-4090" for "rtx 4090"); later alias words may follow as
// tokens of their own ("rtx-6000 ada").
func matchJoined(toks []token, i int) (*hwEntry, int) {
	parts := strings.Split(toks[i].lw, "-")
	var best *hwEntry
	bestN, bestLen := 0, 0
	for _, a := range byFirst[parts[0]] {
		if len(a.toks) < len(parts) || len(a.toks) <= bestLen {
			continue
		}
		ok := true
		for k := 1; k < len(parts) && ok; k++ {
			ok = sameDeviceToken(parts[k], a.toks[k])
		}
		rest := a.toks[len(parts):]
		if i+1+len(rest) > len(toks) {
			ok = false
		}
		for k := 0; ok && k < len(rest); k++ {
			ok = sameDeviceToken(toks[i+1+k].lw, rest[k])
		}
		if ok {
			best, bestN, bestLen = a.entry, 1+len(rest), len(a.toks)
		}
	}
	return best, bestN
}
