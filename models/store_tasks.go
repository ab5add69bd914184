package models

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"gorm.io/gorm"
)

// TaskNone is the task filter's value for claims of papers filed under no
// task (task=none); no task of the vocabulary has that slug.
const TaskNone = "none"

// Task is one entry of the task vocabulary (migration 00019): what a paper
// makes faster. The extractor's task table is the source of the seed.
type Task struct {
	ID       int64
	Slug     string
	Name     string
	Area     string
	Position int
	Papers   int64 // papers filed under the task, kept by triggers
}

// Who assigned a paper's task. A human's assignment is the paper's whole
// task list from then on: re-extraction neither removes nor adds to it.
const (
	TaskByExtractor = "extractor"
	TaskByHuman     = "human"
)

// PaperTask is a task of one paper with who assigned it.
type PaperTask struct {
	Task
	Source string
}

// Tasks lists the vocabulary in display order.
func (s *Store) Tasks(ctx context.Context) ([]Task, error) {
	// The site's version, not the base: a task's paper count moves with
	// its papers, whichever metric their claims are of.
	out, err := cachedRead(ctx, s, "tasks", siteScope, func() ([]Task, error) {
		var out []Task
		if err := s.db.WithContext(ctx).Order("position, id").Find(&out).Error; err != nil {
			return nil, fmt.Errorf("store: list tasks: %w", err)
		}
		return out, nil
	})
	return slices.Clone(out), err
}

// GetTask returns a task by slug, or ENotFound.
func (s *Store) GetTask(ctx context.Context, slug string) (*Task, error) {
	if !validSlug(slug) {
		return nil, Errorf(ENotFound, "no task named %q", clipText(slug, 40))
	}
	t, err := cachedRead(ctx, s, "task:"+slug, siteScope, func() (Task, error) {
		var t Task
		err := s.db.WithContext(ctx).Where("slug = ?", slug).Take(&t).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return t, Errorf(ENotFound, "no task named %q", slug)
		}
		if err != nil {
			return t, fmt.Errorf("store: get task %q: %w", slug, err)
		}
		return t, nil
	})
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// smallTask is the most papers a task may have for a filtered leaderboard
// always to start from the task's papers (paper_tasks (task_id, paper_id),
// then each paper's claims of the metric, then a sort): that costs a probe
// per paper of the task. Walking the metric's value index instead and
// probing paper_tasks per claim costs the claims read until the page is
// full, which the maintained counts estimate; the cheaper shape is taken.
// Measured at 100k papers: starting from the task took 0.9 ms for a task of
// 530 papers and 116 ms for one of 24,000; walking took 2 ms for the large
// task and 73 ms for the small one.
const smallTask = 2000

// resolveTask looks f's task up and records on f its id and which query
// shape suits it for metric m; a task not in the vocabulary is a 400 naming
// the field rather than an empty board.
func (s *Store) resolveTask(ctx context.Context, m *Metric, f *LeaderboardFilter) error {
	if f.Task == "" {
		return nil
	}
	if f.Task == TaskNone {
		f.task = resolvedTask{none: true}
		return nil
	}
	t, err := s.GetTask(ctx, f.Task)
	if err != nil {
		if ErrorCode(err) == ENotFound {
			return FieldErrorf("task", "%q is not a task", clipText(f.Task, 40))
		}
		return err
	}
	f.task = resolvedTask{id: t.ID}
	if t.Papers <= smallTask {
		return nil
	}
	metricLive, taskLive, err := s.taskMetricCounts(ctx, t.ID, m.ID)
	if err != nil {
		return err
	}
	// Claims the walk reads to fill the page, if the task's claims are
	// spread evenly over the metric's order.
	want := int64(f.Page * f.PerPage)
	walk := metricLive
	if taskLive > 0 {
		walk = min(metricLive, want*metricLive/taskLive)
	}
	f.task.large = walk < t.Papers
	return nil
}

// resolveFilter looks up what f names for metric m before its queries are
// built: the task's id and shape, the devices' ids, whether the text is rare.
func (s *Store) resolveFilter(ctx context.Context, m *Metric, f *LeaderboardFilter) error {
	if err := s.resolveTask(ctx, m, f); err != nil {
		return err
	}
	if err := s.resolveHardware(ctx, f); err != nil {
		return err
	}
	return s.resolveText(ctx, m, f)
}

// taskMetricCounts returns the live claims of a metric, and of the metric
// on a task's papers, from the trigger-kept counts.
func (s *Store) taskMetricCounts(ctx context.Context, taskID, metricID int64) (metricLive, taskLive int64, err error) {
	metricLive, err = s.metricLive(ctx, metricID)
	if err == nil {
		key := "task-count:" + strconv.FormatInt(taskID, 10) + ":" + strconv.FormatInt(metricID, 10)
		taskLive, err = cachedRead(ctx, s, key, metricScope(metricID), func() (int64, error) {
			var n int64
			err := s.db.WithContext(ctx).Table("task_metric_counts").Select("live").
				Where("task_id = ? AND metric_id = ?", taskID, metricID).Scan(&n).Error
			return n, err
		})
	}
	if err != nil {
		return 0, 0, fmt.Errorf("store: counts of task %d: %w", taskID, err)
	}
	return metricLive, taskLive, nil
}

// metricLive is the kept count of a metric's live claims.
func (s *Store) metricLive(ctx context.Context, metricID int64) (int64, error) {
	return cachedRead(ctx, s, "metric-count:"+strconv.FormatInt(metricID, 10), metricScope(metricID), func() (int64, error) {
		var n int64
		err := s.db.WithContext(ctx).Table("metric_counts").Select("live").Where("metric_id = ?", metricID).Scan(&n).Error
		return n, err
	})
}

// taskCondition is the task filter in the shape f.task calls for. The id
// is written into the SQL, not bound: it is an integer read from the tasks
// table, never user text, and PostgreSQL's generic plan for a bound id
// would assume an average task and take the same shape for all of them.
func taskCondition(f LeaderboardFilter, dialect string) string {
	if f.task.none {
		if dialect != DialectPostgres {
			return "NOT EXISTS (SELECT 1 FROM paper_tasks pt WHERE pt.paper_id = c.paper_id)"
		}
		// OFFSET 0 keeps this a test of each claim the sort walks (one probe
		// of paper_tasks' key), which stops at the page. Pulled up into an
		// anti-join, PostgreSQL's estimate of it was one row for any data, so
		// it hashed every paper_tasks row and sorted the metric's survivors:
		// 0.4 s for the grouped view's "No task" section at 1M claims, where
		// one paper in ten has no task (issue 17). SQLite tests each claim
		// this way already (and takes no OFFSET without a LIMIT).
		return "NOT EXISTS (SELECT 1 FROM paper_tasks pt WHERE pt.paper_id = c.paper_id OFFSET 0)"
	}
	id := strconv.FormatInt(f.task.id, 10)
	if f.task.large {
		return "EXISTS (SELECT 1 FROM paper_tasks pt WHERE pt.paper_id = c.paper_id AND pt.task_id = " + id + ")"
	}
	return "c.paper_id IN (SELECT pt.paper_id FROM paper_tasks pt WHERE pt.task_id = " + id + ")"
}

// TasksOfPaper lists a paper's tasks in vocabulary order.
func (s *Store) TasksOfPaper(ctx context.Context, paperID int64) ([]PaperTask, error) {
	var out []PaperTask
	err := s.db.WithContext(ctx).Table("paper_tasks pt").
		Select("t.id, t.slug, t.name, t.area, t.position, pt.source").
		Joins("JOIN tasks t ON t.id = pt.task_id").
		Where("pt.paper_id = ?", paperID).Order("t.position, t.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: tasks of paper %d: %w", paperID, err)
	}
	return out, nil
}

// SetPaperTasks makes slugs the paper's tasks as decided by a human: they
// replace every task the paper had and survive re-extraction. An empty list
// removes every task and hands the paper back to the extractor.
func (s *Store) SetPaperTasks(ctx context.Context, paperID int64, slugs []string) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return setPaperTasks(tx, paperID, slugs)
	})
}

func setPaperTasks(tx *gorm.DB, paperID int64, slugs []string) error {
	ids, err := taskIDs(tx)
	if err != nil {
		return err
	}
	for _, slug := range slugs {
		if _, ok := ids[slug]; !ok {
			return FieldErrorf("task", "%q is not a task", clipText(slug, 40))
		}
	}
	var n int64
	if err := tx.Table("papers").Where("id = ?", paperID).Count(&n).Error; err != nil {
		return fmt.Errorf("store: set tasks of paper %d: %w", paperID, err)
	}
	if n == 0 {
		return Errorf(ENotFound, "paper %d not found", paperID)
	}
	if err := tx.Exec("DELETE FROM paper_tasks WHERE paper_id = ?", paperID).Error; err != nil {
		return fmt.Errorf("store: set tasks of paper %d: %w", paperID, err)
	}
	for _, slug := range dedupe(slugs) {
		err := tx.Exec("INSERT INTO paper_tasks (paper_id, task_id, source) VALUES (?, ?, ?)",
			paperID, ids[slug], TaskByHuman).Error
		if err != nil {
			return fmt.Errorf("store: set tasks of paper %d: %w", paperID, err)
		}
	}
	return nil
}

// ReplaceExtractedTasks gives each paper of fresh the tasks of a new
// extraction, in one transaction. A paper with a task a human set keeps its
// list unchanged. Unknown slugs are an error: the extractor and the seeded
// vocabulary must agree.
func (s *Store) ReplaceExtractedTasks(ctx context.Context, fresh map[int64][]string) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return replaceExtractedTasks(tx, fresh)
	})
	if err != nil {
		return fmt.Errorf("store: replace tasks: %w", err)
	}
	return nil
}

func replaceExtractedTasks(tx *gorm.DB, fresh map[int64][]string) error {
	if len(fresh) == 0 {
		return nil
	}
	ids, err := taskIDs(tx)
	if err != nil {
		return err
	}
	papers := make([]int64, 0, len(fresh))
	for id, slugs := range fresh {
		for _, slug := range slugs {
			if _, ok := ids[slug]; !ok {
				return FieldErrorf("task", "paper %d: %q is not a task", id, clipText(slug, 40))
			}
		}
		papers = append(papers, id)
	}
	slices.Sort(papers)
	for lo := 0; lo < len(papers); lo += lookupChunk {
		part := papers[lo:min(lo+lookupChunk, len(papers))]
		var human []int64
		err := tx.Table("paper_tasks").Distinct("paper_id").
			Where("paper_id IN ? AND source = ?", part, TaskByHuman).Pluck("paper_id", &human).Error
		if err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM paper_tasks WHERE paper_id IN ? AND source = ?", part, TaskByExtractor).Error; err != nil {
			return err
		}
		var args []any
		rows := 0
		for _, id := range part {
			if slices.Contains(human, id) {
				continue
			}
			for _, slug := range dedupe(fresh[id]) {
				args = append(args, id, ids[slug], TaskByExtractor)
				rows++
			}
		}
		// Three parameters a row; 300 rows keep a statement well under
		// SQLite's and PostgreSQL's parameter limits.
		const per = 300
		for r := 0; r < rows; r += per {
			n := min(per, rows-r)
			q := "INSERT INTO paper_tasks (paper_id, task_id, source) VALUES "
			for i := 0; i < n; i++ {
				if i > 0 {
					q += ", "
				}
				q += "(?, ?, ?)"
			}
			if err := tx.Exec(q, args[r*3:(r+n)*3]...).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// saveTasks writes the extractor's tasks of the papers a batch chunk
// inserted, and of those whose text it changed.
func (b *Batch) saveTasks(inserts, updates []*pending) error {
	fresh := map[int64][]string{}
	for _, p := range inserts {
		if len(p.in.Tasks) > 0 {
			fresh[p.state.ID] = p.in.Tasks
		}
	}
	for _, p := range updates {
		if p.in.Abstract != "" {
			fresh[p.state.ID] = p.in.Tasks // may be empty: the old tasks go
		}
	}
	if err := replaceExtractedTasks(b.tx, fresh); err != nil {
		return fmt.Errorf("save tasks: %w", err)
	}
	return nil
}

func taskIDs(tx *gorm.DB) (map[string]int64, error) {
	var rows []Task
	if err := tx.Table("tasks").Select("id, slug").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: task ids: %w", err)
	}
	out := make(map[string]int64, len(rows))
	for _, t := range rows {
		out[t.Slug] = t.ID
	}
	return out, nil
}

func dedupe(s []string) []string {
	var out []string
	for _, v := range s {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// TaskMetric is one metric that has live claims on papers of a task, with
// how many and the best of them, for the task's page.
type TaskMetric struct {
	Metric
	Claims int64
	Capped bool // Claims is a bound or an estimate, not an exact count
	Best   *ClaimRow
}

// MetricsOfTask lists every metric with live claims on the task's papers, in
// vocabulary order, with the claim count (kept by triggers) and best claim of
// each: the task-filtered leaderboard's first row.
func (s *Store) MetricsOfTask(ctx context.Context, task *Task) ([]TaskMetric, error) {
	var metrics []Metric
	err := s.db.WithContext(ctx).Table("metrics m").Select("m.*").
		Joins("JOIN task_metric_counts tc ON tc.metric_id = m.id").
		Where("tc.task_id = ? AND tc.live > 0", task.ID).
		Order("m.position, m.id").Scan(&metrics).Error
	if err != nil {
		return nil, fmt.Errorf("store: metrics of task %q: %w", task.Slug, err)
	}
	out := make([]TaskMetric, 0, len(metrics))
	for i := range metrics {
		lb, err := s.Leaderboard(ctx, LeaderboardFilter{Metric: metrics[i].Slug, Task: task.Slug, PerPage: 1})
		if err != nil {
			return nil, err
		}
		tm := TaskMetric{Metric: metrics[i], Claims: lb.Total, Capped: lb.TotalCapped}
		if len(lb.Rows) == 1 {
			tm.Best = &lb.Rows[0]
		}
		out = append(out, tm)
	}
	return out, nil
}

// TaskSummary is a task with the number of papers filed under it.
type TaskSummary struct {
	Task
}

// TaskSummaries lists every task with its paper count, in vocabulary order.
func (s *Store) TaskSummaries(ctx context.Context) ([]TaskSummary, error) {
	var out []TaskSummary
	err := s.db.WithContext(ctx).Table("tasks t").
		Select("t.id, t.slug, t.name, t.area, t.position, t.papers").
		Order("t.position, t.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: task summaries: %w", err)
	}
	return out, nil
}
