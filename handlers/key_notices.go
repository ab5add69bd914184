package handlers

import (
	"sort"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// keyChipsOf lists the comparability keys a claim states, for its row and page.
func keyChipsOf(c models.ClaimFields) []views.KeyChip {
	k := c.KeyValues()
	var out []views.KeyChip
	for _, d := range models.Keys {
		if v := k.Get(d.Param); v != "" && d.Param != "devices" { // the count shows with the device
			out = append(out, views.KeyChip{Key: d.Param, Label: d.Label, Text: d.Show(v)})
		}
	}
	return out
}

// keyNotices names each key in which the rows on screen differ, with a link
// per value to the same view with that key's filter added. The links are
// built from the parsed filter f and the stored value read back through the
// filter's own parser, never from the request's query string.
func keyNotices(path string, f models.LeaderboardFilter, rows []models.ClaimRow) []views.KeyNotice {
	base := f
	base.Page = 1
	var out []views.KeyNotice
	// Each row's keys once, not once per key: KeyValues decodes the added
	// fields, and seven keys of fifty rows was 7% of an uncached page.
	keys := make([]models.KeyFilter, len(rows))
	for i, r := range rows {
		keys[i] = r.KeyValues()
	}
	for _, d := range models.Keys {
		if f.Keys.Get(d.Param) != "" {
			continue // already narrowed to one value
		}
		counts := map[string]int{}
		var order []string
		unstated := 0
		for _, k := range keys {
			v := k.Get(d.Param)
			if v == "" {
				unstated++
				continue
			}
			if counts[v] == 0 {
				order = append(order, v)
			}
			counts[v]++
		}
		if len(order) < 2 {
			continue
		}
		sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
		n := views.KeyNotice{Key: d.Param, Label: d.Label, Unstated: unstated}
		for _, v := range order {
			nf := base
			if err := nf.Keys.SetKey(d.Param, v); err != nil {
				continue // a stored value the filter would refuse: no link to a 400
			}
			n.Values = append(n.Values, views.KeyCount{Text: d.Show(v), Count: counts[v], URL: withQuery(path, filterQuery(nf))})
		}
		if len(n.Values) > 1 {
			out = append(out, n)
		}
	}
	return out
}

// keyChips are the active key filters as removable chips.
func keyChips(path string, f models.LeaderboardFilter) []views.Chip {
	base := f
	base.Page = 1
	var out []views.Chip
	for _, d := range models.Keys {
		if v := f.Keys.Get(d.Param); v != "" {
			nf := base
			nf.Keys = models.KeyFilter{}
			for _, o := range models.Keys {
				if w := f.Keys.Get(o.Param); o.Param != d.Param && w != "" {
					_ = nf.Keys.SetKey(o.Param, w)
				}
			}
			out = append(out, views.Chip{Label: d.Label + ": " + d.Show(v), RemoveURL: withQuery(path, filterQuery(nf))})
		}
	}
	return out
}
