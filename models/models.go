// Package models holds claimboard's tables, the filters that query them and
// the store: all SQL lives here. It knows nothing of HTTP or HTML.
package models

import "time"

// Claim statuses. A claim a human has touched (anything but extracted) is
// never replaced by a re-extraction.
const (
	StatusExtracted = "extracted"
	StatusCorrected = "corrected"
	StatusVerified  = "verified"
	StatusRetracted = "retracted"
)

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
	CreatedAt  time.Time
	UpdatedAt  time.Time
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
	CreatedAt        time.Time
	UpdatedAt        time.Time
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
