package views

import "github.com/a-h/templ"

// FormInput is one claim field of the suggestion form, as the field table
// describes it and the user typed it: a text input, or a select of Options.
type FormInput struct {
	Name    string
	Label   string
	Hint    string
	Value   string
	Select  bool
	Options []Option
	// Rows > 0 makes a long text field a textarea of that many rows.
	Rows int
	// Suggestions are offered as the input's datalist (the known devices).
	Suggestions []string
}

// MarkedText is a text with one passage marked: Before, Marked, After.
type MarkedText struct {
	Before, Marked, After string
}

// CorrectionFormView is the form to correct a claim or report a paper's
// missing claim; Errors holds one message per field name.
type CorrectionFormView struct {
	Layout
	Action     string
	Missing    bool
	ClaimID    int64
	ClaimValue string
	PaperID    int64
	PaperTitle string
	// Abstract is the paper's abstract, the claim's current evidence marked.
	Abstract  MarkedText
	CSRF      string
	Inputs    []FormInput // the claim's fields, in the field table's order
	NotAClaim bool
	Reason    string
	Contact   string
	Errors    map[string]string
}

// FieldRow is one claim field shown side by side: now and proposed (or before
// and after in a revision).
type FieldRow struct {
	Field    string
	Current  string
	Proposed string
	Changed  bool
	// NewDevice: Proposed names no known device (shown to moderators).
	NewDevice bool
}

// CorrectionDoneView confirms a submitted suggestion.
type CorrectionDoneView struct {
	Layout
	ID  int64 // 0 when nothing was stored (a honeypot hit is not told so)
	URL string
}

// CorrectionSummary is one suggestion as the public (and moderators) see it;
// Contact is filled only for moderators.
type CorrectionSummary struct {
	ID           int64
	URL          string
	Kind         string
	Status       string
	Submitted    string
	PaperID      int64
	PaperTitle   string
	ClaimID      int64
	ClaimVersion int
	Reason       string
	Contact      string
	// ByAddressURL and ByClaimURL narrow the moderation queue to this
	// suggestion's submitting address or claim; moderators only.
	ByAddressURL string
	ByClaimURL   string
	Rows         []FieldRow
	Moderator    string
	Decided      string
	Note         string
	// NewDevice is the proposed hardware that matches no known device; the
	// moderator must confirm it to accept. Moderators only.
	NewDevice string
	// Reverted is when a moderator reverted the accepted change, and
	// ClaimNow the claim as it is now (value and status); both empty if
	// the change stands.
	Reverted string
	ClaimNow string
}

// CorrectionView is the public page of one suggestion.
type CorrectionView struct {
	Layout
	CorrectionSummary
}

// CorrectionsView lists decided suggestions publicly.
type CorrectionsView struct {
	Layout
	Items   []CorrectionSummary
	Total   int64
	PrevURL string
	NextURL string
}

// fieldErrorAttrs marks a form input invalid and points it at its message,
// when errs has one for it.
func fieldErrorAttrs(name string, errs map[string]string) templ.Attributes {
	if errs[name] == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"aria-invalid": "true", "aria-describedby": "e-" + name}
}
