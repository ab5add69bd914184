package extract

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestRespectivelySubjects maps listed nouns onto listed figures, before
// or after the figures, with parenthesised companions sharing them.
func TestRespectivelySubjects(t *testing.T) {
	got := Extract("Our method reduces the communication volume and overhead by up to 22.89x and 27.21x (on average 8.69x and 11.60x), respectively.")
	want := []string{"communication volume", "overhead", "communication volume", "overhead"}
	if len(got) != len(want) {
		t.Fatalf("got %s", dump(got))
	}
	for i, c := range got {
		if c.Subject != want[i] {
			t.Errorf("claim %d subject %q, want %q", i, c.Subject, want[i])
		}
	}
}

func TestRules(t *testing.T) { runRuleCases(t, append(ruleCases, ruleCasesMore...)) }

func runRuleCases(t *testing.T, cases []struct {
	name string
	in   string
	want []w
}) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.in)
			checkInvariants(t, tc.in, got)
			if len(got) != len(tc.want) {
				t.Fatalf("%q:\n got %d claims %s\nwant %d", tc.in, len(got), dump(got), len(tc.want))
			}
			for i, wt := range tc.want {
				g := got[i]
				hi := 0.0
				if g.ValueHigh != nil {
					hi = *g.ValueHigh
				}
				if g.Metric != wt.metric || !near(g.Value, wt.v) || !near(hi, wt.hi) || g.Unit != wt.unit ||
					g.Qualifier != wt.qual || g.Hardware != wt.hw || g.HardwareCount != wt.n {
					t.Errorf("%q claim %d:\n got %s\nwant %+v", tc.in, i, dump(got[i:i+1]), wt)
				}
				if wt.bl != "*" && (wt.bl == "" && g.Baseline != "" || wt.bl != "" && !strings.Contains(g.Baseline, wt.bl)) {
					t.Errorf("%q claim %d: baseline %q, want %q", tc.in, i, g.Baseline, wt.bl)
				}
				if g.Hardware != "" {
					if _, ok := LookupHardware(g.Hardware); !ok {
						t.Errorf("LookupHardware(%q) failed", g.Hardware)
					}
				}
			}
		})
	}
}

func near(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func dump(cs []Claim) string {
	var b strings.Builder
	for _, c := range cs {
		hi := ""
		if c.ValueHigh != nil {
			hi = "-" + ftoa(*c.ValueHigh)
		}
		b.WriteString("\n   {" + c.Metric + " " + ftoa(c.Value) + hi + " " + c.Unit + " q=" + c.Qualifier + " hw=" + c.Hardware +
			" n=" + ftoa(float64(c.HardwareCount)) + " bl=" + c.Baseline + " text=" + c.Text + "}")
	}
	return b.String()
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// checkInvariants is the contract the app relies on, shared with the fuzz target.
func checkInvariants(t *testing.T, in string, cs []Claim) {
	t.Helper()
	for i, c := range cs {
		if c.Start < 0 || c.End > len(in) || c.Start > c.End {
			t.Fatalf("claim %d: offsets [%d,%d) out of range %d", i, c.Start, c.End, len(in))
		}
		if in[c.Start:c.End] != c.Evidence {
			t.Fatalf("claim %d: evidence %q != input[%d:%d] %q", i, c.Evidence, c.Start, c.End, in[c.Start:c.End])
		}
		if c.Text == "" || !strings.Contains(c.Evidence, c.Text) {
			t.Fatalf("claim %d: text %q not in evidence %q", i, c.Text, c.Evidence)
		}
		if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
			t.Fatalf("claim %d: value %v", i, c.Value)
		}
		if c.ValueHigh != nil && (math.IsNaN(*c.ValueHigh) || math.IsInf(*c.ValueHigh, 0)) {
			t.Fatalf("claim %d: value_high %v", i, *c.ValueHigh)
		}
		if c.Confidence < 0 || c.Confidence > 1 {
			t.Fatalf("claim %d: confidence %v", i, c.Confidence)
		}
		if _, ok := LookupMetric(c.Metric); !ok {
			t.Fatalf("claim %d: metric %q not in vocabulary", i, c.Metric)
		}
		if c.Hardware != "" {
			if _, ok := LookupHardware(c.Hardware); !ok {
				t.Fatalf("claim %d: hardware %q unknown to LookupHardware", i, c.Hardware)
			}
		}
	}
}
