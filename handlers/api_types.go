package handlers

import (
	"math"
	"net/url"
	"strconv"
	"time"

	"github.com/claimboard/claimboard/models"
)

// The API's JSON shapes. Field names are a public contract documented in
// openapi.json and docs/api.md: add fields, never rename or remove them.
// Absent values are null, as in the claim schema, rather than "" or 0.
// Links are site-relative paths so responses do not depend on the Host header.

type apiClaim struct {
	ID            int64    `json:"id"`
	URL           string   `json:"url"`
	APIURL        string   `json:"api_url"`
	PaperID       int64    `json:"paper_id"`
	PaperTitle    string   `json:"paper_title"`
	PublishedOn   *string  `json:"published_on"`
	Metric        string   `json:"metric"`
	Value         float64  `json:"value"`
	ValueHigh     *float64 `json:"value_high"`
	Unit          string   `json:"unit"`
	RawText       string   `json:"raw_text"`
	Qualifier     *string  `json:"qualifier"`
	Hardware      *string  `json:"hardware"`
	HardwareSlug  *string  `json:"hardware_slug"`
	HardwareCount *int     `json:"hardware_count"`
	Baseline      *string  `json:"baseline"`
	Subject       *string  `json:"subject"`
	Condition     *string  `json:"condition"`
	Evidence      string   `json:"evidence"`
	EvidenceStart int      `json:"evidence_start"`
	EvidenceEnd   int      `json:"evidence_end"`
	Confidence    float64  `json:"confidence"`
	Status        string   `json:"status"`
	// PercentOfPeak, PeakSource and Flags set a throughput claim against its
	// device's dense peak (models.ComparePeak); null and [] otherwise.
	PercentOfPeak *float64 `json:"percent_of_peak"`
	PeakSource    *string  `json:"peak_source"`
	Flags         []string `json:"flags"`
}

func claimJSON(r models.ClaimRow) apiClaim {
	id := strconv.FormatInt(r.ID, 10)
	out := apiClaim{
		ID: r.ID, URL: "/claims/" + id, APIURL: "/api/v1/claims/" + id,
		PaperID: r.PaperID, PaperTitle: r.PaperTitle, PublishedOn: dateOrNull(r.PaperPublishedOn),
		Metric: r.MetricSlug, Value: r.Value, ValueHigh: r.ValueHigh, Unit: r.Unit, RawText: r.RawText,
		Qualifier: orNull(r.Qualifier), Hardware: orNull(r.HardwareName), HardwareSlug: orNull(r.HardwareSlug),
		HardwareCount: r.HardwareCount, Baseline: orNull(r.Baseline), Subject: orNull(r.Subject),
		Condition: orNull(r.Condition), Evidence: r.Evidence, EvidenceStart: r.EvidenceStart,
		EvidenceEnd: r.EvidenceEnd, Confidence: r.Confidence, Status: r.Status, Flags: []string{},
	}
	if p := r.Peak; p != nil {
		pct, src := math.Round(p.Percent*10)/10, p.Source()
		out.PercentOfPeak, out.PeakSource = &pct, &src
		if p.Above {
			out.Flags = append(out.Flags, models.FlagAbovePeak)
		}
	}
	return out
}

func claimsJSON(rows []models.ClaimRow) []apiClaim {
	out := make([]apiClaim, 0, len(rows))
	for _, r := range rows {
		out = append(out, claimJSON(r))
	}
	return out
}

type apiClaimDetail struct {
	apiClaim
	ExtractorVersion string    `json:"extractor_version"`
	Version          int       `json:"version"`
	CreatedAt        time.Time `json:"created_at"`
	UpdatedAt        time.Time `json:"updated_at"`
}

type apiMetric struct {
	Slug           string `json:"slug"`
	Name           string `json:"name"`
	Unit           string `json:"unit"`
	HigherIsBetter bool   `json:"higher_is_better"`
	Description    string `json:"description"`
	URL            string `json:"url"`
	APIURL         string `json:"api_url"`
	CSVURL         string `json:"csv_url"`
	FeedURL        string `json:"feed_url"`
}

func metricJSON(m models.Metric) apiMetric {
	path := "/leaderboards/" + url.PathEscape(m.Slug)
	return apiMetric{
		Slug: m.Slug, Name: m.Name, Unit: m.Unit, HigherIsBetter: m.HigherIsBetter, Description: m.Description,
		URL: path, APIURL: "/api/v1" + path, CSVURL: path + ".csv", FeedURL: path + "/feed.atom",
	}
}

type apiMetricSummary struct {
	apiMetric
	Claims int64     `json:"claims"`
	Best   *apiClaim `json:"best"`
}

type apiHardware struct {
	Slug   string  `json:"slug"`
	Name   string  `json:"name"`
	Vendor *string `json:"vendor"`
	Family *string `json:"family"`
	Claims int64   `json:"claims"`
	URL    string  `json:"url"`
}

type apiPaper struct {
	ID          int64      `json:"id"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Abstract    string     `json:"abstract"`
	ArxivID     *string    `json:"arxiv_id"`
	SourceURL   *string    `json:"source_url"`
	CodeURL     *string    `json:"code_url"`
	Authors     *string    `json:"authors"`
	PublishedOn *string    `json:"published_on"`
	Claims      []apiClaim `json:"claims"`
}

type apiLeaderboard struct {
	Metric      apiMetric  `json:"metric"`
	Page        int        `json:"page"`
	PerPage     int        `json:"per_page"`
	Total       int64      `json:"total"`
	TotalCapped bool       `json:"total_capped"`
	Next        *string    `json:"next"`
	Prev        *string    `json:"prev"`
	CSVURL      string     `json:"csv_url"`
	Claims      []apiClaim `json:"claims"`
}

func dateOrNull(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format("2006-01-02")
	return &s
}
