package extract

// Extract returns every quantitative claim in abstract, in order of appearance.
// It never panics; each claim's Evidence is abstract[Start:End].
func Extract(abstract string) []Claim {
	return nil
}

// Hardware describes a device of the gazetteer.
type Hardware struct {
	Name   string // canonical: "NVIDIA V100"
	Vendor string // "NVIDIA"
	Family string // "Volta", "Instinct", "TPU", "Supercomputer"
	Slug   string // "nvidia-v100"
}

// LookupHardware returns the gazetteer entry for a canonical hardware name.
func LookupHardware(name string) (Hardware, bool) {
	return Hardware{}, false
}
