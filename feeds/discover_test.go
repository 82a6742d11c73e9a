package feeds

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
)

// publicIP stands for a public address in tests: fake DNS answers it and
// connections to it go to the test server.
const publicIP = "203.0.113.10"

// discoverServer serves a feed, an HTML page linking to it, a page without
// one, and redirects to wherever the query's "to" says.
func discoverServer(t *testing.T) *httptest.Server {
	t.Helper()
	feed, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!doctype html><html><head><title>News</title>
			<link rel="stylesheet" href="/style.css">
			<link rel="alternate" type="text/html" href="/other">
			<link rel="Alternate" type="application/rss+xml; charset=utf-8" href="feed.xml">
			</head><body>hello</body></html>`))
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "../testdata/feeds/not-a-feed.html")
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// fakeNet returns options whose DNS answers names from hosts and whose
// connections to publicIP reach srv.
func fakeNet(srv *httptest.Server, hosts map[string]string) DiscoverOptions {
	return DiscoverOptions{
		Resolve: feedtest.Resolver(hosts),
		Connect: feedtest.Dialer(publicIP, srv.Listener.Addr().String()),
	}
}

func portOf(tb testing.TB, srv *httptest.Server) string {
	tb.Helper()
	_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	if err != nil {
		tb.Fatal(err)
	}
	return port
}

func TestDiscoverFindsFeeds(t *testing.T) {
	srv := discoverServer(t)
	port := portOf(t, srv)
	d := NewDiscoverer(fakeNet(srv, map[string]string{"news.example": publicIP}))
	base := "http://news.example:" + port
	tests := []struct {
		name    string
		url     string
		wantURL string
		wantErr error
	}{
		{"a feed", base + "/feed.xml", base + "/feed.xml", nil},
		{"a page linking to a feed", base + "/page", base + "/feed.xml", nil},
		{"a redirect to a feed", base + "/redirect?to=/feed.xml", base + "/feed.xml", nil},
		{"a page without a feed", base + "/plain", "", ErrNoFeed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.Discover(context.Background(), tt.url)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if got.URL != tt.wantURL {
				t.Errorf("URL = %q, want %q", got.URL, tt.wantURL)
			}
			if tt.wantErr == nil && (got.Title != "Example World News" || got.Items == 0) {
				t.Errorf("title = %q, items = %d", got.Title, got.Items)
			}
		})
	}
}

func TestDiscoverRefusesPrivateAddresses(t *testing.T) {
	srv := discoverServer(t)
	port := portOf(t, srv)
	opts := fakeNet(srv, map[string]string{"news.example": publicIP, "intranet.example": "10.1.2.3", "localhost": "127.0.0.1"})
	d := NewDiscoverer(opts)
	base := "http://news.example:" + port
	tests := []struct {
		name string
		url  string
	}{
		{"loopback", "http://127.0.0.1:" + port + "/feed.xml"},
		{"private", "http://10.0.0.1/feed.xml"},
		{"metadata", "http://169.254.169.254/latest/meta-data/"},
		{"IPv6 loopback", "http://[::1]:" + port + "/feed.xml"},
		{"IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]:" + port + "/feed.xml"},
		{"unspecified", "http://0.0.0.0:" + port + "/feed.xml"},
		{"a name for a private address", "http://intranet.example/feed.xml"},
		{"localhost", "http://localhost:" + port + "/feed.xml"},
		{"not http", "file:///etc/passwd"},
		{"a redirect to loopback", base + "/redirect?to=http://127.0.0.1:" + port + "/feed.xml"},
		{"a redirect to a private name", base + "/redirect?to=http://intranet.example/feed.xml"},
		{"a redirect to metadata", base + "/redirect?to=http://169.254.169.254/latest/meta-data/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Discover(context.Background(), tt.url)
			if !errors.Is(err, ErrRefusedAddress) {
				t.Fatalf("err = %v, want ErrRefusedAddress", err)
			}
		})
	}

	t.Run("allowed by the config", func(t *testing.T) {
		opts := opts
		opts.AllowPrivate = true
		if _, err := NewDiscoverer(opts).Discover(context.Background(), "http://127.0.0.1:"+port+"/feed.xml"); err != nil {
			t.Fatalf("err = %v, want a feed", err)
		}
	})
}

// TestDiscoverDialsOnlyVettedAddresses: a name that resolves to a public
// address for the check and to loopback for the connection is refused at
// the connection.
func TestDiscoverDialsOnlyVettedAddresses(t *testing.T) {
	srv := discoverServer(t)
	var lookups atomic.Int32
	opts := fakeNet(srv, nil)
	opts.Resolve = func(ctx context.Context, host string) ([]net.IP, error) {
		if lookups.Add(1) == 1 {
			return []net.IP{net.ParseIP(publicIP)}, nil
		}
		return []net.IP{net.ParseIP("127.0.0.1")}, nil
	}
	d := NewDiscoverer(opts)
	_, err := d.Discover(context.Background(), "http://rebind.example:"+portOf(t, srv)+"/feed.xml")
	if !errors.Is(err, ErrRefusedAddress) {
		t.Fatalf("err = %v, want ErrRefusedAddress", err)
	}
	if lookups.Load() < 2 {
		t.Errorf("lookups = %d, want the connection to resolve again", lookups.Load())
	}
}

func TestBlockedIP(t *testing.T) {
	tests := []struct {
		name string
		ip   string
		want bool
	}{
		{"loopback", "127.0.0.1", true},
		{"loopback range", "127.8.9.10", true},
		{"private 10", "10.0.0.1", true},
		{"private 172", "172.16.5.4", true},
		{"private 192", "192.168.1.1", true},
		{"link-local", "169.254.1.1", true},
		{"metadata", "169.254.169.254", true},
		{"carrier NAT and Alibaba metadata", "100.100.100.200", true},
		{"unspecified", "0.0.0.0", true},
		{"this network", "0.1.2.3", true},
		{"broadcast", "255.255.255.255", true},
		{"multicast", "224.0.0.1", true},
		{"IPv6 loopback", "::1", true},
		{"IPv6 unique local", "fd12::1", true},
		{"AWS IPv6 metadata", "fd00:ec2::254", true},
		{"IPv6 link-local", "fe80::1", true},
		{"IPv4-mapped loopback", "::ffff:127.0.0.1", true},
		{"NAT64 of loopback", "64:ff9b::7f00:1", true},
		{"6to4", "2002:7f00:1::1", true},
		{"public IPv4", "93.184.216.34", false},
		{"public IPv6", "2606:4700::1111", false},
		{"172 outside the private block", "172.32.0.1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := safeURLAddrReason(netip.MustParseAddr(tt.ip)) != ""; got != tt.want {
				t.Errorf("blocked(%s) = %v, want %v", tt.ip, got, tt.want)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	feeds := []Outline{{Title: `World & "More"`, URL: "https://news.example/world.xml?a=1&b=2"}, {Title: "Tech <b>", URL: "https://tech.example/atom"}}
	data, err := WriteOPML("Newshound sources", feeds, time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseOPML(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != feeds[0] || got[1] != feeds[1] {
		t.Fatalf("round trip = %+v\n%s", got, data)
	}
	nested := `<?xml version="1.0"?><opml version="1.0"><head/><body>
		<outline text="News"><outline text="A" xmlUrl="https://a.example/rss"/><outline title="B" text="b" xmlUrl="https://b.example/rss"/></outline>
		<outline text="dup" xmlUrl="https://a.example/rss"/></body></opml>`
	got, err = ParseOPML([]byte(nested))
	if err != nil || len(got) != 2 || got[1].Title != "B" {
		t.Fatalf("nested = %+v, %v", got, err)
	}
	if _, err := ParseOPML([]byte("not xml at all")); err == nil || !strings.Contains(err.Error(), "OPML") {
		t.Errorf("garbage: err = %v", err)
	}
}
