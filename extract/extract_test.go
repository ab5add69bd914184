package extract

import (
	"strings"
	"testing"
)

// TestMilestone pins the behaviour the rest of the app was built against.
func TestMilestone(t *testing.T) {
	fps := Extract("We implement it in CUDA, achieving real-time inference rendering speeds of up to 277 FPS on an RTX 3090 GPU and 583 FPS on an RTX 4090 GPU.")
	if len(fps) != 2 {
		t.Fatalf("want 2 fps claims, got %+v", fps)
	}
	for i, want := range []struct {
		v  float64
		hw string
	}{{277, "NVIDIA RTX 3090"}, {583, "NVIDIA RTX 4090"}} {
		c := fps[i]
		if c.Metric != "fps" || c.Value != want.v || c.Hardware != want.hw || c.HardwareCount != 1 || c.Unit != "FPS" || c.Qualifier != QualUpTo {
			t.Errorf("claim %d = %+v", i, c)
		}
		if _, ok := LookupHardware(c.Hardware); !ok {
			t.Errorf("LookupHardware(%q) failed", c.Hardware)
		}
	}
	cf := Extract("Compared with tensor parallelism, our approach achieved 13.7times and 3.0times maximum batch size and sequence length respectively when scaling up to 64 NVIDIA P100 GPUs.")
	if len(cf) != 2 {
		t.Fatalf("want 2 capacity claims, got %+v", cf)
	}
	for i, v := range []float64{13.7, 3.0} {
		c := cf[i]
		if c.Metric != "capacity_factor" || c.Value != v || c.Unit != "x" || c.Hardware != "NVIDIA P100" || c.HardwareCount != 64 || c.Baseline != "tensor parallelism" {
			t.Errorf("claim %d = %+v", i, c)
		}
	}
	if cf[0].Subject != "maximum batch size" || !strings.Contains(cf[1].Subject, "sequence length") {
		t.Errorf("subjects %q, %q", cf[0].Subject, cf[1].Subject)
	}
	im := Extract("while realizing real-time rendering with a speed of 79.8 FPS for 512x512 images, on a single RTX 3090 GPU.")
	if len(im) != 1 || im[0].Value != 79.8 || im[0].Metric != "fps" || im[0].HardwareCount != 1 || im[0].Hardware != "NVIDIA RTX 3090" {
		t.Errorf("79.8 FPS: %+v", im)
	}
}
