package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
)

// exportAll serves /export/claims.csv: every live claim of every metric, each
// metric in its leaderboard's default order, streamed like a leaderboard CSV.
// Query parameters are ignored; a filtered download is a leaderboard's CSV.
func (a *app) exportAll(c echo.Context) error {
	return a.streamCSV(c, "all", "claimboard-claims", func(ctx context.Context, fn func(*models.ExportRow) error) error {
		return a.store.ExportAll(ctx, "", fn)
	})
}

// ExportRecord is one claim as JSON Lines: the CSV's columns under the same
// names, with numbers as numbers and absent values as null. JSON needs no
// formula neutralising, so text is exactly as stored.
type ExportRecord struct {
	PaperTitle    string   `json:"paper_title"`
	ArxivID       *string  `json:"arxiv_id"`
	PaperURL      *string  `json:"paper_url"`
	Metric        string   `json:"metric"`
	Value         float64  `json:"value"`
	ValueHigh     *float64 `json:"value_high"`
	Unit          string   `json:"unit"`
	Qualifier     *string  `json:"qualifier"`
	Hardware      *string  `json:"hardware"`
	HardwareCount *int     `json:"hardware_count"`
	Baseline      *string  `json:"baseline"`
	Subject       *string  `json:"subject"`
	Condition     *string  `json:"condition"`
	Evidence      string   `json:"evidence"`
	Status        string   `json:"status"`
	Confidence    float64  `json:"confidence"`
	ClaimURL      string   `json:"claim_url"`
	RawText       string   `json:"value_as_written"`
	CodeURL       *string  `json:"code_url"`
	Published     *string  `json:"published"`
	ArxivVersion  *int     `json:"arxiv_version"`
}

// ClaimJSONL writes claims as JSON Lines, one ExportRecord per line.
type ClaimJSONL struct {
	enc  *json.Encoder
	base string
}

// NewClaimJSONL returns an encoder writing to w; claim URLs start with baseURL.
func NewClaimJSONL(w io.Writer, baseURL string) *ClaimJSONL {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &ClaimJSONL{enc: enc, base: baseURL}
}

// Write writes one claim as one line.
func (e *ClaimJSONL) Write(r *models.ExportRow) error {
	rec := ExportRecord{
		PaperTitle: r.PaperTitle, ArxivID: orNull(r.ArxivID), PaperURL: orNull(paperURL(r.SourceURL, r.ArxivID)),
		Metric: r.MetricSlug, Value: r.Value, ValueHigh: r.ValueHigh, Unit: r.Unit,
		Qualifier: orNull(r.Qualifier), Hardware: orNull(r.HardwareName), HardwareCount: r.HardwareCount,
		Baseline: orNull(r.Baseline), Subject: orNull(r.Subject), Condition: orNull(r.Condition),
		Evidence: r.Evidence, Status: r.Status, Confidence: r.Confidence,
		ClaimURL: e.base + "/claims/" + strconv.FormatInt(r.ID, 10),
		RawText:  r.RawText, CodeURL: orNull(models.LinkURL(r.CodeURL)), Published: orNull(r.Published),
	}
	if r.ArxivVersion > 0 {
		v := r.ArxivVersion
		rec.ArxivVersion = &v
	}
	if err := e.enc.Encode(rec); err != nil {
		return fmt.Errorf("jsonl: claim %d: %w", r.ID, err)
	}
	return nil
}

// orNull maps the database's empty text to JSON null, as the claim schema does.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
