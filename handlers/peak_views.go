package handlers

import (
	"strconv"
	"strings"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// peakView shapes a claim's comparison with its device's peak for a page.
func peakView(p *models.PeakComparison) *views.PeakView {
	if p == nil {
		return nil
	}
	v := &views.PeakView{
		Percent: strconv.FormatFloat(p.Percent, 'f', 0, 64) + "%", Source: p.Source(),
		SourceURL: safeURL(p.SourceURL), Assumed: p.Assumed, Above: p.Above, Reason: p.Reason,
		Of: "peak", Exceeds: "exceeds the device's dense peak",
	}
	if p.Bandwidth {
		v.Of, v.Exceeds = "memory bandwidth", "exceeds the device's memory bandwidth"
	}
	return v
}

// specViews shapes a device's spec rows for its page.
func specViews(specs []models.HardwareSpec) []views.SpecView {
	out := make([]views.SpecView, 0, len(specs))
	for _, s := range specs {
		out = append(out, views.SpecView{
			Device: s.Device, FP32: figure(s.FP32TFLOPS), TF32: figure(s.TF32TFLOPSDense),
			FP16: figure(s.FP16BF16TFLOPSDense), FP8: figure(s.FP8TFLOPSDense), INT8: figure(s.INT8TOPSDense),
			Memory: figure(s.MemoryGB), Bandwidth: figure(s.BandwidthGBs), Sparse: s.SparseQuoted,
			SourceURL: safeURL(s.SourceURL), Verified: s.Verified, Notes: s.Notes,
		})
	}
	return out
}

func figure(v *float64) string {
	if v == nil {
		return "—"
	}
	return views.Number(*v)
}

// safeURL passes only http and https links from data to a page.
func safeURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}
