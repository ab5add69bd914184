package handlers

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// apiClaim is a claim as the API shows it: where it lives and what the
// abstract says, then its fields, which are the field table's exported rows
// (absent optional values null), so a new field reaches the API with its row.
type apiClaim struct {
	ID            int64
	URL           string
	APIURL        string
	PaperID       int64
	PaperTitle    string
	PublishedOn   *string
	RawText       string
	HardwareSlug  *string
	EvidenceStart int
	EvidenceEnd   int
	Fields        models.ClaimFields
	// PercentOfPeak, PeakSource and Flags set a throughput claim against its
	// device's dense peak (models.ComparePeak); null and [] otherwise.
	PercentOfPeak *float64
	PeakSource    *string
	Flags         []string
}

// members lists the claim's JSON members in order.
func (c apiClaim) members() []jsonMember {
	m := []jsonMember{{"id", c.ID}, {"url", c.URL}, {"api_url", c.APIURL}, {"paper_id", c.PaperID},
		{"paper_title", c.PaperTitle}, {"published_on", c.PublishedOn}, {"raw_text", c.RawText},
		{"hardware_slug", c.HardwareSlug}, {"evidence_start", c.EvidenceStart}, {"evidence_end", c.EvidenceEnd}}
	for _, f := range models.ExportedFields() {
		v := f.Value(&c.Fields)
		if s, ok := v.(string); ok && !f.Required {
			v = orNull(s)
		}
		m = append(m, jsonMember{f.Name, v})
	}
	return append(m, jsonMember{"percent_of_peak", c.PercentOfPeak}, jsonMember{"peak_source", c.PeakSource}, jsonMember{"flags", c.Flags})
}

// MarshalJSON writes the claim's members.
func (c apiClaim) MarshalJSON() ([]byte, error) { return marshalMembers(c.members()) }

func claimJSON(r models.ClaimRow) apiClaim {
	id := strconv.FormatInt(r.ID, 10)
	out := apiClaim{
		ID: r.ID, URL: "/claims/" + id, APIURL: "/api/v1/claims/" + id,
		PaperID: r.PaperID, PaperTitle: r.PaperTitle, PublishedOn: dateOrNull(r.PaperPublishedOn),
		RawText: r.RawText, HardwareSlug: orNull(r.HardwareSlug),
		EvidenceStart: r.EvidenceStart, EvidenceEnd: r.EvidenceEnd, Fields: r.ClaimFields, Flags: []string{},
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
	ExtractorVersion string
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// MarshalJSON writes the claim's members and its provenance; without it the
// embedded claim's MarshalJSON would leave the provenance out.
func (d apiClaimDetail) MarshalJSON() ([]byte, error) {
	return marshalMembers(append(d.members(), jsonMember{"extractor_version", d.ExtractorVersion},
		jsonMember{"version", d.Version}, jsonMember{"created_at", d.CreatedAt}, jsonMember{"updated_at", d.UpdatedAt}))
}

// jsonMember is one name and value of a JSON object written in order.
type jsonMember struct {
	name  string
	value any
}

// marshalMembers writes members as one JSON object, in their order.
func marshalMembers(members []jsonMember) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.name)
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.name, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
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
	Method      *string    `json:"method"` // the method the paper names, null if none
	Tasks       []string   `json:"tasks"`  // task slugs, vocabulary order
	Claims      []apiClaim `json:"claims"`
}

type apiLeaderboard struct {
	Metric      apiMetric `json:"metric"`
	Page        int       `json:"page"`
	PerPage     int       `json:"per_page"`
	Total       int64     `json:"total"`
	TotalCapped bool      `json:"total_capped"`
	// TotalEstimated: total is the database's estimate, not a count.
	TotalEstimated bool       `json:"total_estimated"`
	Next           *string    `json:"next"`
	Prev           *string    `json:"prev"`
	CSVURL         string     `json:"csv_url"`
	Claims         []apiClaim `json:"claims"`
}

func dateOrNull(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format("2006-01-02")
	return &s
}

// orNull maps the database's empty text to JSON null, as the claim schema does.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
