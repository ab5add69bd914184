package models

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/claimboard/claimboard/extract"
	"gorm.io/gorm"
)

// A device typed into a suggestion is mapped to the device it names, so that
// "rtx3090", "RTX-3090" and "NVIDIA RTX 3090" are one device and one facet,
// not three. Only a name that matches nothing becomes a new device, and only
// when the moderator confirms it.

// KnownDevices lists the names the suggestion form offers: every stored
// device and every device of the extractor's gazetteer, by name.
func (s *Store) KnownDevices(ctx context.Context) ([]string, error) {
	stored, err := storedDevices(s.db.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, h := range append(stored, gazetteerDevices()...) {
		if k := strings.ToLower(h.Name); !seen[k] {
			seen[k] = true
			out = append(out, h.Name)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out, nil
}

// gazetteerDevices is the extractor's gazetteer as hardware rows, built once.
var gazetteerDevices = sync.OnceValue(func() []Hardware {
	var out []Hardware
	for _, h := range extract.Gazetteer() {
		out = append(out, Hardware{Slug: h.Slug, Name: h.Name, Vendor: h.Vendor, Family: h.Family})
	}
	return out
})

func storedDevices(db *gorm.DB) ([]Hardware, error) {
	var hw []Hardware
	if err := db.Order("id").Find(&hw).Error; err != nil {
		return nil, fmt.Errorf("store: list devices: %w", err)
	}
	return hw, nil
}

// deviceKey compares device names ignoring case, spaces, dashes and other
// punctuation: "RTX-3090" and "rtx 3090" have the same key.
func deviceKey(s string) string { return strings.ReplaceAll(extract.Slug(s), "-", "") }

// resolveDevice returns the device name names, among stored (ordered by id)
// and then the gazetteer: a stored device whose name or slug has name's key,
// else the device the gazetteer knows by that name or alias. A gazetteer
// device not stored yet comes back with ID 0. ok is false when nothing
// matches, or when an alias names several devices.
func resolveDevice(stored []Hardware, name string) (h Hardware, ok bool) {
	key := deviceKey(name)
	if key == "" {
		return Hardware{}, false
	}
	for _, h := range stored {
		if deviceKey(h.Name) == key || deviceKey(h.Slug) == key {
			return h, true
		}
	}
	slugs := extract.HardwareByAlias(name)
	if len(slugs) != 1 {
		return Hardware{}, false
	}
	for _, h := range stored {
		if h.Slug == slugs[0] {
			return h, true
		}
	}
	for _, h := range gazetteerDevices() {
		if h.Slug == slugs[0] {
			return h, true
		}
	}
	return Hardware{}, false
}

// canonicalDevice rewrites *name to the device it names, storing a gazetteer
// device on first use with its vendor and family. A name that matches no
// device is kept only if allowNew (the moderator confirmed a new device);
// otherwise it is an error on the new_device field and nothing is written.
func canonicalDevice(tx *gorm.DB, name *string, allowNew bool) error {
	if strings.TrimSpace(*name) == "" {
		return nil
	}
	stored, err := storedDevices(tx)
	if err != nil {
		return err
	}
	h, ok := resolveDevice(stored, *name)
	if !ok {
		if allowNew {
			return nil
		}
		return FieldErrorf("new_device", "%q matches no known device; tick “new device” to create it, or correct the hardware first", clipText(*name, 100))
	}
	if h.ID == 0 {
		if err := tx.Create(&h).Error; err != nil {
			return fmt.Errorf("store device %q: %w", h.Name, err)
		}
	}
	*name = h.Name
	return nil
}
