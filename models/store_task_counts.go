package models

import (
	"context"
	"fmt"
)

// TaskCount is a task with the live claims of one metric on its papers.
type TaskCount struct {
	Task
	Claims int64
}

// TasksOfMetric lists the tasks with live claims of a metric, most claims
// first, from the trigger-kept counts: one indexed read, no claim scanned.
func (s *Store) TasksOfMetric(ctx context.Context, metricID int64) ([]TaskCount, error) {
	var out []TaskCount
	err := s.db.WithContext(ctx).Table("task_metric_counts tc").
		Select("t.id, t.slug, t.name, t.area, t.position, t.papers, tc.live AS claims").
		Joins("JOIN tasks t ON t.id = tc.task_id").
		Where("tc.metric_id = ? AND tc.live > 0", metricID).
		Order("tc.live DESC, t.position, t.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: tasks of metric %d: %w", metricID, err)
	}
	return out, nil
}

// TaskMetricCell is the live claims of one metric on one task's papers.
type TaskMetricCell struct {
	TaskSlug, TaskName     string
	MetricSlug, MetricName string
	Claims                 int64
}

// TaskMetricCells lists every non-empty task × metric count, in task then
// metric vocabulary order: one read of the trigger-kept counts (a row per
// task and metric at most), no claim scanned.
func (s *Store) TaskMetricCells(ctx context.Context) ([]TaskMetricCell, error) {
	var out []TaskMetricCell
	err := s.db.WithContext(ctx).Table("task_metric_counts tc").
		Select("t.slug AS task_slug, t.name AS task_name, m.slug AS metric_slug, m.name AS metric_name, tc.live AS claims").
		Joins("JOIN tasks t ON t.id = tc.task_id").Joins("JOIN metrics m ON m.id = tc.metric_id").
		Where("tc.live > 0").Order("t.position, t.id, m.position, m.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: task × metric counts: %w", err)
	}
	return out, nil
}
