package models

import (
	"context"
	"fmt"
)

// peakMetrics are the metrics whose claims are set against a device's peak.
var peakMetrics = map[string]bool{"tflops_per_gpu": true, "aggregate_flops": true, "bandwidth": true}

// ComparedWithPeak reports whether a metric's claims are set against their
// device's peak (so flag=above_peak can select any).
func ComparedWithPeak(metric string) bool { return peakMetrics[metric] }

// SpecsOfHardware lists the spec rows of one device (by the extractor's
// slug), one per variant, in the CSV's order.
func (s *Store) SpecsOfHardware(ctx context.Context, slug string) ([]HardwareSpec, error) {
	var out []HardwareSpec
	err := s.db.WithContext(ctx).Table("hardware_specs").Where("hardware_slug = ?", slug).
		Order("position, id").Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: specs of %q: %w", slug, err)
	}
	return out, nil
}

// HardwareSpecs lists every spec row in the CSV's order.
func (s *Store) HardwareSpecs(ctx context.Context) ([]HardwareSpec, error) {
	var out []HardwareSpec
	if err := s.db.WithContext(ctx).Table("hardware_specs").Order("position, id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("store: hardware specs: %w", err)
	}
	return out, nil
}

// comparePeaks fills Peak on the throughput claims of rows whose device has
// spec rows: one indexed read for the page's devices, none when the page
// has no throughput claim.
func (s *Store) comparePeaks(ctx context.Context, rows []ClaimRow) error {
	var slugs []string
	for _, r := range rows {
		if peakMetrics[r.MetricSlug] && r.HardwareSlug != "" {
			slugs = append(slugs, r.HardwareSlug)
		}
	}
	if len(slugs) == 0 {
		return nil
	}
	by, err := s.specsBySlug(ctx, slugs)
	if err != nil {
		return err
	}
	for i := range rows {
		r := &rows[i]
		if sp := by[r.HardwareSlug]; peakMetrics[r.MetricSlug] && len(sp) > 0 {
			r.Peak = ComparePeak(r.MetricSlug, r.Value, r.HardwareCount, peakText(&r.ClaimFields, r.RawText), sp)
		}
	}
	return nil
}

// specsBySlug returns the spec rows of the given devices, by slug. A page
// under a request's versions reads them from the whole table kept in memory
// (a few hundred rows that change with the base version); other reads
// query just those devices.
func (s *Store) specsBySlug(ctx context.Context, slugs []string) (map[string][]HardwareSpec, error) {
	if _, ok := versionsOf(ctx); ok {
		all, err := cachedRead(ctx, s, "hardware-specs", baseScope, func() (map[string][]HardwareSpec, error) {
			specs, err := s.HardwareSpecs(ctx)
			return groupSpecs(specs), err
		})
		if err != nil {
			return nil, err
		}
		out := make(map[string][]HardwareSpec, len(slugs))
		for _, slug := range slugs {
			if sp, ok := all[slug]; ok {
				out[slug] = sp
			}
		}
		return out, nil
	}
	var specs []HardwareSpec
	err := s.db.WithContext(ctx).Table("hardware_specs").Where("hardware_slug IN ?", dedupe(slugs)).
		Order("position, id").Find(&specs).Error
	if err != nil {
		return nil, fmt.Errorf("store: specs for peaks: %w", err)
	}
	return groupSpecs(specs), nil
}

func groupSpecs(specs []HardwareSpec) map[string][]HardwareSpec {
	by := map[string][]HardwareSpec{}
	for _, sp := range specs {
		by[sp.HardwareSlug] = append(by[sp.HardwareSlug], sp)
	}
	return by
}

// peakText is where a claim states its precision: the precision field, its
// evidence, condition and the value as written.
func peakText(c *ClaimFields, raw string) string {
	precision, _ := c.Added.get("precision")
	p, _ := precision.(string)
	return p + " " + c.Evidence + " " + c.Condition + " " + raw
}
