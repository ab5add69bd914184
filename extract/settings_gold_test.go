package extract

import (
	"os"
	"sort"
	"strconv"
	"testing"
)

// conditionKeys are the settings each gold condition states, labelled by hand
// from the condition text alone. A key with "" states a setting that has no
// single value in the vocabulary ("mixed precision", two datasets, a range):
// the reader must leave it empty. Conditions not listed state no key.
var conditionKeys = map[string]map[string]string{
	// dev
	"1 trillion parameter model":                        {"model_size": "1000"},
	"20B GPT model; up to 384 GCDs":                     {"model_size": "20"},
	"512x512 images":                                    {"resolution": "512x512"},
	"4K resolution, in Unreal Engine 4":                 {"resolution": "4K"},
	"~500-billion parameter models (PALM, MT-NLG)":      {"model_size": "500"},
	"4K resolution; multi res. hashgrid encoding":       {"resolution": "4K"},
	"8K resolution; multi res. hashgrid encoding":       {"resolution": "8K"},
	"ResNet-50 SlowFast on Kinetics-400; same hardware": {"dataset": "Kinetics-400"},
	"ResNet-50 SlowFast on Kinetics-400":                {"dataset": "Kinetics-400"},
	"Llama 2-70B":                                       {"model_size": "70"},
	"70B-scale models":                                  {"model_size": "70"},
	// arxiv
	"LLaMA-2-7B, W2A4KV4":       {"model_size": "7", "precision": ""},
	"batch size 8, SpecBench":   {"batch_size": "8", "dataset": "SpecBench"},
	"TPC-H":                     {"dataset": "TPC-H"},
	"SIFT1B and DEEP1B traces":  {"dataset": ""},
	"SIFT1M":                    {"dataset": "SIFT1M"},
	"DeepSeek-V3-685B":          {"model_size": "685"},
	"Qwen3-235B":                {"model_size": "235"},
	"OLMoE-1B-7B via llama.cpp": {"model_size": "7"},
	"OLMoE-1B-7B":               {"model_size": "7"},
	"LLaMA-7B":                  {"model_size": "7"},
	"Llama 2-7B target, JackFram 68M draft, three benchmarks":          {"model_size": "7"},
	"Python-Code-23k-ShareGPT and ShareGPT_Vicuna_unfiltered datasets": {"dataset": ""},
	"batch sizes < 32, quantization group size 128":                    {"batch_size": ""},
	"Llama 8B":                                                  {"model_size": "8"},
	"Llama 8B, single 8xH100 node":                              {"model_size": "8"},
	"Llama 8B, 4 node cluster":                                  {"model_size": "8"},
	"32K context length, high-fidelity simulation":              {"seq_len": "32768"},
	"128K context length, high-fidelity simulation":             {"seq_len": "131072"},
	"100-billion-parameter LLM, over 1,000 heterogeneous chips": {"model_size": "100"},
	"25 ML workloads from TorchBench, HuggingFace, and TIMM":    {"dataset": ""},
	"mixed-precision arithmetic and Intel AMX":                  {"precision": ""},
	"14B models":                             {"model_size": "14"},
	"7B model":                               {"model_size": "7"},
	"32B models":                             {"model_size": "32"},
	"Wan; nearly no quality loss on VBench":  {"dataset": "VBench"},
	"int4 k-quant variant; eight benchmarks": {"precision": "int4"},
	"CPU only; int4 k-quant variant":         {"precision": "int4"},
	"SH degree 1 to 0; NeRF Synthetic Lego; Apple M4 laptop": {"dataset": "NeRF Synthetic"},
	"MSCOCO-2017 5K; Stable Diffusion-V1.5 teacher":          {"dataset": "COCO"},
	"nuScenes":         {"dataset": "nuScenes"},
	"Occ3D-nuScenes":   {"dataset": "Occ3D-nuScenes"},
	"MNIST":            {"dataset": "MNIST"},
	"MNIST; per image": {"dataset": "MNIST"},
	"7W power budget; 1,024-token contexts; edge FPGA": {"seq_len": "1024"},
	"64–128 token prompts; 7W power budget":            {"seq_len": ""},
	"ImageNet, HAM10000, Stanford Cars, CelebA-HQ":     {"dataset": ""},
	"MXINT4 weights; edge DRAM bandwidth constraints":  {"precision": "int4"},
	"1.3B LLM; long-input scenario":                    {"model_size": "1.3"},
	"1.3B LLM; long-output scenario":                   {"model_size": "1.3"},
	"speech recognition transformers; Librispeech":     {"dataset": "LibriSpeech"},
	"Librispeech": {"dataset": "LibriSpeech"},
	"3-bit KV cache quantization; Wikitext-2 and C4": {"precision": "", "dataset": ""},
	"single precision": {"precision": "fp32"},
	"single precision, Clover-Wilson Dirac matrix with SAP domain decomposition preconditioning": {"precision": "fp32"},
	"single precision peak":                                               {"precision": "fp32"},
	"binary precision; per operation":                                     {"precision": ""},
	"ternary precision; per operation":                                    {"precision": ""},
	"8-bit precision; per operation":                                      {"precision": "int8"},
	"binary precision":                                                    {"precision": ""},
	"ternary precision":                                                   {"precision": ""},
	"8-bit precision":                                                     {"precision": "int8"},
	"post-training FP16 quantization on a GPU":                            {"precision": "fp16"},
	"full HD resolution":                                                  {"resolution": "1080p"},
	"DistilBERT sentiment analysis on IMDb; same cost":                    {"dataset": "IMDb"},
	"EuRoC dataset":                                                       {"dataset": "EuRoC"},
	"TUM-VI dataset":                                                      {"dataset": "TUM-VI"},
	"Mip-NeRF 360, Tanks&Temples, and Deep Blending scenes":               {"dataset": ""},
	"TurboSparse-Mixtral-47B on a smartphone":                             {"model_size": "47"},
	"BitNet-b1.58-3B; single core":                                        {"model_size": "3"},
	"BitNet-b1.58-3B; eight cores":                                        {"model_size": "3"},
	"BitNet-b1.58-3B":                                                     {"model_size": "3"},
	"customized Qwen 3 1.7B model":                                        {"model_size": "1.7"},
	"1-billion-parameter on-device model":                                 {"model_size": "1"},
	"6 ms audio chunks in real time; mixed-precision QAT model":           {"precision": ""},
	"socket-to-socket comparison; performance tuning and mixed precision": {"precision": ""},
}

func settingValue(s Settings, key string) string {
	switch key {
	case "precision":
		return s.Precision
	case "batch_size":
		return itoaZero(s.BatchSize)
	case "resolution":
		return s.Resolution
	case "seq_len":
		return itoaZero(s.SeqLen)
	case "model_size":
		if s.ModelSize == 0 {
			return ""
		}
		return strconv.FormatFloat(s.ModelSize, 'f', -1, 64)
	case "dataset":
		return s.Dataset
	}
	panic(key)
}

func itoaZero(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// TestSettingsAgreeWithGoldConditions reads the keys of every gold claim the
// extractor finds and compares them with what the gold condition states.
//
//	go test ./extract -run TestSettingsAgreeWithGoldConditions -v
func TestSettingsAgreeWithGoldConditions(t *testing.T) {
	agree, stated, unmatched := 0, 0, 0
	devAgree, devAll := 0, 0
	perKey := map[string][2]int{}
	used := map[string]bool{}
	for _, set := range []string{"dev", "arxiv"} {
		corpus := readCorpusFile(t, "testdata/"+set+"-corpus.jsonl")
		gold := readGoldFile(t, "testdata/"+set+"-gold.jsonl")
		byTitle := map[string][]Claim{}
		for _, p := range corpus {
			byTitle[NormTitle(p.Title)] = Extract(p.Abstract)
		}
		for _, g := range gold {
			pred := byTitle[NormTitle(g.Title)]
			m := match(g.Claims, pred, strictMatch)
			for gi, gc := range g.Claims {
				if m[gi] >= 0 {
					// The device count is the extractor's HardwareCount.
					devAll++
					if pred[m[gi]].HardwareCount == gc.HardwareCount {
						devAgree++
					}
				}
				keys, ok := conditionKeys[gc.Condition]
				if !ok {
					continue
				}
				used[gc.Condition] = true
				if m[gi] < 0 {
					unmatched++
					continue
				}
				got := pred[m[gi]].Settings
				for _, k := range sortedKeys(keys) {
					want := keys[k]
					stated++
					c := perKey[k]
					c[1]++
					if settingValue(got, k) == want {
						agree++
						c[0]++
					} else {
						t.Logf("%s %q: %s = %q, condition %q says %q", set, g.Title, k, settingValue(got, k), gc.Condition, want)
					}
					perKey[k] = c
				}
			}
		}
	}
	for c := range conditionKeys {
		if !used[c] {
			t.Errorf("label for a condition no gold claim has: %q", c)
		}
	}
	for _, k := range sortedKeys(perKey) {
		t.Logf("%-10s %d/%d", k, perKey[k][0], perKey[k][1])
	}
	t.Logf("devices (hardware_count) %d/%d of matched gold claims", devAgree, devAll)
	t.Logf("agreement %d/%d = %.3f (%d labelled gold claims not found by the extractor)", agree, stated, float64(agree)/float64(stated), unmatched)
	if float64(agree) < 0.85*float64(stated) {
		t.Errorf("agreement %d/%d below 0.85", agree, stated)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func readCorpusFile(t *testing.T, name string) []Paper {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := ReadCorpus(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func readGoldFile(t *testing.T, name string) []PaperClaims {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := ReadPaperClaims(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}
