package extract

import (
	"bufio"
	"fmt"
	"io"
	"sort"
)

// Write prints the report; with errors it lists every miss and false
// positive with its evidence so a rule change can be judged claim by claim.
func (r Report) Write(w io.Writer, errors bool) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "papers %d, gold claims %d, predicted claims %d\n", r.Papers, r.Gold, r.Predicted)
	p, rc, f := PRF(r.Strict, r.Predicted, r.Gold)
	fmt.Fprintf(bw, "strict      P=%.3f R=%.3f F1=%.3f (matched %d)\n", p, rc, f, r.Strict)
	p, rc, f = PRF(r.Value, r.Predicted, r.Gold)
	fmt.Fprintf(bw, "value-only  P=%.3f R=%.3f F1=%.3f (matched %d)\n", p, rc, f, r.Value)
	fmt.Fprintf(bw, "recall per metric (strict):\n")
	metrics := make([]string, 0, len(r.PerMetric))
	for m := range r.PerMetric {
		metrics = append(metrics, m)
	}
	sort.Strings(metrics)
	for _, m := range metrics {
		x := r.PerMetric[m]
		fmt.Fprintf(bw, "  %-20s %3d/%-3d %.3f\n", m, x.OK, x.N, x.Value())
	}
	fmt.Fprintf(bw, "on strict matches:\n")
	for _, a := range []struct {
		name string
		r    Ratio
	}{{"qualifier", r.Qualifier}, {"hardware", r.Hardware}, {"hardware_count", r.HardwareCount}, {"baseline", r.Baseline}, {"subject overlap", r.Subject}} {
		fmt.Fprintf(bw, "  %-20s %3d/%-3d %.3f\n", a.name, a.r.OK, a.r.N, a.r.Value())
	}
	for _, t := range r.MissingPredicted {
		fmt.Fprintf(bw, "warning: no prediction line for gold paper %q\n", t)
	}
	for _, t := range r.UnmatchedTitles {
		fmt.Fprintf(bw, "warning: predicted paper %q is not in the gold file\n", t)
	}
	if errors {
		for _, e := range r.Misses {
			fmt.Fprintf(bw, "MISS %s\n     %s\n", describe(e.Claim), e.Title)
		}
		for _, e := range r.FalsePositives {
			fmt.Fprintf(bw, "FP   %s\n     %s\n", describe(e.Claim), e.Title)
		}
	}
	return bw.Flush()
}

func describe(c Claim) string {
	v := fmt.Sprintf("%g", c.Value)
	if c.ValueHigh != nil {
		v += fmt.Sprintf("-%g", *c.ValueHigh)
	}
	q := ""
	if c.Qualifier != "" {
		q = " (" + c.Qualifier + ")"
	}
	return fmt.Sprintf("%s %s %s%s | %q", c.Metric, v, c.Unit, q, c.Evidence)
}
