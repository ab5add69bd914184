package models

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A caller must never take the result of a read that began before it asked:
// that read may predate a write the caller has already seen committed. Each
// caller here first "commits" (bumps writes), then asks; the read reports
// the number of writes it saw when it started, so an answer below the
// caller's own write means a stale round was shared.
func TestVersionRoundsNeverServeAReadThatStartedEarlier(t *testing.T) {
	var writes, reads atomic.Int64
	r := &versionRounds[DataVersion]{read: func(context.Context) (DataVersion, error) {
		reads.Add(1)
		seen := writes.Load()
		time.Sleep(200 * time.Microsecond) // keep the round in flight while others arrive
		return DataVersion{Version: seen}, nil
	}}
	const callers, each = 32, 50
	var wg sync.WaitGroup
	var stale atomic.Int64
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				w := writes.Add(1)
				v, err := r.get(context.Background())
				if err != nil {
					t.Error(err)
					return
				}
				if v.Version < w {
					stale.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if n := stale.Load(); n > 0 {
		t.Fatalf("%d of %d answers came from a read that started before the caller's write", n, callers*each)
	}
	// The point of sharing: far fewer reads than requests.
	if n := reads.Load(); n >= callers*each/2 {
		t.Fatalf("%d reads for %d requests: concurrent callers are not sharing reads", n, callers*each)
	}
}

func TestVersionRoundsErrorReachesWaitersAndNextCallRetries(t *testing.T) {
	fail := errors.New("database down")
	var broken atomic.Bool
	broken.Store(true)
	r := &versionRounds[DataVersion]{read: func(context.Context) (DataVersion, error) {
		if broken.Load() {
			return DataVersion{}, fail
		}
		return DataVersion{Version: 7}, nil
	}}
	if _, err := r.get(context.Background()); !errors.Is(err, fail) {
		t.Fatalf("err = %v, want the read's error", err)
	}
	broken.Store(false)
	v, err := r.get(context.Background())
	if err != nil || v.Version != 7 {
		t.Fatalf("after recovery: %v, %v", v, err)
	}
}

// A request that gives up returns at once; the shared read still completes
// for the others.
func TestVersionRoundsCallerCancellation(t *testing.T) {
	release := make(chan struct{})
	r := &versionRounds[DataVersion]{read: func(context.Context) (DataVersion, error) {
		<-release
		return DataVersion{Version: 1}, nil
	}}
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan error, 1)
	go func() { _, err := r.get(ctx); got <- err }()
	other := make(chan DataVersion, 1)
	go func() { v, _ := r.get(context.Background()); other <- v }()
	cancel()
	select {
	case err := <-got:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a cancelled caller kept waiting")
	}
	close(release)
	select {
	case v := <-other:
		if v.Version != 1 {
			t.Fatalf("other caller got %v", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the other caller never got the shared read")
	}
}
