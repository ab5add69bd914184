// Package migrations holds the goose SQL migrations, one folder per dialect
// with the same version numbers, embedded so the binary migrates itself.
package migrations

import (
	"embed"
	"io/fs"
)

//go:embed postgres/*.sql sqlite/*.sql
var files embed.FS

//go:embed hardware_specs.csv
var hardwareSpecs []byte

// HardwareSpecsCSV returns the CSV that migration 00020 seeds hardware_specs
// from, for the test that keeps the two in step.
func HardwareSpecsCSV() []byte { return hardwareSpecs }

// FS returns the migrations of one dialect ("postgres" or "sqlite").
func FS(dialect string) (fs.FS, error) {
	return fs.Sub(files, dialect)
}
