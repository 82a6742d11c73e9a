package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// guard is the Discoverer's address check, with the same rules as CheckURL
// and SafeDialContext (safeURLHostReason, safeURLAddrReason), but with a
// resolver and a connector that tests can replace: it resolves a host once,
// refuses it if any answer is not public, and connects only to a checked address.
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
	if host := strings.TrimSuffix(strings.ToLower(u.Hostname()), "."); !g.allowPrivate {
		if reason := safeURLHostReason(host); reason != "" {
			return fmt.Errorf("%w: host %q is %s", ErrRefusedAddress, host, reason)
		}
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
		if !g.allowPrivate {
			if reason := safeURLAddrReason(a); reason != "" {
				return nil, fmt.Errorf("%w: %s is %s (%s)", ErrRefusedAddress, host, a, reason)
			}
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
