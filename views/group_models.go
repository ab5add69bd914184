package views

// TaskGroup is one task's section of a leaderboard: its best claims and a
// link to the whole ranking of the task.
type TaskGroup struct {
	Slug  string // "none" for papers with no task
	Name  string
	Count string // claims in the task, "1,234"
	URL   string // the leaderboard filtered by the task
	Rows  []GroupRow
}

// TaskLink is a task the default view has no section for.
type TaskLink struct {
	Name, URL, Count string
}

// GroupRow is one claim in a task's section: what a reader compares at a
// glance, the evidence one click away.
type GroupRow struct {
	ClaimID       int64
	Name          string // the method, else the paper's short title
	PaperID       int64
	PaperTitle    string
	Value         string
	Qualifier     string
	Hardware      string
	HardwareSlug  string
	HardwareCount int
	Baseline      string
	Subject       string   // what was measured, which tells one paper's rows apart
	Settings      []string // key settings: precision, ...
	Evidence      string   // the evidence, cleaned for display
	Peak          *PeakView
}

// TaskGrid is the home page's metric × task table: a row per task with the
// most claims, a column per metric any of them has claims of.
type TaskGrid struct {
	Metrics []GridMetric
	Rows    []GridRow
	More    int // tasks with claims left out of the table (see /tasks)
}

// GridMetric is a column of the grid.
type GridMetric struct{ Slug, Name string }

// GridRow is one task's counts, a cell per column ("" cells are empty).
type GridRow struct {
	Slug, Name string
	Cells      []GridCell
}

// GridCell is the claims of a metric on a task's papers and the best of them.
type GridCell struct {
	Count     string // "" when the task has no claim of the metric
	URL       string // the leaderboard filtered by the task
	Best      string // the best value, "277 FPS"
	BestName  string // its method or short title
	BestClaim int64
}
