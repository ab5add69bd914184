package views

import "strconv"

// KeyChip is one comparability key of a claim, shown beside its value:
// "precision FP16", "4K".
type KeyChip struct {
	Key   string // the filter parameter: precision, resolution, ...
	Label string // "precision"
	Text  string // "FP16"
}

// KeyNotice says that the rows on screen differ in one key, with a link per
// value to the same view narrowed to it.
type KeyNotice struct {
	Key      string // the filter parameter
	Label    string // "resolution"
	Values   []KeyCount
	Unstated int // rows that do not state the key
}

// KeyCount is one value of a key among the rows on screen.
type KeyCount struct {
	Text  string // "4K"
	Count int
	URL   string // the view with this value's filter added
}

// after is what follows value i in the notice's sentence: a comma, or after
// the last the rows that state nothing and the full stop.
func (n KeyNotice) after(i int) string {
	if i < len(n.Values)-1 {
		return ","
	}
	if n.Unstated > 0 {
		return "; not stated (" + strconv.Itoa(n.Unstated) + ")."
	}
	return "."
}
