package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"time"
)

// visitorProxy serves a reverse proxy to base at addr that sends every
// request from the next loopback address (127.1.0.0/16). Tools that cannot
// choose their source address, such as sqlmap, then look like many
// visitors, so the per-address limit on corrections (10 an hour) does not
// turn every later probe into a 429 and hide what the form really does.
func visitorProxy(ctx context.Context, addr, base string) error {
	target, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("proxy: %w", err)
	}
	var seq atomic.Uint32
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.Transport = &http.Transport{
		DisableKeepAlives: true, // a new connection, so a new address, per request
		DialContext: func(ctx context.Context, network, address string) (net.Conn, error) {
			n := seq.Add(1)
			ip := net.IPv4(127, 1, byte(n>>8), byte(n|1))
			d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}, Timeout: 5 * time.Second}
			return d.DialContext(ctx, network, address)
		},
	}
	srv := &http.Server{Addr: addr, Handler: rp, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		return fmt.Errorf("proxy: %w", err)
	}
	return nil
}
