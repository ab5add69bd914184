package models

import (
	"context"
	"sync"
	"time"
)

// versionRoundTimeout bounds one shared read of the data version. It runs
// detached from any one request, so a request that gives up does not fail
// the others waiting on the same read.
const versionRoundTimeout = 5 * time.Second

// versionRounds lets concurrent requests share reads of the data version
// without weakening freshness. A caller only ever takes the result of a read
// that started after it asked: while one read is in flight, newcomers wait
// for the next one, which starts the moment the current one ends. So every
// caller still sees every write committed before its request arrived (the
// guarantee a per-request read gives), yet under load the database answers
// one read per round trip instead of one per request.
type versionRounds[T any] struct {
	read func(context.Context) (T, error)

	mu      sync.Mutex
	running bool             // a read is in flight
	next    *versionRound[T] // the read that starts when the current one ends
}

type versionRound[T any] struct {
	done chan struct{} // closed once v and err are set
	v    T
	err  error
}

func (r *versionRounds[T]) get(ctx context.Context) (T, error) {
	r.mu.Lock()
	if r.next == nil {
		r.next = &versionRound[T]{done: make(chan struct{})}
	}
	round := r.next
	if !r.running {
		r.running, r.next = true, nil
		go r.run(round)
	}
	r.mu.Unlock()
	select {
	case <-round.done:
		return round.v, round.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// run performs round, then each round that gathered waiters meanwhile, and
// stops when one ends with nobody waiting for a newer read.
func (r *versionRounds[T]) run(round *versionRound[T]) {
	for round != nil {
		ctx, cancel := context.WithTimeout(context.Background(), versionRoundTimeout)
		round.v, round.err = r.read(ctx)
		cancel()
		close(round.done)
		r.mu.Lock()
		round, r.next = r.next, nil
		r.running = round != nil
		r.mu.Unlock()
	}
}
