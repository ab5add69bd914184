package models

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// Who set a paper's method (papers.method_source, migration 00022). A
// human's method stays through re-extraction; so does a human's "none".
const (
	MethodByExtractor = "extractor"
	MethodByHuman     = "human"
)

// MaxMethodLen bounds a method name a moderator types.
const MaxMethodLen = 80

// saveMethods gives the papers whose text a batch chunk changed the method
// of their new text, unless a human set theirs. New papers got theirs in
// the insert.
func (b *Batch) saveMethods(updates []*pending) error {
	for _, p := range updates {
		if p.in.Abstract == "" {
			continue // metadata only: the text, and so the method, is unchanged
		}
		err := b.tx.Exec("UPDATE papers SET method = ? WHERE id = ? AND method_source = ? AND method <> ?",
			p.in.Method, p.state.ID, MethodByExtractor, p.in.Method).Error
		if err != nil {
			return fmt.Errorf("save method of paper %d: %w", p.state.ID, err)
		}
	}
	return nil
}

// ReplaceExtractedMethods gives each paper of fresh the method of a new
// extraction, in one transaction, reading the page's stored methods once and
// writing only those that differ. A paper whose method a human set keeps it.
func (s *Store) ReplaceExtractedMethods(ctx context.Context, fresh map[int64]string) error {
	if len(fresh) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(fresh))
	for id := range fresh {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for lo := 0; lo < len(ids); lo += lookupChunk {
			part := ids[lo:min(lo+lookupChunk, len(ids))]
			var stored []struct {
				ID     int64
				Method string
			}
			err := tx.Table("papers").Select("id, method").
				Where("id IN ? AND method_source = ?", part, MethodByExtractor).Scan(&stored).Error
			if err != nil {
				return err
			}
			for _, p := range stored {
				if m := fresh[p.ID]; m != p.Method {
					if err := tx.Exec("UPDATE papers SET method = ? WHERE id = ?", m, p.ID).Error; err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: replace methods: %w", err)
	}
	return nil
}

// CleanMethod checks a method name a person typed: trimmed, one line, at
// most MaxMethodLen bytes of text. ” means the paper names no method.
func CleanMethod(s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	switch {
	case !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0:
		return "", FieldErrorf("method", "is not valid UTF-8 text")
	case len(s) > MaxMethodLen:
		return "", FieldErrorf("method", "is %d bytes, more than %d", len(s), MaxMethodLen)
	}
	return s, nil
}
