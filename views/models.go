// Package views renders claimboard's pages with templ. Every component takes
// a typed view model shaped like the page, never database rows.
package views

// Layout is what every page shares.
type Layout struct {
	Title  string
	CSSURL string
	Nav    string // which nav item is current: "home", "leaderboards"
	// FeedURL, if set, is the page's Atom feed, linked from <head> as its
	// alternate so feed readers find it.
	FeedURL   string
	FeedTitle string
	// Canonical is the page's own path and query as its links build it,
	// without parameters the page ignores (utm_source, fbclid, ...).
	Canonical string
}

// HomeView is the front page: one card per metric.
type HomeView struct {
	Layout
	Metrics    []MetricCard
	Grid       TaskGrid // metric × task: counts and best entries
	PaperCount int64
	ClaimCount int64
}

// MetricCard summarises one leaderboard.
type MetricCard struct {
	Slug        string
	Name        string
	Description string
	Unit        string
	Direction   string // "higher is better" or "lower is better"
	Claims      int64
	Best        string // formatted best value, "" when there are no claims
	BestPaper   string
	BestPaperID int64
}

// LeaderboardView is one page of a metric's leaderboard.
type LeaderboardView struct {
	Layout
	Slug        string
	Name        string
	Description string
	Unit        string
	Direction   string
	Rows        []LeaderboardRow
	Total       string // "1,234" or "10,000+"
	Page        int
	PrevURL     string
	NextURL     string
	Columns     []SortHeader
	Form        FilterForm
	Chips       []Chip
	KeyNotices  []KeyNotice // settings the rows on screen differ in
	ClearURL    string      // the leaderboard without any filter
	CSVURL      string      // the same view as CSV
	Chart       Chart
	JSONURL     string       // the same view from the JSON API
	PageCount   int          // pages in all; 0 when the total is capped
	Invalid     InvalidField // the parameter a 400 rejected, if any
	// Groups are the default view's sections, one per task with the most
	// claims and one for papers with no task, each with its best rows;
	// MoreTasks links the other tasks. Empty when a task, sort, page or
	// other filter is chosen, or no paper of the metric has a task.
	Groups    []TaskGroup
	MoreTasks []TaskLink
}

// InvalidField names a rejected query parameter and why.
type InvalidField struct {
	Field   string
	Message string // "min: must be a finite number"
}

// SortHeader is a column heading; sortable ones link to the view sorted by them.
type SortHeader struct {
	Label    string
	URL      string // "" when the column cannot be sorted
	AriaSort string // "ascending", "descending" or "" when not the sort column
}

// FilterForm holds the filter form's current values.
type FilterForm struct {
	Action     string
	Query      string
	Min, Max   string
	Year       string
	HasCode    string // "", "true" or "false"
	PerPage    string
	Sort       string
	Order      string
	Hardware   []Option
	Qualifiers []Option
	Statuses   []Option
	Tasks      []Option // one may be chosen
	MinConf    string
	// Peaks says the metric's claims are set against device peaks, so the
	// form offers flag=above_peak; AbovePeak says it is chosen.
	Peaks, AbovePeak bool
	// Invalid is the field a 400 rejected; its input is marked and
	// InvalidMessage shown beside it.
	Invalid        string
	InvalidMessage string
}

// Option is one choice of a multi-valued filter.
type Option struct {
	Value   string
	Label   string
	Checked bool
}

// Chip is an active filter with a link to the view without it.
type Chip struct {
	Label     string
	RemoveURL string
}

// Chart is a horizontal bar chart of the top values, drawn as SVG on the server.
type Chart struct {
	Title  string
	Desc   string
	Log    bool
	Width  int
	Height int
	Bars   []Bar
}

// Bar is one bar of a Chart, with its geometry already computed.
type Bar struct {
	Label string
	Value string
	URL   string
	Y     int
	Width int
	TextX int
}

// LeaderboardRow is one claim in a leaderboard table.
type LeaderboardRow struct {
	Keys          []KeyChip // comparability keys the claim states
	Rank          int
	ClaimID       int64
	Published     string
	Condition     string
	Confidence    string
	PaperID       int64
	PaperTitle    string
	Method        string // the method the paper names, '' if none
	Name          string // Method, else the paper's short title
	Value         string // "277 FPS", "2.36–8.02 x"
	RawText       string // as written in the abstract
	Qualifier     string // "up to", "about", ...
	Hardware      string
	HardwareSlug  string
	HardwareCount int
	Baseline      string
	Subject       string
	Evidence      string
	Context       string // the evidence's clause, cleaned for display
	Status        string
	Peak          *PeakView // throughput against the device's dense peak
	MetricName    string    // shown where rows of several metrics mix (search)
	MetricSlug    string
}

// PaperView is one paper with its abstract and claims.
type PaperView struct {
	Layout
	ID    int64
	Title string
	// ArxivID is shown with its version, "2104.07857v2"; ArxivURL and PDFURL
	// are its arXiv abstract page and PDF. Every URL here is http or https.
	ArxivID    string
	ArxivURL   string
	PDFURL     string
	SourceURL  string
	CodeURL    string
	ProjectURL string
	Authors    string
	Published  string // first-submission date, YYYY-MM-DD
	Abstract   []Segment
	Claims     []PaperClaim
	Changes    []VersionChange // what newer arXiv versions changed, oldest first
	Tasks      []PaperTaskChip
	// Method is the method the paper names ('' if none); MethodHuman says a
	// moderator set it.
	Method      string
	MethodHuman bool
	EditURL     string            // the moderators' form for method and tasks
	History     []PaperChangeView // moderators' edits of method and tasks
}

// Segment is a run of abstract text; Mark runs are a claim's evidence.
type Segment struct {
	Text    string
	Mark    bool
	ClaimID int64
}

// PaperClaim is one claim in a paper's list.
type PaperClaim struct {
	ID            int64
	Metric        string
	MetricSlug    string
	Value         string
	Qualifier     string
	Hardware      string
	HardwareCount int
	Baseline      string
	Subject       string
	Evidence      string
	Status        string
}

// ErrorView is the page for any failed request.
type ErrorView struct {
	Layout
	Status  int
	Message string
}

// ClaimView is one claim with every field, its evidence in context and history.
type ClaimView struct {
	Layout
	Keys          []KeyChip // comparability keys the claim states
	ID            int64
	Metric        string
	MetricSlug    string
	Value         string
	RawText       string
	Qualifier     string
	Hardware      string
	HardwareSlug  string
	HardwareCount int
	// Details are the claim's plainly shown fields (baseline, subject, ...),
	// in the field table's order.
	Details          []LabelledValue
	Status           string
	Confidence       string
	ExtractorVersion string
	PaperID          int64
	PaperTitle       string
	// The evidence within its sentence: Before + Evidence + After.
	Before, Evidence, After string
	History                 []RevisionRow
	// Moderation holds a logged-in moderator's controls; nil for visitors.
	Moderation *ClaimModeration
	Peak       *PeakView // throughput against the device's dense peak
}

// LabelledValue is one field of a claim shown with its label; Name is the
// claim schema's name of it.
type LabelledValue struct {
	Name, Label, Value string
}

// RevisionRow is one entry of a claim's history.
type RevisionRow struct {
	When    string
	Who     string
	Summary string
	Note    string
	ID      int64
	Changes []FieldRow // Current is the value before, Proposed the value after
}

// HardwareView is a device and every claim measured on it.
type HardwareView struct {
	Layout
	Name   string
	Slug   string
	Vendor string
	Family string
	Specs  []SpecView
	Groups []HardwareGroup
	Capped bool // more claims than were read: Totals are lower bounds
}

// HardwareGroup is one metric's claims on a device.
type HardwareGroup struct {
	Metric     string
	MetricSlug string
	Claims     []LeaderboardRow // the best few
	Total      int              // claims of this metric on the device
}

// SearchView lists papers and claims matching a query.
type SearchView struct {
	Layout
	Query    string
	Papers   []SearchPaper
	Hardware []Option // Value is the slug, Label the name
	Claims   []LeaderboardRow
	Limit    int
	Searched []string // what was searched, in words, for the page to say so
}

// SearchPaper is a paper in search results.
type SearchPaper struct {
	ID         int64
	Title      string
	InAbstract bool   // found in the abstract, not the title
	Snippet    string // the abstract around the match
}

// ClaimModeration is what a moderator may do on a claim page: verify the claim
// and revert revisions, posting the version they saw for optimistic locking.
type ClaimModeration struct {
	CSRF      string
	Version   int
	Verified  bool
	Retracted bool // a retracted claim offers no "Mark verified"
}

// LoginView is the moderators' login form.
type LoginView struct {
	Layout
	CSRF     string
	Next     string
	Username string
	Error    string
}

// ModerationView is one page of the queue of pending suggestions, oldest
// first, maybe narrowed to one claim or one submitting address.
type ModerationView struct {
	Layout
	Moderator string
	CSRF      string
	Flash     string
	Items     []CorrectionSummary
	Total     string // pending suggestions matching the filter, "1,234"
	Filter    string // what the queue is narrowed to, "" for all
	ClearURL  string // the whole queue, when Filter is set
	PrevURL   string
	NextURL   string
}

// StatusView is the /status page: what the background sync of each source
// last did, as the database records it (any server process may have run it).
type StatusView struct {
	Layout
	Papers int64
	Syncs  []SyncView
}

// SyncView is one source's sync, times already formatted ("" when never).
type SyncView struct {
	Source       string
	LastStarted  string
	LastFinished string
	Running      bool
	PapersAdded  int
	ClaimsAdded  int
	NextRun      string
	LastError    string
	LastErrorAt  string
	Runs         int
}

// VersionChange is what a new arXiv version of a paper changed in its
// numbers: each claim it superseded beside what replaced it, if anything.
type VersionChange struct {
	Version int // the version that made the change, e.g. 2 for "numbers changed in v2"
	Rows    []ChangeRow
}

// ChangeRow pairs a claim before a version with the claim after it; one side
// is nil for a claim removed or new in that version.
type ChangeRow struct {
	Metric string
	Before *ChangedClaim
	After  *ChangedClaim
}

// ChangedClaim is one side of a ChangeRow.
type ChangedClaim struct {
	ID       int64
	Value    string
	Hardware string
	Version  int // the arXiv version the claim was read from
}
