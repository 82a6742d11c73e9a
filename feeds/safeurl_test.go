package feeds

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// startSafeURLFakeDNS serves DNS on a local UDP port and returns a resolver
// that asks only it. answer gets the queried host (lower case, no final
// dot) and how many A queries that host has had, this one included; it
// returns the addresses to answer with, or nil for NXDOMAIN.
func startSafeURLFakeDNS(t *testing.T, answer func(host string, aQueries int) []netip.Addr) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	var mu sync.Mutex
	counts := map[string]int{}
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			var p dnsmessage.Parser
			h, err := p.Start(buf[:n])
			if err != nil {
				continue
			}
			q, err := p.Question()
			if err != nil {
				continue
			}
			host := strings.TrimSuffix(strings.ToLower(q.Name.String()), ".")
			mu.Lock()
			if q.Type == dnsmessage.TypeA {
				counts[host]++
			}
			addrs := answer(host, counts[host])
			mu.Unlock()
			hdr := dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true,
				RecursionDesired: h.RecursionDesired, RecursionAvailable: true}
			if addrs == nil {
				hdr.RCode = dnsmessage.RCodeNameError
			}
			b := dnsmessage.NewBuilder(nil, hdr)
			if err := errors.Join(b.StartQuestions(), b.Question(q), b.StartAnswers()); err != nil {
				t.Errorf("fake DNS: build answer: %v", err)
				continue
			}
			rh := dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 0}
			for _, a := range addrs {
				switch {
				case q.Type == dnsmessage.TypeA && a.Is4():
					if err := b.AResource(rh, dnsmessage.AResource{A: a.As4()}); err != nil {
						t.Errorf("fake DNS: build A answer: %v", err)
					}
				case q.Type == dnsmessage.TypeAAAA && a.Is6():
					if err := b.AAAAResource(rh, dnsmessage.AAAAResource{AAAA: a.As16()}); err != nil {
						t.Errorf("fake DNS: build AAAA answer: %v", err)
					}
				}
			}
			msg, err := b.Finish()
			if err == nil {
				// A reply lost to a closed socket shows up as the resolver's timeout.
				_, _ = pc.WriteTo(msg, from)
			}
		}
	}()
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", pc.LocalAddr().String())
	}}
}

// safeURLTestZone is the fake DNS zone shared by the tests.
func safeURLTestZone(host string, _ int) []netip.Addr {
	switch host {
	case "news.test":
		return []netip.Addr{netip.MustParseAddr("203.0.113.10")}
	case "dual.test":
		return []netip.Addr{netip.MustParseAddr("203.0.113.11"), netip.MustParseAddr("2606:4700::11")}
	case "mixed.test":
		return []netip.Addr{netip.MustParseAddr("203.0.113.12"), netip.MustParseAddr("10.1.2.3")}
	case "intranet.test":
		return []netip.Addr{netip.MustParseAddr("192.168.1.20")}
	case "v6loop.test":
		return []netip.Addr{netip.MustParseAddr("::1")}
	}
	return nil
}

func TestCheckURL(t *testing.T) {
	resolver := startSafeURLFakeDNS(t, safeURLTestZone)
	tests := []struct {
		name         string
		url          string
		allowPrivate bool
		wantBlocked  bool
		wantErr      bool // some other error
	}{
		{name: "public ipv4", url: "http://8.8.8.8/news"},
		{name: "public ipv6", url: "https://[2606:4700::1111]/"},
		{name: "public name", url: "https://news.test/a?b=c"},
		{name: "public name with ipv6", url: "https://dual.test/"},
		{name: "ftp scheme", url: "ftp://news.test/file", wantBlocked: true},
		{name: "file scheme", url: "file:///etc/passwd", wantBlocked: true},
		{name: "javascript scheme", url: "javascript:alert(1)", wantBlocked: true},
		{name: "scheme blocked even when private allowed", url: "gopher://news.test/", allowPrivate: true, wantBlocked: true},
		{name: "loopback", url: "http://127.0.0.1:8080/", wantBlocked: true},
		{name: "loopback other", url: "http://127.8.9.10/", wantBlocked: true},
		{name: "localhost name", url: "http://localhost:6060/debug", wantBlocked: true},
		{name: "ipv6 loopback", url: "http://[::1]/", wantBlocked: true},
		{name: "ipv4 mapped loopback", url: "http://[::ffff:127.0.0.1]/", wantBlocked: true},
		{name: "private 10", url: "http://10.0.0.1/", wantBlocked: true},
		{name: "private 172", url: "http://172.16.5.4/", wantBlocked: true},
		{name: "private 192", url: "http://192.168.0.1/", wantBlocked: true},
		{name: "unique local v6", url: "http://[fd12:3456::1]/", wantBlocked: true},
		{name: "link local", url: "http://169.254.10.10/", wantBlocked: true},
		{name: "link local v6", url: "http://[fe80::1]/", wantBlocked: true},
		{name: "aws metadata", url: "http://169.254.169.254/latest/meta-data/", wantBlocked: true},
		{name: "aws metadata v6", url: "http://[fd00:ec2::254]/latest/meta-data/", wantBlocked: true},
		{name: "gcp metadata name", url: "http://metadata.google.internal/computeMetadata/v1/", wantBlocked: true},
		{name: "unspecified", url: "http://0.0.0.0:80/", wantBlocked: true},
		{name: "this network", url: "http://0.1.2.3/", wantBlocked: true},
		{name: "cgnat", url: "http://100.64.0.1/", wantBlocked: true},
		{name: "cgnat top", url: "http://100.127.255.254/", wantBlocked: true},
		{name: "just outside cgnat", url: "http://100.128.0.1/"},
		{name: "multicast", url: "http://224.0.0.1/", wantBlocked: true},
		{name: "broadcast", url: "http://255.255.255.255/", wantBlocked: true},
		{name: "nat64 of private", url: "http://[64:ff9b::a00:1]/", wantBlocked: true},
		{name: "6to4 of loopback", url: "http://[2002:7f00:1::1]/", wantBlocked: true},
		{name: "name resolving to private", url: "http://intranet.test/", wantBlocked: true},
		{name: "name resolving to ipv6 loopback", url: "http://v6loop.test/", wantBlocked: true},
		{name: "one bad address of several", url: "http://mixed.test/", wantBlocked: true},
		{name: "private allowed", url: "http://10.0.0.1/", allowPrivate: true},
		{name: "metadata allowed when private allowed", url: "http://169.254.169.254/", allowPrivate: true},
		{name: "unknown name", url: "http://nowhere.test/", wantErr: true},
		{name: "no host", url: "http:///path", wantErr: true},
		{name: "malformed", url: "http://[::1", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckURL(context.Background(), tt.url, tt.allowPrivate, resolver)
			blocked := errors.Is(err, ErrBlockedAddress)
			switch {
			case tt.wantBlocked && !blocked:
				t.Errorf("CheckURL(%q) = %v, want ErrBlockedAddress", tt.url, err)
			case tt.wantErr && (err == nil || blocked):
				t.Errorf("CheckURL(%q) = %v, want a non-blocking error", tt.url, err)
			case !tt.wantBlocked && !tt.wantErr && err != nil:
				t.Errorf("CheckURL(%q) = %v, want nil", tt.url, err)
			}
		})
	}
}

func TestSafeDialContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	tests := []struct {
		name         string
		allowPrivate bool
		wantBlocked  bool
	}{
		{name: "loopback refused", wantBlocked: true},
		{name: "loopback allowed", allowPrivate: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := SafeDialContext(tt.allowPrivate)(context.Background(), "tcp", addr)
			if conn != nil {
				conn.Close()
			}
			if got := errors.Is(err, ErrBlockedAddress); got != tt.wantBlocked {
				t.Errorf("dial %s: err = %v, blocked = %v, want %v", addr, err, got, tt.wantBlocked)
			}
			if !tt.wantBlocked && err != nil {
				t.Errorf("dial %s: %v", addr, err)
			}
		})
	}
}
