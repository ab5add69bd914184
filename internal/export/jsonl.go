package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/claimboard/claimboard/models"
)

// ClaimJSONL writes claims as JSON Lines: one object per line with the CSV's
// columns under the same names and in the same order, numbers as numbers and
// absent values (an optional field left empty) as null. JSON needs no
// formula neutralising, so text is exactly as stored.
type ClaimJSONL struct {
	w      io.Writer
	base   string
	fields []models.ClaimField // before claim_url
	last   []models.ClaimField // after claim_url
	end    []models.ClaimField // after the provenance columns
	line   bytes.Buffer
	val    bytes.Buffer
	enc    *json.Encoder // writes into val, without HTML escaping
	err    error
}

// NewClaimJSONL returns an encoder writing to w; claim URLs start with baseURL.
func NewClaimJSONL(w io.Writer, baseURL string) *ClaimJSONL {
	e := &ClaimJSONL{w: w, base: baseURL, fields: exported(models.ExportBeforeClaimURL),
		last: exported(models.ExportAfterClaimURL), end: exported(models.ExportAtEnd)}
	e.enc = json.NewEncoder(&e.val)
	e.enc.SetEscapeHTML(false)
	return e
}

// Write writes one claim as one line.
func (e *ClaimJSONL) Write(r *models.ExportRow) error {
	e.line.Reset()
	e.err = nil
	e.line.WriteByte('{')
	e.put("paper_title", r.PaperTitle)
	e.put("arxiv_id", orNull(r.ArxivID))
	e.put("paper_url", orNull(paperURL(r.SourceURL, r.ArxivID)))
	e.putFields(r, e.fields)
	e.put("claim_url", e.base+"/claims/"+strconv.FormatInt(r.ID, 10))
	e.putFields(r, e.last)
	pct, src, flag := peakCells(r)
	e.put("percent_of_peak", pct)
	e.put("peak_source", orNull(src))
	flags := []string{}
	if flag != "" {
		flags = append(flags, flag)
	}
	e.put("flags", flags)
	e.put("value_as_written", r.RawText)
	e.put("code_url", orNull(models.LinkURL(r.CodeURL)))
	e.put("published", orNull(r.Published))
	var version *int
	if r.ArxivVersion > 0 {
		version = &r.ArxivVersion
	}
	e.put("arxiv_version", version)
	e.putFields(r, e.end)
	e.line.WriteString("}\n")
	if e.err != nil {
		return fmt.Errorf("jsonl: claim %d: %w", r.ID, e.err)
	}
	if _, err := e.w.Write(e.line.Bytes()); err != nil {
		return fmt.Errorf("jsonl: claim %d: %w", r.ID, err)
	}
	return nil
}

// putFields appends fields of r, empty optional text as null.
func (e *ClaimJSONL) putFields(r *models.ExportRow, fields []models.ClaimField) {
	for _, f := range fields {
		v := f.Value(&r.ClaimFields)
		if s, ok := v.(string); ok && !f.Required {
			v = orNull(s)
		}
		e.put(f.Name, v)
	}
}

// put appends one "name":value member; names are the table's plain ASCII.
func (e *ClaimJSONL) put(name string, v any) {
	if e.line.Len() > 1 {
		e.line.WriteByte(',')
	}
	e.line.WriteString(`"` + name + `":`)
	e.val.Reset()
	if err := e.enc.Encode(v); err != nil && e.err == nil {
		e.err = err
	}
	e.line.Write(bytes.TrimSuffix(e.val.Bytes(), []byte("\n")))
}

// orNull maps the database's empty text to JSON null, as the claim schema does.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
