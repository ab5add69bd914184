package models

import (
	"fmt"

	"gorm.io/gorm"
)

// inVersionBatch runs fn inside tx so that each cache scope its writes touch
// moves once for the whole transaction rather than once per row: an ingest
// of 1,000 papers is one step of each metric it adds claims to, not
// thousands. On SQLite, whose triggers run per row, it opens a batch
// (migration 00024: a 'batch' row in cache_versions that lives only inside
// tx) and ends it before returning. If fn fails, tx rolls back and the batch
// with it; readVersions refuses to serve a batch row that was ever committed.
// PostgreSQL's triggers already move each scope once per transaction.
func inVersionBatch(tx *gorm.DB, dialect string, fn func() error) error {
	if dialect != DialectSQLite {
		return fn()
	}
	if err := tx.Exec("INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('batch', 0)").Error; err != nil {
		return fmt.Errorf("store: open version batch: %w", err)
	}
	if err := fn(); err != nil {
		return err
	}
	if err := tx.Exec("UPDATE cache_versions SET txid = 0 WHERE txid <> 0").Error; err != nil {
		return fmt.Errorf("store: end version batch: %w", err)
	}
	if err := tx.Exec("DELETE FROM cache_versions WHERE scope = 'batch'").Error; err != nil {
		return fmt.Errorf("store: end version batch: %w", err)
	}
	return nil
}
