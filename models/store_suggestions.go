package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Correction kinds and statuses, as in the corrections table.
const (
	KindChange         = "change"
	KindNotAClaim      = "not_a_claim"
	KindMissing        = "missing"
	CorrectionPending  = "pending"
	CorrectionAccepted = "accepted"
	CorrectionRejected = "rejected"
)

// Submission limits: a suggestion is short, and one address may not flood the queue.
const (
	MaxReasonLen      = 1000
	MaxFieldLen       = 200
	MaxEvidenceLen    = 1000
	MaxContactLen     = 254
	MaxNoteLen        = 1000
	SubmissionWindow  = time.Hour
	SubmissionsPerIP  = 10
	maxHardwareCount  = 1000000
	pendingQueueLimit = 200
)

// SuggestionForm is a suggestion as typed into the form: every field a string,
// so a form with errors can be shown again exactly as the user left it. The
// claim's fields are ClaimFieldTable's suggestable rows, which read and set
// them (ClaimField.FormText, SetFormText): the core ones here by name, the
// added ones in added, keyed by the row's name; the rest is the suggestion's own.
type SuggestionForm struct {
	Value, ValueHigh, Unit, Metric, Qualifier, Hardware, HardwareCount string
	Baseline, Subject, Condition, Evidence                             string
	NotAClaim                                                          bool
	Reason, Contact                                                    string
	added                                                              map[string]string // copied on each set, so copies never share a change
}

// InvalidFields is a failed validation with a message per form field. It
// unwraps to an EInvalid error so ErrorCode sees it as the user's mistake.
type InvalidFields map[string]string

func (e InvalidFields) Error() string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+e[k])
	}
	return "invalid suggestion: " + strings.Join(parts, "; ")
}

// Unwrap makes InvalidFields an EInvalid domain error.
func (e InvalidFields) Unwrap() error { return &Error{Code: EInvalid, Message: e.Error()} }

// NewSuggestion is what SubmitCorrection stores: a form for a claim (ClaimID)
// or for a paper's missing claim (PaperID), and who sent it, pseudonymously.
type NewSuggestion struct {
	ClaimID         int64
	PaperID         int64
	Form            SuggestionForm
	SubmitterIPHash string
}

// SubmissionWait returns how long an address must wait before it may submit
// again, or 0. It counts stored suggestions, so it holds across processes.
func (s *Store) SubmissionWait(ctx context.Context, ipHash string, now time.Time) (time.Duration, error) {
	var times []time.Time
	err := s.db.WithContext(ctx).Model(&Correction{}).
		Where("submitter_ip_hash = ? AND created_at > ?", ipHash, now.UTC().Add(-SubmissionWindow)).
		Order("created_at DESC").Limit(SubmissionsPerIP).Pluck("created_at", &times).Error
	if err != nil {
		return 0, fmt.Errorf("store: count submissions: %w", err)
	}
	if len(times) < SubmissionsPerIP {
		return 0, nil
	}
	return max(times[len(times)-1].Add(SubmissionWindow).Sub(now), time.Second), nil
}

// SubmitCorrection validates a suggestion against the vocabulary and the
// paper's abstract and stores it as pending. Validation failures come back
// as InvalidFields; an address over its limit gets a *LimitError.
func (s *Store) SubmitCorrection(ctx context.Context, in NewSuggestion) (*Correction, error) {
	c := Correction{Status: CorrectionPending, SubmitterIPHash: in.SubmitterIPHash, CreatedAt: time.Now().UTC()}
	var current *ClaimDetail
	if in.ClaimID != 0 {
		d, err := s.GetClaim(ctx, in.ClaimID)
		if err != nil {
			return nil, err
		}
		current = d
		c.ClaimID, c.PaperID = &d.ID, d.PaperID
	} else {
		c.PaperID = in.PaperID
	}
	p, err := s.GetPaper(ctx, c.PaperID)
	if err != nil {
		return nil, err
	}
	metrics, err := s.metricUnits(ctx)
	if err != nil {
		return nil, err
	}
	devices, err := storedDevices(s.db.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	fields, bad := in.Form.parse(current, p.Abstract, metrics, devices)
	if len(bad) > 0 {
		return nil, bad
	}
	switch {
	case current == nil:
		c.Kind = KindMissing
	case in.Form.NotAClaim:
		c.Kind = KindNotAClaim
	default:
		c.Kind = KindChange
	}
	// A correction stores only the fields it changes, so accepting it later
	// applies just those over whatever the claim is then: a suggestion never
	// silently undoes another decision made meanwhile.
	var proposed map[string]json.RawMessage
	switch c.Kind {
	case KindMissing:
		proposed = encodeFields(SuggestableFields(), fields)
	case KindNotAClaim:
		proposed = map[string]json.RawMessage{}
	default:
		_, proposed = diffFields(SuggestableFields(), fieldsOf(current), fields)
	}
	b, _ := json.Marshal(proposed) // raw JSON values: cannot fail
	c.Proposed = string(b)
	c.Reason = strings.TrimSpace(in.Form.Reason)
	c.Contact = strings.TrimSpace(in.Form.Contact)
	if err := s.insertSuggestion(ctx, &c); err != nil { // counts the address's limit in the same transaction
		if errors.Is(err, gorm.ErrForeignKeyViolated) {
			// A re-extraction replaced the claim (or a paper was removed)
			// between reading it above and writing this.
			return nil, Errorf(ENotFound, "This claim was just replaced by a new extraction of its paper; open the paper again to see its current claims.")
		}
		return nil, fmt.Errorf("store: submit correction: %w", err)
	}
	return &c, nil
}

// parse checks a form field by field through the table, then the rules
// between fields. current is the claim being corrected (nil for a missing
// claim); its evidence stands when none is given. A device the stored
// devices or the gazetteer know is stored under its canonical name.
func (f SuggestionForm) parse(current *ClaimDetail, abstract string, metrics map[string]string, devices []Hardware) (ClaimFields, InvalidFields) {
	bad := InvalidFields{}
	reason, msg := cleanText(f.Reason, MaxReasonLen)
	switch {
	case msg != "":
		bad["reason"] = msg
	case reason == "":
		bad["reason"] = "please say briefly why"
	}
	if contact, msg := cleanText(f.Contact, MaxContactLen); msg != "" {
		bad["contact"] = msg
	} else if contact != "" {
		if a, err := mail.ParseAddress(contact); err != nil || a.Address != contact {
			bad["contact"] = "must be an e-mail address, or empty"
		}
	}
	if f.NotAClaim {
		if current == nil {
			bad["not_a_claim"] = "only applies to an existing claim"
		}
		if len(bad) > 0 {
			return ClaimFields{}, bad
		}
		return ClaimFields{}, nil
	}
	var out ClaimFields
	rows := SuggestableFields()
	for _, fd := range rows {
		if msg := fd.parse(fd.getForm(&f), &out); msg != "" {
			bad[fd.Name] = msg
		}
	}
	if h, ok := resolveDevice(devices, out.HardwareName); ok && bad["hardware"] == "" {
		out.HardwareName = h.Name
	}
	// The rules between fields, each its row's, once every field is read.
	fc := &formCheck{rows: rows, bad: bad, current: current, abstract: abstract, metrics: metrics}
	for _, fd := range rows {
		if fd.check != nil && bad[fd.Name] == "" {
			if msg := fd.check(fd, &out, fc); msg != "" {
				bad[fd.Name] = msg
			}
		}
	}
	if current != nil && len(bad) == 0 {
		if _, changed := diffFields(rows, fieldsOf(current), out); len(changed) == 0 {
			for _, fd := range rows {
				if fd.unchangedHere {
					bad[fd.Name] = "nothing differs from the current claim; change a field or mark it as not a claim"
				}
			}
		}
	}
	if len(bad) > 0 {
		return ClaimFields{}, bad
	}
	return out, nil
}
