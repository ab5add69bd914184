package extract_test

import (
	"fmt"

	"github.com/claimboard/claimboard/extract"
)

func ExampleExtract() {
	abstract := "Compared with tensor parallelism, our approach achieved 13.7times and 3.0times " +
		"maximum batch size and sequence length respectively when scaling up to 64 NVIDIA P100 GPUs."
	for _, c := range extract.Extract(abstract) {
		hw, _ := extract.LookupHardware(c.Hardware)
		fmt.Printf("%s %g%s (%s) on %d x %s [%s], vs %s, text %q\n",
			c.Metric, c.Value, c.Unit, c.Subject, c.HardwareCount, c.Hardware, hw.Slug, c.Baseline, c.Text)
	}
	// Output:
	// capacity_factor 13.7x (maximum batch size) on 64 x NVIDIA P100 [nvidia-p100], vs tensor parallelism, text "13.7times"
	// capacity_factor 3x (maximum sequence length) on 64 x NVIDIA P100 [nvidia-p100], vs tensor parallelism, text "3.0times"
}
