package extract

import (
	"slices"
	"testing"
)

func TestHardwareByAlias(t *testing.T) {
	for q, want := range map[string]string{
		"rtx3090": "nvidia-rtx-3090", "RTX-3090": "nvidia-rtx-3090", "NVIDIA RTX 3090": "nvidia-rtx-3090",
		"ga100": "nvidia-a100", "A100": "nvidia-a100",
	} {
		if got := HardwareByAlias(q); !slices.Contains(got, want) {
			t.Errorf("HardwareByAlias(%q) = %v, want %s among them", q, got, want)
		}
	}
	if got := HardwareByAlias("gaussian"); len(got) != 0 {
		t.Errorf("HardwareByAlias(gaussian) = %v", got)
	}
}
