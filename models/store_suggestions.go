package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/mail"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
// so a form with errors can be shown again exactly as the user left it.
type SuggestionForm struct {
	Value, ValueHigh, Unit, Metric, Qualifier, Hardware, HardwareCount string
	Baseline, Subject, Condition, Evidence                             string
	NotAClaim                                                          bool
	Reason, Contact                                                    string
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
	fields, bad := in.Form.parse(current, p.Abstract, metrics)
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
	var proposed []byte
	switch c.Kind {
	case KindMissing:
		proposed, _ = json.Marshal(fields)
	case KindNotAClaim:
		proposed = []byte("{}")
	default:
		_, patch := diffFields(fieldsOfWithoutStatus(current), fields)
		proposed, _ = json.Marshal(patch)
	}
	c.Proposed = string(proposed)
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

// parse checks a form field by field. current is the claim being corrected
// (nil for a missing claim); its evidence stands when none is given.
func (f SuggestionForm) parse(current *ClaimDetail, abstract string, metrics map[string]string) (ClaimFields, InvalidFields) {
	bad := InvalidFields{}
	text := func(name, v string, limit int) string {
		v = strings.TrimSpace(v)
		if !utf8.ValidString(v) {
			// PostgreSQL would refuse the bytes on insert, a 500 instead of a message.
			bad[name] = "is not valid text (UTF-8)"
		} else if utf8.RuneCountInString(v) > limit {
			bad[name] = fmt.Sprintf("must be at most %d characters", limit)
		} else if strings.ContainsFunc(v, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) {
			bad[name] = "must not contain control characters"
		}
		return v
	}
	reason := text("reason", f.Reason, MaxReasonLen)
	if reason == "" && bad["reason"] == "" {
		bad["reason"] = "please say briefly why"
	}
	if contact := text("contact", f.Contact, MaxContactLen); contact != "" && bad["contact"] == "" {
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
	out.Metric = strings.TrimSpace(f.Metric)
	if _, ok := metrics[out.Metric]; !ok {
		bad["metric"] = "choose a metric from the list"
	}
	out.Value = number("value", f.Value, true, bad)
	if strings.TrimSpace(f.ValueHigh) != "" {
		high := number("value_high", f.ValueHigh, true, bad)
		if bad["value"] == "" && bad["value_high"] == "" && high < out.Value {
			bad["value_high"] = "must not be below value"
		}
		out.ValueHigh = &high
	}
	out.Unit = text("unit", f.Unit, 40)
	if out.Unit == "" {
		out.Unit = metrics[out.Metric]
	}
	out.Qualifier = strings.TrimSpace(f.Qualifier)
	if !contains(ClaimQualifiers, out.Qualifier) {
		bad["qualifier"] = "choose a qualifier from the list"
	}
	out.Hardware = text("hardware", f.Hardware, 100)
	if hc := strings.TrimSpace(f.HardwareCount); hc != "" {
		n, err := strconv.Atoi(hc)
		if err != nil || n < 1 || n > maxHardwareCount {
			bad["hardware_count"] = "must be a whole number of 1 or more, or empty"
		} else {
			out.HardwareCount = &n
		}
	}
	out.Baseline = text("baseline", f.Baseline, MaxFieldLen)
	out.Subject = text("subject", f.Subject, MaxFieldLen)
	out.Condition = text("condition", f.Condition, MaxFieldLen)
	out.Evidence = text("evidence", f.Evidence, MaxEvidenceLen)
	switch {
	case bad["evidence"] != "":
	case out.Evidence == "" && current != nil:
		out.Evidence = current.Evidence
	case out.Evidence == "":
		bad["evidence"] = "paste the sentence part that states the number"
	case !strings.Contains(abstract, out.Evidence):
		bad["evidence"] = "must be copied exactly from the abstract"
	}
	if current != nil && len(bad) == 0 {
		if _, changed := diffFields(fieldsOfWithoutStatus(current), out); len(changed) == 0 {
			bad["value"] = "nothing differs from the current claim; change a field or mark it as not a claim"
		}
	}
	if len(bad) > 0 {
		return ClaimFields{}, bad
	}
	return out, nil
}

// number parses a finite decimal; required says whether empty is an error.
func number(name, s string, required bool, bad InvalidFields) float64 {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	if s == "" {
		if required {
			bad[name] = "is required"
		}
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		bad[name] = "must be a finite number such as 277 or 1.5e9"
		return 0
	}
	return v
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
