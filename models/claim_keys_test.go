package models_test

import (
	"context"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// TestComparabilityKeysMigrateADatabaseAt00020: a database with claims at
// 00020 gains the five keys, not stated (NULL), and reads back as before;
// down and up again works.
func TestComparabilityKeysMigrateADatabaseAt00020(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, d, _ := corrFixture(t, dsn)
		if _, err := s.MigrateDownTo(ctx, 20); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MigrateUp(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetClaim(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		f := models.ClaimFieldsOf(got)
		for _, fd := range models.ClaimFieldTable {
			if fd.Text(&f) != fd.Text(&d.ClaimFields) {
				t.Errorf("%s: %q after the migration, %q before", fd.Name, fd.Text(&f), fd.Text(&d.ClaimFields))
			}
		}
		var stated int64
		if err := s.GormDB().Raw(`SELECT COUNT(*) FROM claims WHERE batch_size IS NOT NULL OR resolution IS NOT NULL
			OR seq_len IS NOT NULL OR model_size IS NOT NULL OR dataset IS NOT NULL`).Scan(&stated).Error; err != nil || stated != 0 {
			t.Fatalf("claims with a key after the migration: %d, %v", stated, err)
		}
	})
}

// TestComparabilityKeyColumnsCheckTheirValues: migration 00021's CHECKs take
// what the form stores (and NULL, not stated) and refuse what it refuses, on
// both dialects, so a writer that skips the form (an extractor, an import)
// cannot store a key in another spelling.
func TestComparabilityKeyColumnsCheckTheirValues(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		s, d, _ := corrFixture(t, dsn)
		set := func(col string, v any) error {
			return s.GormDB().Exec("UPDATE claims SET "+col+" = ? WHERE id = ?", v, d.ID).Error
		}
		good := map[string][]any{
			"batch_size": {1, 4096, nil}, "seq_len": {1, 2048, nil}, "model_size": {7.0, 0.35, nil},
			"resolution": {"1920x1080", "4K", "480p", "", nil}, "dataset": {"ImageNet", strings.Repeat("é", 200), nil},
		}
		for col, vals := range good {
			for _, v := range vals {
				if err := set(col, v); err != nil {
					t.Errorf("%s = %v refused: %v", col, v, err)
				}
			}
		}
		bad := map[string][]any{
			"batch_size": {0, -1}, "seq_len": {0}, "model_size": {0.0, -7.0},
			"resolution": {"1920 x 1080", "01920x1080", "1920x", "4k", "16K", "1920x1080x3", "19a0x1080"},
			"dataset":    {strings.Repeat("d", 201)},
		}
		for col, vals := range bad {
			for _, v := range vals {
				if err := set(col, v); err == nil {
					t.Errorf("%s = %v stored", col, v)
				}
			}
		}
	})
}
