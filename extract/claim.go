// Package extract turns the text of an abstract into quantitative claims.
//
// It is pure: text in, claims out. It imports no database, HTTP or other
// claimboard package, so it can be fuzzed, benchmarked and scored on its own.
package extract

import "encoding/json"

// Version identifies the rules that produced a claim. Stored with every
// extracted claim so a re-extraction can tell which claims came from older rules.
const Version = "0.5.0"

// Qualifier values, as in the claim schema.
const (
	QualUpTo    = "up_to"
	QualAtLeast = "at_least"
	QualApprox  = "approx"
	QualAverage = "average"
)

// Claim is one quantitative claim found in an abstract. The JSON encoding is
// exactly the claim schema (SCHEMA.md): empty strings and zero counts become
// null. Offsets and confidence are not part of that contract and are kept out
// of the JSON.
type Claim struct {
	Metric        string   `json:"metric"`
	Value         float64  `json:"value"`
	ValueHigh     *float64 `json:"value_high"`
	Unit          string   `json:"unit"`
	Qualifier     string   `json:"qualifier"`
	Hardware      string   `json:"hardware"`
	HardwareCount int      `json:"hardware_count"`
	Baseline      string   `json:"baseline"`
	Subject       string   `json:"subject"`
	Condition     string   `json:"condition"`
	Evidence      string   `json:"evidence"`

	// Text is the number and unit exactly as written in the abstract ("13.7times").
	Text string `json:"-"`
	// Start and End are byte offsets of Evidence in the abstract: abstract[Start:End] == Evidence.
	Start int `json:"-"`
	End   int `json:"-"`
	// Confidence in [0,1], from the rules that fired.
	Confidence float64 `json:"-"`
	// Settings are the comparability keys read around the claim (settings.go).
	Settings Settings `json:"-"`
}

// MarshalJSON writes the schema form, with null for absent optional fields.
func (c Claim) MarshalJSON() ([]byte, error) {
	return json.Marshal(schemaClaim{
		Metric:        c.Metric,
		Value:         c.Value,
		ValueHigh:     c.ValueHigh,
		Unit:          c.Unit,
		Qualifier:     nullable(c.Qualifier),
		Hardware:      nullable(c.Hardware),
		HardwareCount: nullableInt(c.HardwareCount),
		Baseline:      nullable(c.Baseline),
		Subject:       nullable(c.Subject),
		Condition:     nullable(c.Condition),
		Evidence:      c.Evidence,
	})
}

// UnmarshalJSON reads the schema form (gold files, extractor output).
func (c *Claim) UnmarshalJSON(b []byte) error {
	var s schemaClaim
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*c = Claim{
		Metric:    s.Metric,
		Value:     s.Value,
		ValueHigh: s.ValueHigh,
		Unit:      s.Unit,
		Evidence:  s.Evidence,
	}
	c.Qualifier = deref(s.Qualifier)
	c.Hardware = deref(s.Hardware)
	c.Baseline = deref(s.Baseline)
	c.Subject = deref(s.Subject)
	c.Condition = deref(s.Condition)
	if s.HardwareCount != nil {
		c.HardwareCount = *s.HardwareCount
	}
	return nil
}

type schemaClaim struct {
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
}

// PaperClaims is one line of extractor output and of a gold file.
type PaperClaims struct {
	Title  string  `json:"title"`
	Claims []Claim `json:"claims"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nullableInt(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
