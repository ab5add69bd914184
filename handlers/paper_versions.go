package handlers

import (
	"sort"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// versionChanges pairs, for each arXiv version that superseded claims, every
// claim it superseded with a claim first read from that version on the same
// metric and device (the number that replaced it); what is left over on
// either side was removed or is new in that version.
func versionChanges(superseded, all []models.ClaimRow) []views.VersionChange {
	byVersion := map[int][]models.ClaimRow{}
	for _, r := range superseded {
		if r.SupersededIn != nil {
			byVersion[*r.SupersededIn] = append(byVersion[*r.SupersededIn], r)
		}
	}
	versions := make([]int, 0, len(byVersion))
	for v := range byVersion {
		versions = append(versions, v)
	}
	sort.Ints(versions)
	side := func(r models.ClaimRow) *views.ChangedClaim {
		c := &views.ChangedClaim{ID: r.ID, Value: views.Value(r.Value, r.ValueHigh, r.Unit), Hardware: r.HardwareName, Version: r.ArxivVersion}
		if r.HardwareCount != nil && *r.HardwareCount > 1 {
			c.Hardware = views.Number(float64(*r.HardwareCount)) + " × " + r.HardwareName
		}
		return c
	}
	var out []views.VersionChange
	for _, v := range versions {
		// Claims new in v are candidates for "after", in abstract order.
		var after []models.ClaimRow
		for _, r := range all {
			if r.ArxivVersion == v && r.Status != models.StatusRetracted {
				after = append(after, r)
			}
		}
		used := make([]bool, len(after))
		ch := views.VersionChange{Version: v}
		for _, b := range byVersion[v] {
			row := views.ChangeRow{Metric: b.MetricName, Before: side(b)}
			for i, a := range after {
				if !used[i] && a.MetricSlug == b.MetricSlug && a.HardwareSlug == b.HardwareSlug {
					used[i] = true
					row.After = side(a)
					break
				}
			}
			ch.Rows = append(ch.Rows, row)
		}
		for i, a := range after {
			if !used[i] {
				ch.Rows = append(ch.Rows, views.ChangeRow{Metric: a.MetricName, After: side(a)})
			}
		}
		out = append(out, ch)
	}
	return out
}
