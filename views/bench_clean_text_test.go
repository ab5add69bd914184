package views

import "testing"

// BenchmarkCleanText times the display cleaning every row's evidence goes
// through: plain text takes the shortcut, text with LaTeX residue the
// regexps. A regression of the shortcut shows as plain costing what markup does.
func BenchmarkCleanText(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"plain", "Our system renders at up to 277 FPS on an RTX 3090 GPU, a 4.2× speedup over the baseline renderer."},
		{"markup", `Our system renders at up to $277$ FPS on an RTX 3090 GPU, a $4.2\times$ speedup over the baseline renderer.`},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				CleanText(c.text)
			}
		})
	}
}
