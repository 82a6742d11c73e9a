package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
)

// guard is the Discoverer's built-in address check: it resolves a host and
// refuses loopback, private, link-local, metadata and other special-purpose
// addresses unless allowPrivate.
type guard struct {
	allowPrivate bool
	resolve      func(ctx context.Context, host string) ([]net.IP, error)
	connect      DialFunc
}

// check vets an http(s) URL; see Discoverer.Allowed.
func (g guard) check(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("not a URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: scheme %q is not http or https", ErrRefusedAddress, u.Scheme)
	}
	if u.Hostname() == "" {
		return errors.New("the URL has no host")
	}
	_, err = g.addresses(ctx, u.Hostname())
	return err
}

// addresses resolves host and returns its addresses; it fails with
// ErrRefusedAddress when any of them is refused, so a name that mixes
// public and private answers is refused as a whole.
func (g guard) addresses(ctx context.Context, host string) ([]netip.Addr, error) {
	var ips []net.IP
	if ip := net.ParseIP(host); ip != nil {
		ips = []net.IP{ip}
	} else {
		var err error
		if ips, err = g.resolve(ctx, host); err != nil {
			return nil, fmt.Errorf("resolve %s: %w", host, err)
		}
	}
	out := make([]netip.Addr, 0, len(ips))
	for _, ip := range ips {
		a, ok := netip.AddrFromSlice(ip)
		if !ok {
			continue
		}
		a = a.Unmap()
		if !g.allowPrivate && blockedIP(a) {
			return nil, fmt.Errorf("%w: %s is %s", ErrRefusedAddress, host, a)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("resolve %s: no address", host)
	}
	return out, nil
}

// dial resolves addr's host, vets every address and connects to a vetted one,
// so the address connected to is the address checked.
func (g guard) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	addrs, err := g.addresses(ctx, host)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, a := range addrs {
		c, err := g.connect(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

// specialPrefixes are ranges that a user-given URL may not reach, beyond
// what netip's predicates cover.
var specialPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),          // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),      // carrier-grade NAT; also Alibaba Cloud's metadata 100.100.100.200
	netip.MustParsePrefix("192.0.0.0/24"),       // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),      // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),        // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),       // NAT64: embeds an IPv4 address
	netip.MustParsePrefix("64:ff9b:1::/48"),     // local-use NAT64
	netip.MustParsePrefix("2002::/16"),          // 6to4: embeds an IPv4 address
	netip.MustParsePrefix("2001::/32"),          // Teredo
	netip.MustParsePrefix("fd00:ec2::254/128"),  // AWS metadata over IPv6 (also in fc00::/7)
	netip.MustParsePrefix("100::/64"),           // discard-only
	netip.MustParsePrefix("2001:db8::/32"),      // documentation
	netip.MustParsePrefix("169.254.169.254/32"), // cloud metadata (also link-local)
}

// blockedIP reports whether a is loopback, private, link-local, multicast,
// unspecified, a cloud metadata address or another special-purpose address.
func blockedIP(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() || a.IsLinkLocalUnicast() ||
		a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() || a.IsMulticast() {
		return true
	}
	for _, p := range specialPrefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
