package handlers

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// Absolute links and the request's scheme never come from request headers:
// Host and X-Forwarded-Proto are the client's to choose, and a response
// built from them is cached and served to the next reader (one request with
// "Host: evil.example" after a write used to give every later feed reader
// links to evil.example). Absolute links come from the configured base URL,
// else from the listen address; X-Forwarded-* is read only from a
// configured proxy.

// httpsKey marks a request that reached the site over HTTPS, directly or
// through a trusted proxy; cookies are Secure then.
const httpsKey = "https"

// ParseBaseURL checks a --base-url value: an absolute http(s) URL with a
// host, an optional path and nothing else. It returns it without a trailing
// slash, ready to prefix "/claims/1".
func ParseBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%q is not an absolute http or https URL", s)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "#") {
		return "", fmt.Errorf("%q must be a scheme, host and optional path, with no user, query or fragment", s)
	}
	return strings.TrimRight(s, "/"), nil
}

// ParseTrustedProxies reads a comma-separated list of addresses and CIDR
// ranges ("127.0.0.1", "10.0.0.0/8", "::1").
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if p, err := netip.ParsePrefix(part); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(part)
		if err != nil {
			return nil, fmt.Errorf("%q is neither an IP address nor a CIDR range", part)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// ListenURL is the base URL a server listening on addr (host:port) has when
// no --base-url is given: http, and the loopback address for an unspecified
// host, since "0.0.0.0" is nowhere a client can go.
func ListenURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://127.0.0.1:8080"
	}
	if ip, err := netip.ParseAddr(host); host == "" || (err == nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// fromTrustedProxy reports whether the connection comes from a configured proxy.
func (a *app) fromTrustedProxy(r *http.Request) bool {
	if len(a.proxies) == 0 {
		return false
	}
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := ap.Addr().Unmap()
	for _, p := range a.proxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// markHTTPS records whether the request came over HTTPS: TLS on the
// connection, or X-Forwarded-Proto: https from a trusted proxy. Echo's own
// c.Scheme() believes the header from anyone.
func (a *app) markHTTPS(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		https := r.TLS != nil ||
			(a.fromTrustedProxy(r) && strings.EqualFold(strings.TrimSpace(r.Header.Get(echo.HeaderXForwardedProto)), "https"))
		c.Set(httpsKey, https)
		return next(c)
	}
}

// overHTTPS reports what markHTTPS found.
func overHTTPS(c echo.Context) bool {
	b, _ := c.Get(httpsKey).(bool)
	return b
}

// ipExtractor takes the client address from the connection, or from
// X-Forwarded-For when the connection is one of the trusted proxies (the
// nearest address in the header that is not itself a trusted proxy).
func ipExtractor(proxies []netip.Prefix) echo.IPExtractor {
	if len(proxies) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range proxies {
		opts = append(opts, echo.TrustIPRange(&net.IPNet{IP: p.Addr().AsSlice(), Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen())}))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}
