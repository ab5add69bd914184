package models

// SetMemoLimit makes a batch forget its papers after n, so a small test
// crosses the bound; it returns a func restoring the limit.
func SetMemoLimit(n int) func() {
	old := memoLimit
	memoLimit = n
	return func() { memoLimit = old }
}
