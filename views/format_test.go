package views

import "testing"

func TestValueFormatting(t *testing.T) {
	hi := 8.02
	cases := []struct {
		v    float64
		high *float64
		unit string
		want string
	}{
		{277, nil, "FPS", "277 FPS"},
		{1234567, nil, "tokens", "1,234,567 tokens"},
		{2.36, &hi, "x", "2.36–8.02x"},
		{93.1, nil, "%", "93.1%"},
		{1.2e11, nil, "params", "120B params"},
		{13e9, nil, "params", "13B params"},
		{0.333333333, nil, "s", "0.333 s"},
		{1e21, nil, "", "1,000,000,000,000,000,000,000"},
		{-1500, nil, "", "-1,500"},
		{12, nil, "", "12"},
	}
	for _, tc := range cases {
		if got := Value(tc.v, tc.high, tc.unit); got != tc.want {
			t.Errorf("Value(%v, %v, %q) = %q, want %q", tc.v, tc.high, tc.unit, got, tc.want)
		}
	}
}

func TestChartUsesLogScaleBeyondTwoOrders(t *testing.T) {
	lin := NewChart("t", "FPS", []ChartPoint{{Label: "a", Value: 100}, {Label: "b", Value: 50}, {Label: "c", Value: 1.5}})
	if lin.Log || lin.Bars[1].Width*2 != lin.Bars[0].Width {
		t.Fatalf("linear chart: log=%v widths %d %d", lin.Log, lin.Bars[0].Width, lin.Bars[1].Width)
	}
	log := NewChart("t", "x", []ChartPoint{{Label: "a", Value: 1000}, {Label: "b", Value: 2}})
	if !log.Log || log.Bars[1].Width < 20 || log.Bars[1].Width >= log.Bars[0].Width {
		t.Fatalf("log chart: log=%v widths %d %d", log.Log, log.Bars[0].Width, log.Bars[1].Width)
	}
	if empty := NewChart("t", "x", nil); len(empty.Bars) != 0 {
		t.Fatal("bars from no points")
	}
}
