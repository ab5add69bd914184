package models_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
)

// Address keys must agree across server processes (the limits are counted in
// the database) and must not be the unkeyed hash anyone can recompute.
func TestAddressKeyIsKeyedAndSharedAcrossProcesses(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		one, two := testdb.MustOpen(t, dsn), testdb.MustOpen(t, dsn)
		a1, err := one.AddressKey(ctx, "198.51.100.7")
		if err != nil {
			t.Fatal(err)
		}
		a2, err := two.AddressKey(ctx, "198.51.100.7")
		if err != nil {
			t.Fatal(err)
		}
		b1, err := one.AddressKey(ctx, "198.51.100.8")
		if err != nil {
			t.Fatal(err)
		}
		if a1 != a2 || a1 == b1 || len(a1) != 32 {
			t.Fatalf("keys: same address in two processes %q / %q, another address %q", a1, a2, b1)
		}
		for _, unkeyed := range []string{"198.51.100.7", "claimboard-ip:198.51.100.7"} {
			h := sha256.Sum256([]byte(unkeyed))
			if a1 == hex.EncodeToString(h[:16]) {
				t.Fatalf("address key is an unkeyed hash of %q", unkeyed)
			}
		}
		var n int64
		if err := one.GormDB().Raw("SELECT COUNT(*) FROM secrets").Scan(&n).Error; err != nil || n != 1 {
			t.Fatalf("secrets rows = %d, %v; want the one key, made once", n, err)
		}
	})
}
