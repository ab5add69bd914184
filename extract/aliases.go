package extract

import "strings"

// HardwareByAlias returns the slugs of the devices that q names: q equals a
// device's canonical name or one of its aliases, ignoring case, spaces and
// dashes ("rtx3090", "RTX-3090" and "NVIDIA RTX 3090" all name the RTX 3090).
// Search uses it to find claims by the spellings abstracts use.
func HardwareByAlias(q string) []string {
	key := aliasKey(q)
	if key == "" {
		return nil
	}
	var out []string
	for _, e := range gazetteer {
		match := aliasKey(e.Name) == key
		for _, a := range e.aliases {
			match = match || aliasKey(strings.Join(a, "")) == key
		}
		if match {
			out = append(out, e.Slug)
		}
	}
	return out
}

func aliasKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '_' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}
