package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// taskGold is one hand-labelled paper of testdata/tasks-gold.jsonl: the
// tasks a reader assigns from its title and abstract (none is an answer).
type taskGold struct {
	Corpus string   `json:"corpus"`
	Title  string   `json:"title"`
	Tasks  []string `json:"tasks"`
}

type paperText struct {
	Title    string `json:"title"`
	Abstract string `json:"abstract"`
}

func readTaskJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTaskAccuracy scores AssignTasks against the labels on each dev
// corpus. Accuracy is exact set match: a paper counts as right only when the
// assigned set equals the labelled one (an empty label must get no task).
// Per-label precision and recall are logged with -v.
func TestTaskAccuracy(t *testing.T) {
	gold := readTaskJSONL[taskGold](t, filepath.Join("testdata", "tasks-gold.jsonl"))
	byCorpus := map[string]map[string][]string{}
	for _, g := range gold {
		for _, s := range g.Tasks {
			if _, ok := LookupTask(s); !ok {
				t.Fatalf("label %q of %q is not in the vocabulary", s, g.Title)
			}
		}
		if byCorpus[g.Corpus] == nil {
			byCorpus[g.Corpus] = map[string][]string{}
		}
		byCorpus[g.Corpus][g.Title] = g.Tasks
	}
	for _, corpus := range []string{"dev-corpus.jsonl", "arxiv-corpus.jsonl"} {
		papers := readTaskJSONL[paperText](t, filepath.Join("testdata", corpus))
		labels := byCorpus[corpus]
		if len(papers) == 0 || len(labels) != len(papers) {
			t.Fatalf("%s: %d papers, %d labelled", corpus, len(papers), len(labels))
		}
		exact := 0
		tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
		for _, p := range papers {
			want, ok := labels[p.Title]
			if !ok {
				t.Fatalf("%s: %q has no label", corpus, p.Title)
			}
			got := AssignTasks(p.Title, p.Abstract)
			if slices.Equal(sorted(got), sorted(want)) {
				exact++
			} else {
				t.Logf("%s: %q: got %v, want %v", corpus, p.Title, got, want)
			}
			for _, s := range got {
				if slices.Contains(want, s) {
					tp[s]++
				} else {
					fp[s]++
				}
			}
			for _, s := range want {
				if !slices.Contains(got, s) {
					fn[s]++
				}
			}
		}
		acc := float64(exact) / float64(len(papers))
		var sumTP, sumFP, sumFN int
		var lines []string
		for _, task := range Tasks() {
			s := task.Slug
			sumTP, sumFP, sumFN = sumTP+tp[s], sumFP+fp[s], sumFN+fn[s]
			if tp[s]+fp[s]+fn[s] > 0 {
				lines = append(lines, s+": "+prf(tp[s], fp[s], fn[s]))
			}
		}
		t.Logf("%s: exact-set accuracy %.3f (%d/%d); micro %s", corpus, acc, exact, len(papers), prf(sumTP, sumFP, sumFN))
		t.Logf("%s per label: %s", corpus, strings.Join(lines, "; "))
		if acc < 0.90 {
			t.Errorf("%s: task accuracy %.3f, want at least 0.90", corpus, acc)
		}
	}
}

func prf(tp, fp, fn int) string {
	p, r := 1.0, 1.0
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	return "P " + ftoa3(p) + " R " + ftoa3(r)
}

func ftoa3(f float64) string {
	b, _ := json.Marshal(float64(int(f*1000+0.5)) / 1000)
	return string(b)
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	sort.Strings(c)
	return c
}

func TestTaskVocabulary(t *testing.T) {
	tasks := Tasks()
	if len(tasks) < 30 || len(tasks) > 50 {
		t.Fatalf("%d tasks, want 30 to 50", len(tasks))
	}
	seen := map[string]bool{}
	for _, d := range taskTable {
		if d.Slug == "" || d.Name == "" || d.Area == "" || len(d.cues) == 0 {
			t.Errorf("task %+v is incomplete", d.Task)
		}
		if seen[d.Slug] || d.Slug != Slug(d.Slug) {
			t.Errorf("slug %q is repeated or not a slug", d.Slug)
		}
		seen[d.Slug] = true
	}
	for _, d := range taskTable {
		for _, u := range d.unless {
			if _, ok := LookupTask(u); !ok {
				t.Errorf("%s gives way to unknown task %q", d.Slug, u)
			}
		}
	}
}

// Sentences of our own: a task is read from general phrasing, a paper on
// nothing in the vocabulary gets no task, and a passing mention is not enough.
func TestAssignTasks(t *testing.T) {
	for _, c := range []struct {
		title, abstract string
		want            []string
	}{
		{"FastServe: Serving Large Language Models at Scale", "We cut the time to first token of LLM serving.", []string{"llm-inference"}},
		{"A study of penguin migration", "We track 200 penguins over three winters.", nil},
		{"Splat faster", "Our 3D Gaussian Splatting renderer is faster than NeRF; 3D Gaussian splatting wins.", []string{"gaussian-splatting"}},
		{"Optical flow from multiplane images", "MPI-based flow estimation (multiplane images).", nil},
		{"An MPI library for CUDA-aware datatypes", "MPI derived datatypes are packed on the GPU.", []string{"mpi"}},
		{"Better GNN training", "Distributed training of graph neural networks on GPUs.", []string{"gnn"}},
		{"Faster training", "Distributed training of deep neural networks; distributed training at scale.", []string{"dnn-training"}},
	} {
		if got := AssignTasks(c.title, c.abstract); !slices.Equal(got, c.want) {
			t.Errorf("AssignTasks(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}

// TestCountCueAtIsCountCue: counting a cue only at the words that start as
// it does finds what a search of the whole text finds, for every cue on
// every corpus abstract.
func TestCountCueAtIsCountCue(t *testing.T) {
	texts := append(corpusAbstracts(t), "energy efficient energy efficient", "a a a", "")
	hits := 0
	for _, a := range texts {
		text := taskText(a)
		starts := wordStarts(text)
		for _, d := range taskTable {
			for _, c := range d.cues {
				want := countCue(text, c)
				if got := countCueAt(text, c, starts); got != want {
					t.Fatalf("cue %q: countCueAt %d, countCue %d in %q", c, got, want, text)
				}
				hits += want
			}
		}
	}
	if hits < 100 {
		t.Fatalf("only %d cue hits: the check saw too little", hits)
	}
}
