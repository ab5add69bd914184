package models

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// metricUnits maps every metric slug to its canonical unit.
func (s *Store) metricUnits(ctx context.Context) (map[string]string, error) {
	ms, err := s.Metrics(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(ms))
	for _, m := range ms {
		out[m.Slug] = m.Unit
	}
	return out, nil
}

// Metrics lists the vocabulary in display order, for forms.
func (s *Store) Metrics(ctx context.Context) ([]Metric, error) {
	var ms []Metric
	if err := s.db.WithContext(ctx).Order("position, id").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("store: list metrics: %w", err)
	}
	return ms, nil
}

// GetMetric returns a metric by slug, or ENotFound.
func (s *Store) GetMetric(ctx context.Context, slug string) (*Metric, error) {
	// A slug that cannot exist never reaches the database: PostgreSQL refuses
	// invalid UTF-8 with an error that would otherwise be a 500.
	if !validSlug(slug) {
		return nil, Errorf(ENotFound, "no leaderboard named %q", clipText(slug, 40))
	}
	m, err := cachedRead(ctx, s, "metric:"+slug, baseScope, func() (Metric, error) {
		var m Metric
		err := s.db.WithContext(ctx).Where("slug = ?", slug).Take(&m).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return m, Errorf(ENotFound, "no leaderboard named %q", slug)
		}
		if err != nil {
			return m, fmt.Errorf("store: get metric %q: %w", slug, err)
		}
		return m, nil
	})
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// MetricSummary is a metric with its claim count and best claim, for the home page.
type MetricSummary struct {
	Metric
	Claims int64
	Best   *ClaimRow
}

// MetricSummaries returns every metric in vocabulary order with its number of
// live claims (maintained by triggers) and its best claim (one index probe
// per metric, in the metric's direction).
func (s *Store) MetricSummaries(ctx context.Context) ([]MetricSummary, error) {
	var metrics []Metric
	if err := s.db.WithContext(ctx).Order("position, id").Find(&metrics).Error; err != nil {
		return nil, fmt.Errorf("store: list metrics: %w", err)
	}
	var counts []struct {
		MetricID int64
		Live     int64
	}
	if err := s.db.WithContext(ctx).Table("metric_counts").Find(&counts).Error; err != nil {
		return nil, fmt.Errorf("store: claim counts per metric: %w", err)
	}
	n := map[int64]int64{}
	for _, c := range counts {
		n[c.MetricID] = c.Live
	}
	out := make([]MetricSummary, 0, len(metrics))
	for i := range metrics {
		m := &metrics[i]
		sum := MetricSummary{Metric: *m, Claims: n[m.ID]}
		if sum.Claims > 0 {
			// The id first, from the value index alone, then its row: with the
			// joins in one query SQLite's planner could sort the whole metric.
			var ids []int64
			err := s.orderedIDs(ctx, m, LeaderboardFilter{Metric: m.Slug, Sort: "value"}).Limit(minFetch).Pluck("c.id", &ids).Error
			if err != nil {
				return nil, fmt.Errorf("store: best claim of %q: %w", m.Slug, err)
			}
			var best []ClaimRow
			if len(ids) > 0 {
				if err := s.claimRows(ctx).Where("c.id = ?", ids[0]).Scan(&best).Error; err != nil {
					return nil, fmt.Errorf("store: best claim of %q: %w", m.Slug, err)
				}
			}
			if len(best) == 1 {
				sum.Best = &best[0]
			}
		}
		out = append(out, sum)
	}
	return out, nil
}
