package models

import (
	"fmt"
	"strings"
	"unicode"
)

// HardwareSpec is one device variant's vendor peak figures (migration
// 00020, from migrations/hardware_specs.csv). Tensor figures are dense; a
// nil figure is one the vendor does not publish.
type HardwareSpec struct {
	ID                  int64
	HardwareSlug        string
	Device              string
	Vendor              string
	FP32TFLOPS          *float64 `gorm:"column:fp32_tflops"`
	TF32TFLOPSDense     *float64 `gorm:"column:tf32_tflops_dense"`
	FP16BF16TFLOPSDense *float64 `gorm:"column:fp16_bf16_tflops_dense"`
	FP8TFLOPSDense      *float64 `gorm:"column:fp8_tflops_dense"`
	INT8TOPSDense       *float64 `gorm:"column:int8_tops_dense"`
	MemoryGB            *float64 `gorm:"column:memory_gb"`
	BandwidthGBs        *float64 `gorm:"column:bandwidth_gbs"`
	SparseQuoted        bool
	SourceURL           string
	Verified            string
	Notes               string
	Position            int
}

// Flag names a claim carries; FlagAbovePeak: more than the device's dense
// peak (or, for bandwidth, its memory bandwidth).
const FlagAbovePeak = "above_peak"

// Flags are the flags the leaderboard filter (flag=) accepts.
var Flags = []string{FlagAbovePeak}

// PeakComparison is a throughput claim set against its device's dense peak.
type PeakComparison struct {
	Percent   float64 // the claim per device as a percentage of Peak
	Peak      float64 // TFLOPS, or GB/s for bandwidth
	Precision string  // "FP16/BF16", ...: the column compared with; "" for bandwidth
	// Bandwidth says the claim is set against memory bandwidth (GB/s), not
	// a FLOPS peak.
	Bandwidth bool
	// Assumed says the claim states no precision (or one the device has no
	// figure for), so the highest dense peak was used: the percentage is a
	// lower bound.
	Assumed   bool
	Device    string // the spec row, e.g. "A100 80GB SXM4"
	SourceURL string
	PerDevice float64 // TFLOPS per device, after dividing an aggregate by its count
	Above     bool    // Percent > 100
	Reason    string  // for Above: the likely reason
}

// Source says what the percentage was computed against, for CSV and pages.
func (p *PeakComparison) Source() string {
	if p.Bandwidth {
		return fmt.Sprintf("memory bandwidth %s GB/s (%s)", trimFloat(p.Peak), p.Device)
	}
	s := fmt.Sprintf("%s dense %s TFLOPS (%s)", p.Precision, trimFloat(p.Peak), p.Device)
	if p.Assumed {
		s += "; no precision stated, highest dense peak used"
	}
	return s
}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}

// precisions are the spec columns a claim can be compared with, in the
// order of the highest-peak fallback. INT8 is in TOPS, not FLOPS, so a
// FLOPS claim is compared with it only when it says INT8.
var precisions = []struct {
	label string
	words []string
	peak  func(*HardwareSpec) *float64
	float bool
}{
	{"FP8", []string{"fp8", "e4m3", "e5m2", "8 bit floating"}, func(h *HardwareSpec) *float64 { return h.FP8TFLOPSDense }, true},
	{"FP16/BF16", []string{"fp16", "bf16", "bfloat16", "half precision", "mixed precision", "float16"},
		func(h *HardwareSpec) *float64 { return h.FP16BF16TFLOPSDense }, true},
	{"TF32", []string{"tf32", "tensorfloat 32", "tensor float 32"}, func(h *HardwareSpec) *float64 { return h.TF32TFLOPSDense }, true},
	// FP32 matrix work on a device with TF32 tensor cores runs on them by
	// default in the common frameworks, so "FP32" is held to the TF32 peak
	// when that is higher.
	{"FP32", []string{"fp32", "single precision", "float32"}, func(h *HardwareSpec) *float64 {
		if h.TF32TFLOPSDense != nil && (h.FP32TFLOPS == nil || *h.TF32TFLOPSDense > *h.FP32TFLOPS) {
			return h.TF32TFLOPSDense
		}
		return h.FP32TFLOPS
	}, true},
	{"INT8", []string{"int8", "8 bit integer"}, func(h *HardwareSpec) *float64 { return h.INT8TOPSDense }, false},
}

// statedPrecision returns the index in precisions of the one precision text
// names, or -1 when it names none or several (or FP64, which the table
// lacks: such a claim is compared with nothing rather than with the wrong
// figure, see ComparePeak).
func statedPrecision(text string) (idx int, fp64 bool) {
	t := " " + wordsOnly(text) + " "
	if strings.Contains(t, " fp64 ") || strings.Contains(t, " double precision ") {
		return -1, true
	}
	idx = -1
	for i, p := range precisions {
		for _, w := range p.words {
			if strings.Contains(t, " "+w+" ") {
				if idx >= 0 && idx != i {
					return -1, false
				}
				idx = i
			}
		}
	}
	return idx, false
}

func wordsOnly(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// ComparePeak sets a tflops_per_gpu claim, or an aggregate_flops claim with
// a device count, against the dense peak of its device, or returns nil when
// there is nothing to compare with. Of several variants of a device (A100
// 40GB and 80GB, H100 SXM and PCIe) it takes the highest figure, so no claim
// is flagged because its paper used the faster variant. text is the claim's
// evidence and condition, where a precision would be stated.
func ComparePeak(metric string, value float64, count *int, text string, specs []HardwareSpec) *PeakComparison {
	if len(specs) == 0 || value <= 0 {
		return nil
	}
	perDevice := value
	switch metric {
	case "bandwidth":
		return compareBandwidth(value, count, specs)
	case "tflops_per_gpu":
	case "aggregate_flops":
		if count == nil || *count < 1 {
			return nil
		}
		perDevice = value * 1000 / float64(*count) // PFLOPS -> TFLOPS per device
	default:
		return nil
	}
	idx, fp64 := statedPrecision(text)
	if fp64 {
		return nil
	}
	best := func(p int) (float64, *HardwareSpec) {
		var peak float64
		var from *HardwareSpec
		for i := range specs {
			if v := precisions[p].peak(&specs[i]); v != nil && *v > peak {
				peak, from = *v, &specs[i]
			}
		}
		return peak, from
	}
	cmp := &PeakComparison{PerDevice: perDevice}
	var from *HardwareSpec
	if idx >= 0 {
		cmp.Peak, from = best(idx)
		cmp.Precision = precisions[idx].label
	}
	if from == nil {
		cmp.Assumed = true
		for i, p := range precisions {
			if !p.float {
				continue
			}
			if peak, f := best(i); f != nil && peak > cmp.Peak {
				cmp.Peak, from, cmp.Precision = peak, f, p.label
			}
		}
	}
	if from == nil {
		return nil
	}
	cmp.Device, cmp.SourceURL = from.Device, from.SourceURL
	cmp.Percent = perDevice / cmp.Peak * 100
	if cmp.Percent > 100 {
		cmp.Above = true
		switch {
		case from.SparseQuoted && cmp.Percent <= 205:
			cmp.Reason = "likely quoted against the 2:4-sparse peak, twice the dense one"
		case metric == "tflops_per_gpu":
			cmp.Reason = "likely a misread number, or a figure for several devices read as per device"
		default:
			cmp.Reason = "likely a misread number or device count"
		}
	}
	return cmp
}

// compareBandwidth sets a bandwidth claim against its device's memory
// bandwidth (the highest variant's). A claim naming several devices is
// divided among them, which can only lower its share: a per-device figure
// read as a total is never flagged by it.
func compareBandwidth(value float64, count *int, specs []HardwareSpec) *PeakComparison {
	perDevice := value
	if count != nil && *count > 1 {
		perDevice = value / float64(*count)
	}
	cmp := &PeakComparison{PerDevice: perDevice, Bandwidth: true}
	var from *HardwareSpec
	for i := range specs {
		if v := specs[i].BandwidthGBs; v != nil && *v > cmp.Peak {
			cmp.Peak, from = *v, &specs[i]
		}
	}
	if from == nil {
		return nil
	}
	cmp.Device, cmp.SourceURL = from.Device, from.SourceURL
	cmp.Percent = perDevice / cmp.Peak * 100
	if cmp.Percent > 100 {
		cmp.Above = true
		cmp.Reason = "likely a cache, network or multi-device figure, or a misread number"
	}
	return cmp
}
