package models_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// TestRowScanMatchesGORM: the fixed-field scan of a leaderboard page reads
// every column GORM's reflection reads, into the same fields, on both
// databases: NULLs (no date, no device, no range, no count), an abstract,
// a paper's method and the added comparability fields included.
func TestRowScanMatchesGORM(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := testdb.MustOpen(t, dsn)
		dated := samplePaper("Dated Rendering", 277, "fps")
		on := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
		dated.PublishedOn, dated.Method = &on, "Quokka"
		high := 300.0
		dated.Claims[0].ValueHigh = &high
		dated.Claims[0].Keys = models.KeyFilter{Precision: "fp16", BatchSize: 8, Resolution: "1920x1080", SeqLen: 2048, ModelSize: 7, Dataset: "ImageNet"}
		bare := samplePaper("Bare Rendering", 90, "fps")
		bare.Claims[0].Hardware, bare.Claims[0].HardwareCount = nil, 0
		MustSave(t, s, dated, bare)
		lb, err := s.Leaderboard(ctx, models.LeaderboardFilter{Metric: "fps"})
		if err != nil || len(lb.Rows) != 2 {
			t.Fatalf("leaderboard = %+v, %v", lb, err)
		}
		gormRows, scanned, err := s.RowsBothWays(ctx, []int64{lb.Rows[0].ID, lb.Rows[1].ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(gormRows) != 2 {
			t.Fatalf("GORM read %d rows", len(gormRows))
		}
		for i := range gormRows {
			g, r := gormRows[i], scanned[i]
			// Dates compare as days: the drivers differ in location only.
			if (g.PaperPublishedOn == nil) != (r.PaperPublishedOn == nil) ||
				g.PaperPublishedOn != nil && !g.PaperPublishedOn.Equal(*r.PaperPublishedOn) {
				t.Errorf("row %d date: GORM %v, scan %v", i, g.PaperPublishedOn, r.PaperPublishedOn)
			}
			g.PaperPublishedOn, r.PaperPublishedOn = nil, nil
			if !reflect.DeepEqual(g, r) {
				t.Errorf("row %d:\nGORM %+v\nscan %+v", i, g, r)
			}
		}
		// The comparison must have had something to compare.
		if d := scanned[0]; d.PaperMethod != "Quokka" || d.Abstract == "" || d.ValueHigh == nil || d.HardwareCount == nil ||
			reflect.DeepEqual(d.Added, models.FieldValues{}) {
			t.Errorf("the dated row lost fields: %+v", d)
		}
		if b := scanned[1]; b.HardwareSlug != "" || b.HardwareCount != nil || b.ValueHigh != nil {
			t.Errorf("the bare row gained fields: %+v", b)
		}
	})
}
