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

// ClaimQualifiers is the qualifier vocabulary of the claim schema as stored
// ("" is none; the leaderboard filter spells that "none").
var ClaimQualifiers = []string{"", "up_to", "at_least", "approx", "average"}

// ClaimFields is a claim as people read and correct it: the claim schema's
// fields by name, plus its status. Revisions store the before and after of
// the fields that changed in this shape, keyed by the JSON names.
type ClaimFields struct {
	Metric        string   `json:"metric"`
	Value         float64  `json:"value"`
	ValueHigh     *float64 `json:"value_high"`
	Unit          string   `json:"unit"`
	Qualifier     string   `json:"qualifier"`
	Hardware      string   `json:"hardware"`
	HardwareCount *int     `json:"hardware_count"`
	Baseline      string   `json:"baseline"`
	Subject       string   `json:"subject"`
	Condition     string   `json:"condition"`
	Evidence      string   `json:"evidence"`
	Status        string   `json:"status,omitempty"`
}

// FieldNames lists ClaimFields' JSON names in display order.
var FieldNames = []string{"metric", "value", "value_high", "unit", "qualifier", "hardware",
	"hardware_count", "baseline", "subject", "condition", "evidence", "status"}

// asMap encodes fields as name -> JSON value, the form revisions are diffed in.
func (f ClaimFields) asMap() map[string]json.RawMessage {
	b, _ := json.Marshal(f) // plain struct: cannot fail
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	return m
}

// FieldChange is one field's value before and after a revision, as display text.
type FieldChange struct {
	Field, Before, After string
}

// diffFields returns the before and after JSON of every field that differs.
func diffFields(before, after ClaimFields) (b, a map[string]json.RawMessage) {
	bm, am := before.asMap(), after.asMap()
	b, a = map[string]json.RawMessage{}, map[string]json.RawMessage{}
	for _, name := range FieldNames {
		if string(bm[name]) != string(am[name]) {
			if v, ok := bm[name]; ok {
				b[name] = v
			} else {
				b[name] = json.RawMessage("null")
			}
			if v, ok := am[name]; ok {
				a[name] = v
			} else {
				a[name] = json.RawMessage("null")
			}
		}
	}
	return b, a
}

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

// fieldsOf is the claim schema view of a stored claim, with its status.
func fieldsOf(d *ClaimDetail) ClaimFields {
	f := fieldsOfWithoutStatus(d)
	f.Status = d.Status
	return f
}

func fieldsOfWithoutStatus(d *ClaimDetail) ClaimFields {
	return ClaimFields{
		Metric: d.MetricSlug, Value: d.Value, ValueHigh: d.ValueHigh, Unit: d.Unit, Qualifier: d.Qualifier,
		Hardware: d.HardwareName, HardwareCount: d.HardwareCount, Baseline: d.Baseline, Subject: d.Subject,
		Condition: d.Condition, Evidence: d.Evidence,
	}
}

// ClaimFieldsOf exposes a stored claim in the schema's shape, e.g. to prefill a form.
func ClaimFieldsOf(d *ClaimDetail) ClaimFields { return fieldsOf(d) }

// metricUnits maps every metric slug to its canonical unit.
func (s *Store) metricUnits(ctx context.Context) (map[string]string, error) {
	ms, err := s.Metrics(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(ms))
	for _, m := range ms {
		out[m.Slug] = m.Unit
	}
	return out, nil
}

// Metrics lists the vocabulary in display order, for forms.
func (s *Store) Metrics(ctx context.Context) ([]Metric, error) {
	var ms []Metric
	if err := s.db.WithContext(ctx).Order("position, id").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("store: list metrics: %w", err)
	}
	return ms, nil
}

// CorrectionItem is a suggestion with what a reviewer needs beside it.
type CorrectionItem struct {
	Correction
	PaperTitle     string
	Proposed       ClaimFields  // the claim as the suggestion would leave it now
	ProposedFields []string     // the fields the suggestion sets, in FieldNames order
	Current        *ClaimFields // the claim now; nil for a missing claim not yet accepted
	ClaimVersion   int
	ModeratorName  string
}

// PendingCorrections lists suggestions awaiting a decision, oldest first,
// each with its claim's current values and version for optimistic locking.
func (s *Store) PendingCorrections(ctx context.Context) ([]CorrectionItem, error) {
	return s.correctionItems(ctx, "c.status = ?", []any{CorrectionPending}, "c.created_at, c.id", pendingQueueLimit, 0)
}

// DecidedCorrections lists decided suggestions, newest decision first.
func (s *Store) DecidedCorrections(ctx context.Context, page, perPage int) ([]CorrectionItem, int64, error) {
	var total int64
	if err := s.db.WithContext(ctx).Model(&Correction{}).Where("status <> ?", CorrectionPending).Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("store: count decided corrections: %w", err)
	}
	items, err := s.correctionItems(ctx, "c.status <> ?", []any{CorrectionPending}, "c.decided_at DESC, c.id DESC", perPage, (page-1)*perPage)
	return items, total, err
}

// GetCorrection returns one suggestion with its context, or ENotFound.
func (s *Store) GetCorrection(ctx context.Context, id int64) (*CorrectionItem, error) {
	items, err := s.correctionItems(ctx, "c.id = ?", []any{id}, "c.id", 1, 0)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, Errorf(ENotFound, "suggestion %d not found", id)
	}
	return &items[0], nil
}

func (s *Store) correctionItems(ctx context.Context, where string, args []any, order string, limit, offset int) ([]CorrectionItem, error) {
	var rows []struct {
		Correction
		PaperTitle    string
		ModeratorName string
	}
	err := s.db.WithContext(ctx).Table("corrections c").
		Select("c.*, p.title AS paper_title, COALESCE(m.username, '') AS moderator_name").
		Joins("JOIN papers p ON p.id = c.paper_id").
		Joins("LEFT JOIN moderators m ON m.id = c.moderator_id").
		Where(where, args...).Order(order).Limit(limit).Offset(offset).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: list corrections: %w", err)
	}
	out := make([]CorrectionItem, 0, len(rows))
	for _, r := range rows {
		it := CorrectionItem{Correction: r.Correction, PaperTitle: r.PaperTitle, ModeratorName: r.ModeratorName}
		if r.ClaimID != nil {
			d, err := s.GetClaim(ctx, *r.ClaimID)
			if err != nil {
				return nil, err
			}
			cur := fieldsOf(d)
			it.Current, it.ClaimVersion = &cur, d.Version
			if r.Kind == KindChange {
				it.Proposed = cur
			}
		}
		var patch map[string]json.RawMessage
		err := json.Unmarshal([]byte(r.Proposed), &patch)
		if err == nil {
			err = json.Unmarshal([]byte(r.Proposed), &it.Proposed)
		}
		if err != nil {
			return nil, fmt.Errorf("store: correction %d: proposed: %w", r.ID, err)
		}
		for _, name := range FieldNames {
			if _, ok := patch[name]; ok {
				it.ProposedFields = append(it.ProposedFields, name)
			}
		}
		out = append(out, it)
	}
	return out, nil
}

// Decision is a moderator's verdict on a suggestion. ClaimVersion is the
// claim version the moderator reviewed; a different version is a conflict.
type Decision struct {
	CorrectionID int64
	ModeratorID  int64
	ClaimVersion int
	Note         string
}

// AcceptCorrection applies a suggestion in one transaction: the claim changes
// (corrected, retracted, or a new verified claim), a revision records the
// before and after of every changed field, and the suggestion is decided.
func (s *Store) AcceptCorrection(ctx context.Context, d Decision) (*ClaimRevision, error) {
	note, err := checkNote(d.Note)
	if err != nil {
		return nil, err
	}
	var rev *ClaimRevision
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := pendingCorrection(tx, d.CorrectionID)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		if c.Kind == KindMissing {
			var proposed ClaimFields
			if err := json.Unmarshal([]byte(c.Proposed), &proposed); err != nil {
				return fmt.Errorf("correction %d: proposed: %w", c.ID, err)
			}
			proposed.Status = StatusVerified
			id, err := insertHumanClaim(tx, c.PaperID, proposed, now)
			if err != nil {
				return err
			}
			c.ClaimID = &id
			before, after := diffFields(ClaimFields{}, proposed)
			before = map[string]json.RawMessage{} // the claim did not exist
			rev, err = addRevision(tx, id, &c.ID, d.ModeratorID, nil, before, after, note, now)
			if err != nil {
				return err
			}
		} else {
			cur, err := claimForUpdate(tx, *c.ClaimID, d.ClaimVersion)
			if err != nil {
				return err
			}
			// The stored fields apply over the claim as it is now.
			target := fieldsOf(cur)
			if err := json.Unmarshal([]byte(c.Proposed), &target); err != nil {
				return fmt.Errorf("correction %d: proposed: %w", c.ID, err)
			}
			target.Status = StatusCorrected
			if c.Kind == KindNotAClaim {
				target.Status = StatusRetracted
			}
			rev, err = applyFields(tx, cur, target, &c.ID, d.ModeratorID, nil, note, now)
			if err != nil {
				return err
			}
		}
		return decide(tx, c, CorrectionAccepted, d.ModeratorID, note, now)
	})
	if err != nil {
		return nil, fmt.Errorf("store: accept correction %d: %w", d.CorrectionID, err)
	}
	return rev, nil
}

// RejectCorrection marks a suggestion rejected with the moderator's note; the
// claim is untouched.
func (s *Store) RejectCorrection(ctx context.Context, d Decision) error {
	note, err := checkNote(d.Note)
	if err != nil {
		return err
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := pendingCorrection(tx, d.CorrectionID)
		if err != nil {
			return err
		}
		return decide(tx, c, CorrectionRejected, d.ModeratorID, note, time.Now().UTC())
	})
	if err != nil {
		return fmt.Errorf("store: reject correction %d: %w", d.CorrectionID, err)
	}
	return nil
}

// VerifyClaim marks a claim verified directly, recorded as a revision.
func (s *Store) VerifyClaim(ctx context.Context, claimID, moderatorID int64, version int, note string) (*ClaimRevision, error) {
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	var rev *ClaimRevision
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		cur, err := claimForUpdate(tx, claimID, version)
		if err != nil {
			return err
		}
		if cur.Status == StatusVerified {
			return Errorf(EConflict, "Claim %d is already verified.", claimID)
		}
		target := fieldsOf(cur)
		target.Status = StatusVerified
		rev, err = applyFields(tx, cur, target, nil, moderatorID, nil, note, time.Now().UTC())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: verify claim %d: %w", claimID, err)
	}
	return rev, nil
}

// RevertRevision restores the fields a revision changed to their values before
// it, as a new revision; the old one stays on the record. Reverting the
// creation of a claim retracts it.
func (s *Store) RevertRevision(ctx context.Context, revisionID, moderatorID int64, version int, note string) (*ClaimRevision, error) {
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	var rev *ClaimRevision
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var old ClaimRevision
		err := tx.Take(&old, revisionID).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return Errorf(ENotFound, "revision %d not found", revisionID)
		}
		if err != nil {
			return fmt.Errorf("load revision %d: %w", revisionID, err)
		}
		cur, err := claimForUpdate(tx, old.ClaimID, version)
		if err != nil {
			return err
		}
		var before map[string]json.RawMessage
		if err := json.Unmarshal([]byte(old.BeforeState), &before); err != nil {
			return fmt.Errorf("revision %d: before: %w", old.ID, err)
		}
		target := fieldsOf(cur)
		if len(before) == 0 {
			target.Status = StatusRetracted
		} else {
			m := target.asMap()
			for k, v := range before {
				m[k] = v
			}
			b, _ := json.Marshal(m)
			target = ClaimFields{}
			if err := json.Unmarshal(b, &target); err != nil {
				return fmt.Errorf("revision %d: restore: %w", old.ID, err)
			}
		}
		if note == "" {
			note = fmt.Sprintf("Reverts revision %d.", old.ID)
		}
		rev, err = applyFields(tx, cur, target, nil, moderatorID, &old.ID, note, time.Now().UTC())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: revert revision %d: %w", revisionID, err)
	}
	return rev, nil
}

func checkNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > MaxNoteLen {
		return "", FieldErrorf("note", "must be at most %d characters", MaxNoteLen)
	}
	return note, nil
}

func pendingCorrection(tx *gorm.DB, id int64) (*Correction, error) {
	var c Correction
	err := tx.Take(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "suggestion %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load correction %d: %w", id, err)
	}
	if c.Status != CorrectionPending {
		return nil, Errorf(EConflict, "Suggestion %d was already %s by another moderator; nothing was changed.", id, c.Status)
	}
	return &c, nil
}

// decide marks a pending suggestion decided; the status guard makes a second,
// concurrent decision fail instead of overwriting the first.
func decide(tx *gorm.DB, c *Correction, status string, moderatorID int64, note string, now time.Time) error {
	res := tx.Model(&Correction{}).Where("id = ? AND status = ?", c.ID, CorrectionPending).Updates(map[string]any{
		"status": status, "moderator_id": moderatorID, "decision_note": note, "decided_at": now, "claim_id": c.ClaimID,
	})
	if res.Error != nil {
		return fmt.Errorf("decide correction %d: %w", c.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return Errorf(EConflict, "Suggestion %d was decided by another moderator meanwhile; nothing was changed.", c.ID)
	}
	return nil
}

// claimForUpdate loads a claim inside a transaction and checks it is still at
// the version the moderator reviewed (0 skips the check, for scripts).
func claimForUpdate(tx *gorm.DB, id int64, version int) (*ClaimDetail, error) {
	var d ClaimDetail
	err := tx.Table("claims c").
		Select(claimRowColumns+", c.extractor_version, c.version, c.created_at, c.updated_at, p.abstract AS paper_abstract").
		Joins("JOIN papers p ON p.id = c.paper_id").
		Joins("JOIN metrics m ON m.id = c.metric_id").
		Joins("LEFT JOIN hardware h ON h.id = c.hardware_id").
		Where("c.id = ?", id).Take(&d).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "claim %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load claim %d: %w", id, err)
	}
	if version != 0 && d.Version != version {
		return nil, staleClaim(id)
	}
	return &d, nil
}

func staleClaim(id int64) error {
	return Errorf(EConflict, "Claim %d was changed by another moderator after you loaded this page; nothing was changed. Reload to see the current values and decide again.", id)
}

// applyFields writes target over the claim cur, bumping its version only if
// it is still cur's version, and records the change as a revision.
func applyFields(tx *gorm.DB, cur *ClaimDetail, target ClaimFields, correctionID *int64, moderatorID int64, revertOf *int64, note string, now time.Time) (*ClaimRevision, error) {
	before, after := diffFields(fieldsOf(cur), target)
	if len(after) == 0 {
		return nil, Errorf(EConflict, "Claim %d already has these values; nothing to change.", cur.ID)
	}
	cols, err := claimColumns(tx, target, cur.PaperAbstract)
	if err != nil {
		return nil, err
	}
	cols["version"] = cur.Version + 1
	cols["updated_at"] = now
	res := tx.Model(&Claim{}).Where("id = ? AND version = ?", cur.ID, cur.Version).Updates(cols)
	if res.Error != nil {
		return nil, fmt.Errorf("update claim %d: %w", cur.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, staleClaim(cur.ID)
	}
	return addRevision(tx, cur.ID, correctionID, moderatorID, revertOf, before, after, note, now)
}

// claimColumns turns schema fields into claims columns: the metric slug and
// hardware name become ids, the evidence its offsets in the abstract.
func claimColumns(tx *gorm.DB, f ClaimFields, abstract string) (map[string]any, error) {
	var m Metric
	if err := tx.Where("slug = ?", f.Metric).Take(&m).Error; err != nil {
		return nil, FieldErrorf("metric", "unknown metric %q", f.Metric)
	}
	start := strings.Index(abstract, f.Evidence)
	if start < 0 || f.Evidence == "" {
		return nil, FieldErrorf("evidence", "is no longer in the paper's abstract")
	}
	cols := map[string]any{
		"metric_id": m.ID, "value": f.Value, "value_high": f.ValueHigh, "unit": f.Unit, "qualifier": f.Qualifier,
		"hardware_count": f.HardwareCount, "baseline": f.Baseline, "subject": f.Subject, "condition": f.Condition,
		"evidence": f.Evidence, "evidence_start": start, "evidence_end": start + len(f.Evidence), "status": f.Status,
	}
	var hw *int64
	if f.Hardware != "" {
		id, err := hardwareByName(tx, f.Hardware)
		if err != nil {
			return nil, err
		}
		hw = &id
	}
	cols["hardware_id"] = hw
	return cols, nil
}

// hardwareByName finds a device by name (any case) or slug, creating it when
// a moderator accepts a device claimboard has not seen.
func hardwareByName(tx *gorm.DB, name string) (int64, error) {
	slug := slugify(name)
	var h Hardware
	err := tx.Where("LOWER(name) = LOWER(?) OR slug = ?", name, slug).Order("id").Take(&h).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		if slug == "" {
			return 0, FieldErrorf("hardware", "%q has no letters or digits", name)
		}
		h = Hardware{Slug: slug, Name: name}
		err = tx.Create(&h).Error
	}
	if err != nil {
		return 0, fmt.Errorf("hardware %q: %w", name, err)
	}
	return h.ID, nil
}

func slugify(s string) string {
	return strings.ReplaceAll(NormalizeTitle(s), " ", "-")
}

func insertHumanClaim(tx *gorm.DB, paperID int64, f ClaimFields, now time.Time) (int64, error) {
	var p Paper
	if err := tx.Take(&p, paperID).Error; err != nil {
		return 0, fmt.Errorf("load paper %d: %w", paperID, err)
	}
	cols, err := claimColumns(tx, f, p.Abstract)
	if err != nil {
		return 0, err
	}
	c := Claim{PaperID: paperID, MetricID: cols["metric_id"].(int64), Value: f.Value, ValueHigh: f.ValueHigh,
		Unit: f.Unit, Qualifier: f.Qualifier, HardwareID: cols["hardware_id"].(*int64), HardwareCount: f.HardwareCount,
		Baseline: f.Baseline, Subject: f.Subject, Condition: f.Condition, Evidence: f.Evidence,
		EvidenceStart: cols["evidence_start"].(int), EvidenceEnd: cols["evidence_end"].(int), Confidence: 1,
		Status: f.Status, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(&c).Error; err != nil {
		return 0, fmt.Errorf("insert claim: %w", err)
	}
	return c.ID, nil
}

func addRevision(tx *gorm.DB, claimID int64, correctionID *int64, moderatorID int64, revertOf *int64, before, after map[string]json.RawMessage, note string, now time.Time) (*ClaimRevision, error) {
	b, _ := json.Marshal(before)
	a, _ := json.Marshal(after)
	rev := ClaimRevision{ClaimID: claimID, CorrectionID: correctionID, BeforeState: string(b), AfterState: string(a),
		Note: note, CreatedAt: now, RevertOf: revertOf}
	if moderatorID != 0 {
		rev.ModeratorID = &moderatorID
	}
	if err := tx.Create(&rev).Error; err != nil {
		return nil, fmt.Errorf("record revision of claim %d: %w", claimID, err)
	}
	return &rev, nil
}

// RevisionEntry is one revision with its author and readable changes.
type RevisionEntry struct {
	ClaimRevision
	ModeratorName string
	Changes       []FieldChange
}

// ClaimHistory lists a claim's revisions, oldest first.
func (s *Store) ClaimHistory(ctx context.Context, claimID int64) ([]RevisionEntry, error) {
	var rows []struct {
		ClaimRevision
		ModeratorName string
	}
	err := s.db.WithContext(ctx).Table("claim_revisions r").
		Select("r.*, COALESCE(m.username, '') AS moderator_name").
		Joins("LEFT JOIN moderators m ON m.id = r.moderator_id").
		Where("r.claim_id = ?", claimID).Order("r.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: history of claim %d: %w", claimID, err)
	}
	out := make([]RevisionEntry, 0, len(rows))
	for _, r := range rows {
		e := RevisionEntry{ClaimRevision: r.ClaimRevision, ModeratorName: r.ModeratorName}
		var before, after map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.BeforeState), &before); err != nil {
			return nil, fmt.Errorf("store: revision %d: before: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(r.AfterState), &after); err != nil {
			return nil, fmt.Errorf("store: revision %d: after: %w", r.ID, err)
		}
		for _, name := range FieldNames {
			a, ok := after[name]
			if !ok {
				continue
			}
			e.Changes = append(e.Changes, FieldChange{Field: name, Before: jsonText(before[name]), After: jsonText(a)})
		}
		out = append(out, e)
	}
	return out, nil
}

// jsonText shows a stored JSON value as plain text: strings unquoted, null empty.
func jsonText(v json.RawMessage) string {
	if len(v) == 0 || string(v) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}

// FieldText shows one field of ClaimFields as plain text, for side-by-side views.
func (f ClaimFields) FieldText(name string) string {
	return jsonText(f.asMap()[name])
}
