package models

import "gorm.io/gorm"

// GormDB exposes the handle to the external tests of this package only.
func (s *Store) GormDB() *gorm.DB { return s.db }
