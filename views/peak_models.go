package views

// PeakView is a throughput claim against its device's dense peak.
type PeakView struct {
	Percent   string // "32%"
	Source    string // what it was compared with, in words
	SourceURL string // the datasheet
	Assumed   bool   // no precision stated: the highest dense peak was used
	Above     bool   // exceeds the dense peak
	Reason    string // for Above: the likely reason
	// Of is what Percent is a share of ("peak", "memory bandwidth") and
	// Exceeds the badge's words when it is above 100%.
	Of, Exceeds string
}

// SpecView is one device variant's vendor figures, for the hardware page.
type SpecView struct {
	Device    string
	FP32      string
	TF32      string
	FP16      string
	FP8       string
	INT8      string
	Memory    string
	Bandwidth string
	Sparse    bool // the vendor's headline figures are 2:4 sparse
	SourceURL string
	Verified  string
	Notes     string
}
