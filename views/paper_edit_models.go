package views

// PaperEditView is the moderator's form for a paper's method and tasks.
type PaperEditView struct {
	Layout
	PaperID    int64
	PaperTitle string
	Method     string
	Tasks      []Option
	Note       string
	CSRF       string
	Error      string
}

// PaperChangeView is one moderator edit of a paper, said in words.
type PaperChangeView struct {
	When, Moderator, Note string
	Diffs                 []string // "method: none → SplatX"
}
