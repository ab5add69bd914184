package ingest

// SetChunkSize makes a small file span many chunks in a test, and returns a
// func restoring the size.
func SetChunkSize(n int) func() {
	old := chunkSize
	chunkSize = n
	return func() { chunkSize = old }
}
