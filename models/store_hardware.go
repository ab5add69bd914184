package models

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/claimboard/claimboard/extract"
	"gorm.io/gorm"
)

// HardwareOfMetric lists the devices that a metric's live claims name, for
// the leaderboard's hardware filter.
func (s *Store) HardwareOfMetric(ctx context.Context, metricID int64) ([]Hardware, error) {
	// One probe of the metric's claims per device: cached by the metric's
	// version, it runs once per change, not once per page.
	hw, err := cachedRead(ctx, s, "hardware-of:"+strconv.FormatInt(metricID, 10), metricScope(metricID), func() ([]Hardware, error) {
		var hw []Hardware
		err := s.db.WithContext(ctx).Table("hardware h").Select("h.*").
			Where("EXISTS (SELECT 1 FROM claims c WHERE c.hardware_id = h.id AND c.metric_id = ? AND "+liveClaim+")", metricID).
			Order("h.name").Scan(&hw).Error
		if err != nil {
			return nil, fmt.Errorf("store: hardware of metric %d: %w", metricID, err)
		}
		return hw, nil
	})
	return slices.Clone(hw), err
}

// GetHardware returns a device by slug, or ENotFound.
func (s *Store) GetHardware(ctx context.Context, slug string) (*Hardware, error) {
	// A slug that cannot exist never reaches the database: PostgreSQL refuses
	// invalid UTF-8 with an error that would otherwise be a 500.
	if !validSlug(slug) {
		return nil, Errorf(ENotFound, "no hardware named %q", clipText(slug, 40))
	}
	var h Hardware
	err := s.db.WithContext(ctx).Where("slug = ?", slug).Take(&h).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, Errorf(ENotFound, "no hardware named %q", slug)
	}
	if err != nil {
		return nil, fmt.Errorf("store: get hardware %q: %w", slug, err)
	}
	return &h, nil
}

// ClaimsOnHardwareCap bounds the claims ClaimsOnHardware reads.
const ClaimsOnHardwareCap = 5000

// ClaimsOnHardware lists the live claims measured on one device, grouped by
// metric in vocabulary order and best first within each metric (at most
// ClaimsOnHardwareCap).
func (s *Store) ClaimsOnHardware(ctx context.Context, hardwareID int64) ([]ClaimRow, error) {
	var rows []ClaimRow
	err := s.claimRows(ctx).
		Where("c.hardware_id = ? AND "+liveClaim, hardwareID).
		Order("m.position, CASE WHEN m.higher_is_better THEN -c.value ELSE c.value END, c.id").
		Limit(ClaimsOnHardwareCap).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: claims on hardware %d: %w", hardwareID, err)
	}
	if err := s.comparePeaks(ctx, rows); err != nil {
		return nil, err
	}
	return rows, nil
}

// HardwareCount is a device with the number of live claims measured on it.
type HardwareCount struct {
	Hardware
	Claims int64
}

// HardwareList lists every device by name with its number of live claims.
func (s *Store) HardwareList(ctx context.Context) ([]HardwareCount, error) {
	var out []HardwareCount
	err := s.db.WithContext(ctx).Table("hardware h").
		Select("h.*, (SELECT COUNT(*) FROM claims c WHERE c.hardware_id = h.id AND " + liveClaim + ") AS claims").
		Order("h.name, h.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: list hardware: %w", err)
	}
	return out, nil
}

// hardwareByName finds the device name names (see resolveDevice: any case,
// spacing or alias), creating it only when nothing matches. Callers that
// must not create one check first with canonicalDevice.
func hardwareByName(tx *gorm.DB, name string) (int64, error) {
	stored, err := storedDevices(tx)
	if err != nil {
		return 0, err
	}
	h, ok := resolveDevice(stored, name)
	if ok && h.ID != 0 {
		return h.ID, nil
	}
	if !ok {
		slug := extract.Slug(name)
		if slug == "" {
			return 0, FieldErrorf("hardware", "%q needs a Latin letter or digit, which its web address is made of", name)
		}
		h = Hardware{Slug: slug, Name: name}
	}
	if err := tx.Create(&h).Error; err != nil {
		return 0, fmt.Errorf("hardware %q: %w", name, err)
	}
	return h.ID, nil
}

// resolveHardware records on f the ids of the devices its hardware filter
// names, from every device's slug and id kept in memory at the request's
// versions (store_reads_cache.go); a slug that names no device matches
// nothing, as the join did. Outside a request it leaves the filter to the join.
func (s *Store) resolveHardware(ctx context.Context, f *LeaderboardFilter) error {
	if len(f.Hardware) == 0 {
		return nil
	}
	if _, ok := versionsOf(ctx); !ok {
		return nil
	}
	ids, err := cachedRead(ctx, s, "hardware-ids", siteScope, func() (map[string]int64, error) {
		var rows []struct {
			ID   int64
			Slug string
		}
		if err := s.db.WithContext(ctx).Table("hardware").Select("id, slug").Scan(&rows).Error; err != nil {
			return nil, fmt.Errorf("store: hardware ids: %w", err)
		}
		out := make(map[string]int64, len(rows))
		for _, r := range rows {
			out[r.Slug] = r.ID
		}
		return out, nil
	})
	if err != nil {
		return err
	}
	f.hardwareIDs = []int64{}
	for _, slug := range f.Hardware {
		if id, ok := ids[slug]; ok {
			f.hardwareIDs = append(f.hardwareIDs, id)
		}
	}
	return nil
}
