// Package static holds the stylesheet and other assets, embedded in the binary.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
)

//go:embed *.css
var files embed.FS

// FS returns the embedded assets.
func FS() fs.FS { return files }

// Version is a hash of the assets: URLs carry it so browsers may cache them
// for a long time and still see a new build at once.
var Version = func() string {
	h := sha256.New()
	_ = fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}()
