package models

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// PaperEdit is what a moderator sets of a paper: the method it names and
// the tasks it is filed under (slugs), with a note for the history.
type PaperEdit struct {
	Method string
	Tasks  []string
	Note   string
}

// PaperState is a paper's method and tasks as a revision records them.
type PaperState struct {
	Method string   `json:"method"`
	Tasks  []string `json:"tasks"`
}

// PaperRevision is one moderator edit of a paper (migration 00022).
type PaperRevision struct {
	ID          int64
	PaperID     int64
	ModeratorID *int64
	BeforeState string
	AfterState  string
	Note        string
	CreatedAt   time.Time
}

// PaperChange is a paper revision as its history shows it.
type PaperChange struct {
	ID            int64
	ModeratorName string
	Before, After PaperState
	Note          string
	CreatedAt     time.Time
}

// EditPaper sets a paper's method and tasks as a moderator decided, in one
// transaction that writes a revision with both before and after. What it
// sets is the human's from then on: re-extraction keeps it. Task slugs must
// be in the vocabulary; an edit that changes nothing is refused.
func (s *Store) EditPaper(ctx context.Context, paperID, moderatorID int64, e PaperEdit) (*PaperRevision, error) {
	method, err := CleanMethod(e.Method)
	if err != nil {
		return nil, err
	}
	note, err := checkNote(e.Note)
	if err != nil {
		return nil, err
	}
	var rev *PaperRevision
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := readPaperState(tx, paperID)
		if err != nil {
			return err
		}
		after := PaperState{Method: method, Tasks: []string{}}
		order, err := taskOrder(tx)
		if err != nil {
			return err
		}
		for _, slug := range dedupe(e.Tasks) {
			if _, ok := order[slug]; !ok {
				return FieldErrorf("task", "%q is not a task", clipText(slug, 40))
			}
			after.Tasks = append(after.Tasks, slug)
		}
		slices.SortFunc(after.Tasks, func(a, b string) int { return order[a] - order[b] })
		methodChanged, tasksChanged := before.Method != after.Method, !slices.Equal(before.Tasks, after.Tasks)
		if !methodChanged && !tasksChanged {
			return FieldErrorf("method", "is unchanged, and so are the tasks: nothing to save")
		}
		now := time.Now().UTC()
		u := map[string]any{"updated_at": now} // a write to papers bumps the data version
		if methodChanged {
			u["method"], u["method_source"] = method, MethodByHuman
		}
		if err := tx.Table("papers").Where("id = ?", paperID).Updates(u).Error; err != nil {
			return err
		}
		if tasksChanged {
			if err := setPaperTasks(tx, paperID, after.Tasks); err != nil {
				return err
			}
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(after)
		rev = &PaperRevision{PaperID: paperID, ModeratorID: &moderatorID, BeforeState: string(b),
			AfterState: string(a), Note: note, CreatedAt: now}
		return tx.Create(rev).Error
	})
	if err != nil {
		return nil, fmt.Errorf("store: edit paper %d: %w", paperID, err)
	}
	return rev, nil
}

// PaperState returns a paper's method and tasks (slugs in vocabulary order).
func (s *Store) PaperState(ctx context.Context, paperID int64) (PaperState, error) {
	return readPaperState(s.db.WithContext(ctx), paperID)
}

func readPaperState(db *gorm.DB, paperID int64) (PaperState, error) {
	var methods []string
	if err := db.Table("papers").Where("id = ?", paperID).Pluck("method", &methods).Error; err != nil {
		return PaperState{}, fmt.Errorf("store: paper %d: %w", paperID, err)
	}
	if len(methods) == 0 {
		return PaperState{}, Errorf(ENotFound, "paper %d not found", paperID)
	}
	st := PaperState{Method: methods[0], Tasks: []string{}}
	err := db.Table("paper_tasks pt").Joins("JOIN tasks t ON t.id = pt.task_id").
		Where("pt.paper_id = ?", paperID).Order("t.position, t.id").Pluck("t.slug", &st.Tasks).Error
	if err != nil {
		return PaperState{}, fmt.Errorf("store: tasks of paper %d: %w", paperID, err)
	}
	return st, nil
}

// taskOrder maps each task slug to its place in the vocabulary.
func taskOrder(db *gorm.DB) (map[string]int, error) {
	var rows []Task
	if err := db.Table("tasks").Select("slug, position, id").Order("position, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: tasks: %w", err)
	}
	out := make(map[string]int, len(rows))
	for i, t := range rows {
		out[t.Slug] = i
	}
	return out, nil
}

// PaperHistory lists a paper's moderator edits, oldest first.
func (s *Store) PaperHistory(ctx context.Context, paperID int64) ([]PaperChange, error) {
	var rows []struct {
		PaperRevision
		ModeratorName string
	}
	err := s.db.WithContext(ctx).Table("paper_revisions r").
		Select("r.*, COALESCE(m.username, '') AS moderator_name").
		Joins("LEFT JOIN moderators m ON m.id = r.moderator_id").
		Where("r.paper_id = ?", paperID).Order("r.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: history of paper %d: %w", paperID, err)
	}
	out := make([]PaperChange, 0, len(rows))
	for _, r := range rows {
		ch := PaperChange{ID: r.ID, ModeratorName: r.ModeratorName, Note: r.Note, CreatedAt: r.CreatedAt}
		if err := json.Unmarshal([]byte(r.BeforeState), &ch.Before); err != nil {
			return nil, fmt.Errorf("store: paper revision %d: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(r.AfterState), &ch.After); err != nil {
			return nil, fmt.Errorf("store: paper revision %d: %w", r.ID, err)
		}
		out = append(out, ch)
	}
	return out, nil
}
