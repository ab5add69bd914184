package models

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// FlagScanCap bounds the candidates a flag=above_peak view reads. Whether a
// claim exceeds its device's peak is computed on read (ComparePeak reads the
// precision from its text), so the view reads the claims that could exceed
// it, computes each, and pages what is flagged; past the cap the total is
// shown as capped.
const FlagScanCap = 10000

// flagCondition is the SQL condition that keeps the claims of metric m that
// could exceed their device's peak: a device with spec rows, and a value per
// device above the lowest figure it could be compared with. ComparePeak
// decides each candidate; no claim it flags is left out. The figures come
// from the spec table and are bound; user text never reaches this SQL.
func (s *Store) flagCondition(ctx context.Context, m *Metric) (string, []any, error) {
	if !peakMetrics[m.Slug] {
		return "1 = 0", nil, nil
	}
	specs, err := s.HardwareSpecs(ctx)
	if err != nil {
		return "", nil, err
	}
	floors := map[string]float64{}
	for _, sp := range specs {
		for _, v := range figuresOf(m.Slug, &sp) {
			if f, ok := floors[sp.HardwareSlug]; v != nil && *v > 0 && (!ok || *v < f) {
				floors[sp.HardwareSlug] = *v
			}
		}
	}
	if len(floors) == 0 {
		return "1 = 0", nil, nil
	}
	var devices []Hardware
	slugs := make([]string, 0, len(floors))
	for slug := range floors {
		slugs = append(slugs, slug)
	}
	if err := s.db.WithContext(ctx).Table("hardware").Where("slug IN ?", slugs).Find(&devices).Error; err != nil {
		return "", nil, fmt.Errorf("store: devices with specs: %w", err)
	}
	perDevice := map[string]string{
		"tflops_per_gpu":  "c.value",
		"aggregate_flops": "c.value * 1000.0 / (CASE WHEN c.hardware_count >= 1 THEN c.hardware_count END)",
		"bandwidth":       "c.value / (CASE WHEN c.hardware_count > 1 THEN c.hardware_count ELSE 1 END)",
	}[m.Slug]
	var parts []string
	var args []any
	for _, d := range devices {
		parts = append(parts, "(c.hardware_id = ? AND "+perDevice+" > ?)")
		args = append(args, d.ID, floors[d.Slug])
	}
	if len(parts) == 0 {
		return "1 = 0", nil, nil
	}
	return "(" + strings.Join(parts, " OR ") + ")", args, nil
}

// figuresOf lists the spec figures a claim of metric could be compared with.
func figuresOf(metric string, sp *HardwareSpec) []*float64 {
	if metric == "bandwidth" {
		return []*float64{sp.BandwidthGBs}
	}
	// Every precision column, the lowest of which bounds any threshold;
	// FP32's figure may be TF32's (see precisions), so both are listed.
	return []*float64{sp.FP32TFLOPS, sp.TF32TFLOPSDense, sp.FP16BF16TFLOPSDense, sp.FP8TFLOPSDense, sp.INT8TOPSDense}
}

// flaggedLeaderboard fills lb with the page of f's claims that carry
// f.Flag: the candidates in f's order (at most FlagScanCap), each compared
// with its device's peak, the flagged ones counted and paged.
func (s *Store) flaggedLeaderboard(ctx context.Context, m *Metric, f LeaderboardFilter, lb *Leaderboard) error {
	cond, args, err := s.flagCondition(ctx, m)
	if err != nil {
		return err
	}
	var ids []int64
	err = s.orderedIDs(ctx, m, f).Where(cond, args...).Limit(FlagScanCap+1).Pluck("c.id", &ids).Error
	if err != nil {
		return fmt.Errorf("store: list flagged %q: %w", f.Metric, err)
	}
	if len(ids) > FlagScanCap {
		ids, lb.TotalCapped = ids[:FlagScanCap], true
	}
	var flagged []ClaimRow
	for lo := 0; lo < len(ids); lo += 500 {
		part := ids[lo:min(lo+500, len(ids))]
		var rows []ClaimRow
		if err := s.claimRows(ctx).Where("c.id IN ?", part).Scan(&rows).Error; err != nil {
			return fmt.Errorf("store: read flagged %q: %w", f.Metric, err)
		}
		if err := s.comparePeaks(ctx, rows); err != nil {
			return err
		}
		byID := make(map[int64]ClaimRow, len(rows))
		for _, r := range rows {
			byID[r.ID] = r
		}
		for _, id := range part {
			if r, ok := byID[id]; ok && r.Peak != nil && r.Peak.Above {
				flagged = append(flagged, r)
			}
		}
	}
	lb.Total = int64(len(flagged))
	from := (f.Page - 1) * f.PerPage
	if from < len(flagged) {
		to := min(from+f.PerPage, len(flagged))
		lb.Rows, lb.HasNext = flagged[from:to], to < len(flagged)
	}
	return nil
}

// flaggedQuery narrows an export's query to the candidates of f's flag;
// the encoder then keeps the rows ComparePeak flags.
func (s *Store) flaggedQuery(ctx context.Context, q *gorm.DB, m *Metric, f LeaderboardFilter) (*gorm.DB, error) {
	if f.Flag == "" {
		return q, nil
	}
	cond, args, err := s.flagCondition(ctx, m)
	if err != nil {
		return nil, err
	}
	return q.Where(cond, args...), nil
}
