package feedtest

import (
	"context"
	"net"
)

// Resolver returns a DNS lookup that answers each name of hosts with its
// IP address and every other name with a "no such host" *net.DNSError,
// for a fetcher's address guard under test.
func Resolver(hosts map[string]string) func(ctx context.Context, host string) ([]net.IP, error) {
	return func(ctx context.Context, host string) ([]net.IP, error) {
		if ip, ok := hosts[host]; ok {
			return []net.IP{net.ParseIP(ip)}, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
}

// Dialer returns a dial function whose connections to the IP address ip
// reach listener (a test server's address) instead; it dials any other
// address as asked.
func Dialer(ip, listener string) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, err := net.SplitHostPort(addr); err == nil && host == ip {
			addr = listener
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
}
