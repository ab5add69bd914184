package models_test

import (
	"context"
	"testing"

	"github.com/claimboard/claimboard/extract"
	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// The seeded metrics table and the extractor's registry are one vocabulary:
// a metric the extractor can emit but the database lacks would fail every
// ingest of it, and a seeded metric the extractor does not know is a dead
// leaderboard. A new metric needs both a registry row and a migration.
func TestSeededMetricsMatchExtractRegistry(t *testing.T) {
	testdb.EachDialect(t, func(t *testing.T, s *models.Store) {
		ms, err := s.Metrics(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != len(extract.Metrics) {
			t.Errorf("seeded %d metrics, registry has %d", len(ms), len(extract.Metrics))
		}
		for i, m := range ms {
			if i >= len(extract.Metrics) {
				t.Errorf("seeded metric %q is not in the registry", m.Slug)
				continue
			}
			want := extract.Metrics[i]
			if m.Slug != want.Slug || m.Name != want.Name || m.Unit != want.Unit ||
				m.HigherIsBetter != want.HigherIsBetter || m.Description != want.Description {
				t.Errorf("metric %d: seeded {%q %q %q higher=%v %q}, registry {%q %q %q higher=%v %q}", i+1,
					m.Slug, m.Name, m.Unit, m.HigherIsBetter, m.Description,
					want.Slug, want.Name, want.Unit, want.HigherIsBetter, want.Description)
			}
		}
	})
}
