package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrBlockedAddress is wrapped by every error that refuses a URL because
// of where it points: a scheme other than http or https, or a host that is
// (or resolves to) a loopback, private, link-local, multicast, CGNAT,
// reserved or cloud metadata address.
var ErrBlockedAddress = errors.New("blocked address")

// CheckURL checks a URL that came from a chat user or from feed content
// before anything fetches it. It returns an error wrapping
// ErrBlockedAddress when the scheme is not http or https, or, unless
// allowPrivate is set, when the host is a metadata name or any address it
// resolves to (with resolver, nil meaning net.DefaultResolver) is not a
// public one. Other errors are a malformed URL or a failed lookup.
//
// A check before the request is not enough on its own: DNS can answer
// differently when the connection is made. Fetchers must also dial through
// SafeDialContext, which checks the address actually dialled.
func CheckURL(ctx context.Context, raw string, allowPrivate bool, resolver *net.Resolver) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("check url: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("check url %q: scheme %q is not http or https: %w", u.Redacted(), u.Scheme, ErrBlockedAddress)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return fmt.Errorf("check url %q: no host", u.Redacted())
	}
	if allowPrivate {
		return nil
	}
	if reason := safeURLHostReason(host); reason != "" {
		return fmt.Errorf("check url: host %q is %s: %w", host, reason, ErrBlockedAddress)
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		return safeURLCheckAddr(addr)
	}
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	addrs, err := resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return fmt.Errorf("check url: resolve %q: %w", host, err)
	}
	if len(addrs) == 0 {
		return fmt.Errorf("check url: %q has no addresses", host)
	}
	for _, a := range addrs {
		if err := safeURLCheckAddr(a); err != nil {
			return fmt.Errorf("check url: %q resolves to a blocked address: %w", host, err)
		}
	}
	return nil
}

// SafeDialContext returns a DialContext for http.Transport that refuses,
// with an error wrapping ErrBlockedAddress, to connect to any address that
// CheckURL would refuse. The check runs on the address being dialled,
// after DNS resolution, so it holds for every redirect and defeats DNS
// rebinding. With allowPrivate set it dials anything.
func SafeDialContext(allowPrivate bool) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return safeURLDialer(allowPrivate, nil).DialContext
}

// safeURLDialer returns a dialer that resolves with resolver (nil for the
// default) and checks each address before connecting to it.
func safeURLDialer(allowPrivate bool, resolver *net.Resolver) *net.Dialer {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Resolver: resolver}
	if !allowPrivate {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("dial %s: %w", address, ErrBlockedAddress)
			}
			return safeURLCheckAddr(ap.Addr())
		}
	}
	return d
}

// safeURLCheckAddr returns an error wrapping ErrBlockedAddress when a is
// not a public unicast address.
func safeURLCheckAddr(a netip.Addr) error {
	if reason := safeURLAddrReason(a); reason != "" {
		return fmt.Errorf("address %s is %s: %w", a, reason, ErrBlockedAddress)
	}
	return nil
}

// safeURLHostReason names why a host name is refused without resolving
// it, or returns "".
func safeURLHostReason(host string) string {
	switch {
	case host == "metadata.google.internal", host == "metadata", host == "instance-data":
		return "a cloud metadata service"
	case host == "localhost", strings.HasSuffix(host, ".localhost"):
		return "loopback"
	case strings.HasSuffix(host, ".internal"), strings.HasSuffix(host, ".local"):
		return "a private name"
	}
	return ""
}

// safeURLAddrReason names the class of a non-public address, or returns
// "" for a public unicast address. Addresses that embed an IPv4 address
// (IPv4-mapped, NAT64, 6to4) are judged by the embedded one.
func safeURLAddrReason(a netip.Addr) string {
	a = a.Unmap().WithZone("")
	switch {
	case !a.IsValid():
		return "invalid"
	case a == netip.AddrFrom4([4]byte{169, 254, 169, 254}),
		a == netip.MustParseAddr("fd00:ec2::254"):
		return "a cloud metadata service"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast():
		return "link-local"
	case a.IsMulticast(), a.IsLinkLocalMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	}
	if a.Is4() {
		b := a.As4()
		switch {
		case b[0] == 0:
			return `"this network"`
		case b[0] == 100 && b[1]&0xc0 == 64:
			return "shared address space (CGNAT)"
		case b[0] >= 240:
			return "reserved"
		case b[0] == 192 && b[1] == 0 && b[2] == 0:
			return "reserved for IETF protocols"
		case b[0] == 198 && b[1]&0xfe == 18:
			return "reserved for benchmarks"
		}
		return ""
	}
	b := a.As16()
	switch {
	case b[0] == 0xfe && b[1]&0xc0 == 0xc0:
		return "site-local"
	case b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b: // NAT64 64:ff9b::/96
		return safeURLAddrReason(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
	case b[0] == 0x20 && b[1] == 0x02: // 6to4 2002::/16
		return safeURLAddrReason(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
	case [12]byte(b[:12]) == [12]byte{}: // IPv4-compatible ::a.b.c.d
		return safeURLAddrReason(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
	case b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0: // Teredo 2001::/32
		return "a Teredo tunnel"
	case b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8: // 2001:db8::/32
		return "reserved for documentation"
	case b[0] == 0x01 && b[1] == 0 && [6]byte(b[2:8]) == [6]byte{}: // 100::/64
		return "discard-only"
	case b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1: // local-use NAT64 64:ff9b:1::/48
		return "local-use NAT64"
	}
	return ""
}
