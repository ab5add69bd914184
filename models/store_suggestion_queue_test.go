package models_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
	"gorm.io/gorm"
)

// TestQueueReadsItsClaimsInOneQuery counts the statements one page of the
// moderation queue runs: the same few for 1 suggestion as for 30, not one
// claim query per suggestion.
func TestQueueReadsItsClaimsInOneQuery(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, _ := corrFixture(t, dsn)
		var statements atomic.Int64
		count := func(*gorm.DB) { statements.Add(1) }
		cb := s.GormDB().Callback()
		if err := cb.Query().After("gorm:query").Register("test:count_query", count); err != nil {
			t.Fatal(err)
		}
		if err := cb.Row().After("gorm:row").Register("test:count_row", count); err != nil {
			t.Fatal(err)
		}
		perPage := func() int64 {
			statements.Store(0)
			items, total, err := s.PendingQueue(ctx, models.QueueFilter{})
			if err != nil || int64(len(items)) != total || items[0].Current == nil || items[0].ClaimVersion != d.Version {
				t.Fatalf("queue = %d of %d, %v", len(items), total, err)
			}
			return statements.Load()
		}
		mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, Form: models.SuggestionForm{NotAClaim: true, Reason: "one"}})
		one := perPage()
		for i := range 29 { // from 29 addresses: one may send only SubmissionsPerIP an hour
			mustSubmit(t, s, models.NewSuggestion{ClaimID: d.ID, SubmitterIPHash: fmt.Sprint("ip", i), Form: models.SuggestionForm{NotAClaim: true, Reason: "more"}})
		}
		if thirty := perPage(); thirty != one || one < 2 || one > 3 {
			t.Fatalf("a queue page ran %d statements for 1 suggestion and %d for 30", one, thirty)
		}
	})
}
