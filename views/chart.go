package views

import (
	"fmt"
	"math"
)

// ChartPoint is one value to chart.
type ChartPoint struct {
	Label string
	Value float64
	Text  string // the value formatted for people
	URL   string
}

// Chart geometry, in SVG user units. Each row has its label above its bar,
// so labels get the full width and the text can be enlarged on phones (the
// stylesheet does) without overlapping; the value stands right of the bar in
// room kept for the longest unit ("502 PFLOPS", "2.36–8.02 ×").
const (
	chartWidth  = 600
	chartRowH   = 52
	chartGap    = 6
	chartValueW = 170
	// chartLabelRunes fits a label in the width at the phone font size
	// (static/style.css: 21 units, about 11.5 px at 375 px).
	chartLabelRunes = 48
)

// NewChart lays out a bar chart of points. It switches to a log scale when the
// values span more than two orders of magnitude, so small bars stay visible.
func NewChart(title, unit string, points []ChartPoint) Chart {
	c := Chart{Title: title, Width: chartWidth}
	var lo, hi float64
	for i, p := range points {
		if i == 0 || p.Value < lo {
			lo = p.Value
		}
		if i == 0 || p.Value > hi {
			hi = p.Value
		}
	}
	c.Log = lo > 0 && hi/lo > 100
	barSpace := float64(chartWidth - chartValueW)
	scale := func(v float64) float64 {
		if hi <= 0 || v <= 0 {
			return 0
		}
		if c.Log {
			// Map [lo/10, hi] logarithmically so the smallest bar is still a bar.
			return math.Log10(v/(lo/10)) / math.Log10(hi/(lo/10))
		}
		return v / hi
	}
	for i, p := range points {
		w := int(math.Round(scale(p.Value) * barSpace))
		if w < 1 && p.Value > 0 {
			w = 1
		}
		c.Bars = append(c.Bars, Bar{
			Label: clipRunes(p.Label, chartLabelRunes), Value: p.Text, URL: p.URL,
			Y: i * chartRowH, Width: w, TextX: w + 8,
		})
	}
	c.Height = len(points)*chartRowH + chartGap
	scaleWord := "linear"
	if c.Log {
		scaleWord = "logarithmic"
	}
	c.Desc = fmt.Sprintf("Bar chart of the top %d values in %s on a %s scale.", len(points), unit, scaleWord)
	if len(points) > 0 {
		c.Desc += fmt.Sprintf(" Highest: %s (%s); lowest shown: %s (%s).",
			points[0].Text, points[0].Label, points[len(points)-1].Text, points[len(points)-1].Label)
	}
	return c
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
