package views

// TaskListView lists the task vocabulary by area with each task's paper count.
type TaskListView struct {
	Layout
	Areas []TaskArea
}

// TaskArea is one area's tasks, in vocabulary order.
type TaskArea struct {
	Name  string
	Tasks []TaskItem
}

// TaskItem is one task as listed.
type TaskItem struct {
	Slug   string
	Name   string
	Papers int64
}

// TaskView is one task: every metric with claims on its papers and the best
// of each, linking to the task-filtered leaderboard.
type TaskView struct {
	Layout
	Slug    string
	Name    string
	Area    string
	Metrics []TaskMetricCard
}

// TaskMetricCard is one metric's claims within a task.
type TaskMetricCard struct {
	Slug        string
	Name        string
	Direction   string
	Claims      string // "12" or "10,000+"
	URL         string // the leaderboard filtered by the task
	Best        string
	BestPaper   string
	BestPaperID int64
	BestClaimID int64
	BestDevice  string
}

// PaperTaskChip is one task of a paper, on the paper's page.
type PaperTaskChip struct {
	Slug  string
	Name  string
	Human bool // set by a moderator rather than the extractor
}
