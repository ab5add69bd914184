// Package models holds claimboard's tables, the filters that query them and
// the store: all SQL lives here. It knows nothing of HTTP or HTML.
package models

import "time"

// Claim statuses. A claim a human has touched (corrected, verified,
// retracted) is never replaced by a re-extraction. A superseded claim is one a
// newer arXiv version of its paper no longer makes: kept, with the version it
// came from, but no longer live.
const (
	StatusExtracted  = "extracted"
	StatusCorrected  = "corrected"
	StatusVerified   = "verified"
	StatusRetracted  = "retracted"
	StatusSuperseded = "superseded"
)

// liveClaim selects claims that listings show: neither retracted nor
// superseded. It is spelled as a literal, not bound parameters, because the
// partial indexes of the leaderboards are defined with the same predicate
// (migration 00017) and a planner can only use them when the query says the
// same (SQLite always; PostgreSQL once it switches to a generic plan).
const liveClaim = "c.status NOT IN ('" + StatusRetracted + "', '" + StatusSuperseded + "')"

// Metric is one leaderboard: an entry of the claim schema's vocabulary.
type Metric struct {
	ID             int64
	Slug           string
	Name           string
	Unit           string
	HigherIsBetter bool
	Description    string
	Position       int
}

// Hardware is a device or system that claims are measured on.
type Hardware struct {
	ID     int64
	Slug   string
	Name   string
	Vendor string
	Family string
}

// TableName keeps the table name singular-uncountable as in the migrations.
func (Hardware) TableName() string { return "hardware" }

// Paper is one ingested paper.
type Paper struct {
	ID           int64
	ContentKey   string
	Title        string
	Abstract     string
	AbstractHash string
	ArxivID      *string
	SourceURL    string
	CodeURL      string
	Authors      string
	PublishedOn  *time.Time
	// ArxivVersion is the arXiv version of the stored abstract (0: unknown),
	// so an older version arriving later does not overwrite a newer one.
	ArxivVersion    int
	PrimaryCategory string
	ProjectURL      string
	// SourceName, SourceFile and IngestedAt tell where the stored version of
	// the paper came from ("arxiv", "feed.xml") and when it was written.
	SourceName string
	SourceFile string
	IngestedAt *time.Time
	// Method is the method, system or model the paper names ('' if none);
	// MethodSource says who set it (MethodByExtractor or MethodByHuman).
	Method       string
	MethodSource string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Claim is one quantitative claim of a paper, in its metric's canonical unit.
type Claim struct {
	ID               int64
	PaperID          int64
	MetricID         int64
	Value            float64
	ValueHigh        *float64
	Unit             string
	RawText          string
	Qualifier        string
	HardwareID       *int64
	HardwareCount    *int
	Baseline         string
	Subject          string
	Condition        string
	Evidence         string
	EvidenceStart    int
	EvidenceEnd      int
	Confidence       float64
	ExtractorVersion string
	Status           string
	Version          int
	// ArxivVersion is the arXiv version of the abstract the claim was read
	// from (0: unknown); SupersededIn the version that no longer makes it.
	ArxivVersion int
	SupersededIn *int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Moderator is an account allowed to accept or reject corrections.
type Moderator struct {
	ID           int64
	Username     string
	PasswordHash string
	CreatedAt    time.Time
}

// Correction is a suggestion from the public, pending until a moderator decides.
type Correction struct {
	ID           int64
	PaperID      int64
	ClaimID      *int64
	Kind         string
	Proposed     string // JSON of the proposed claim fields
	Reason       string
	Contact      string
	Status       string
	ModeratorID  *int64
	DecisionNote string
	DecidedAt    *time.Time
	CreatedAt    time.Time
	// SubmitterIPHash pseudonymises the submitter's address for the per-IP limit.
	SubmitterIPHash string
}

// ClaimRevision records one change to a claim, before and after, for the audit trail.
type ClaimRevision struct {
	ID           int64
	ClaimID      int64
	CorrectionID *int64
	ModeratorID  *int64
	BeforeState  string
	AfterState   string
	Note         string
	CreatedAt    time.Time
	RevertOf     *int64 // the revision this one undoes, if it is a revert
}
