package handlers

import "testing"

func TestCacheClaimLetsOneRequestRender(t *testing.T) {
	rc := newResponseCache()
	wait, done := rc.claim("/leaderboards/fps")
	if wait != nil || done == nil {
		t.Fatal("the first request must render")
	}
	wait2, done2 := rc.claim("/leaderboards/fps")
	if wait2 == nil || done2 != nil {
		t.Fatal("a second request for the same key must wait")
	}
	if _, other := rc.claim("/"); other == nil {
		t.Fatal("another key must not wait")
	}
	select {
	case <-wait2:
		t.Fatal("released before the renderer finished")
	default:
	}
	done()
	<-wait2 // released
	if w, d := rc.claim("/leaderboards/fps"); w != nil || d == nil {
		t.Fatal("after it finished, the key can be claimed again")
	}
}
