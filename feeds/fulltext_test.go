package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	stdhtml "html"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// pageTestServer serves the pages under testdata/pages and hostile
// variants, and records the requests it gets.
type pageTestServer struct {
	*httptest.Server
	mu    sync.Mutex
	seen  []*http.Request
	hosts []string
}

func startPageTestServer(t *testing.T) *pageTestServer {
	t.Helper()
	article := pageTestRead(t, "article.html")
	latin1 := pageTestRead(t, "latin1.html")
	empty := pageTestRead(t, "empty.html")
	s := &pageTestServer{}
	mux := http.NewServeMux()
	html := func(body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(body)
		}
	}
	mux.HandleFunc("/article", html(article))
	mux.HandleFunc("/empty", html(empty))
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // charset only in the meta tag
		w.Write(latin1)
	})
	mux.HandleFunc("/no-content-type", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // stop net/http from sniffing one
		w.Write(article)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip only", http.StatusNotAcceptable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(article)
		zw.Close()
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte("<html><body><p>"))
		chunk := bytes.Repeat([]byte("a "), 1<<15)
		for range 200 { // 12.8 MB once inflated, a few kB on the wire
			zw.Write(chunk)
		}
		zw.Close()
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(article)
		w.Write(bytes.Repeat([]byte("<p>padding padding padding</p>\n"), 100_000))
	})
	mux.HandleFunc("/redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if n <= 0 {
			html(article)(w, r)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("url"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7 not really"))
	})
	mux.HandleFunc("/json-untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte(`{"items": [1, 2, 3]}`))
	})
	// /og and /deep/og serve the article with the meta tags that the
	// query names: og (og:image), twitter (twitter:image).
	withImages := func(w http.ResponseWriter, r *http.Request) {
		var meta strings.Builder
		for _, v := range r.URL.Query()["og"] {
			fmt.Fprintf(&meta, `<meta property="og:image" content="%s">`, stdhtml.EscapeString(v))
		}
		if v, ok := r.URL.Query()["twitter"]; ok {
			fmt.Fprintf(&meta, `<meta name="twitter:image" content="%s">`, stdhtml.EscapeString(v[0]))
		}
		html(bytes.Replace(article, []byte(`<meta charset="utf-8">`), []byte(`<meta charset="utf-8">`+meta.String()), 1))(w, r)
	}
	mux.HandleFunc("/og", withImages)
	mux.HandleFunc("/deep/og", withImages)
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.seen = append(s.seen, r)
		s.hosts = append(s.hosts, r.Host)
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *pageTestServer) requests() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.seen...)
}

func pageTestRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/pages/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPageFetcherText(t *testing.T) {
	srv := startPageTestServer(t)
	tests := []struct {
		name     string
		path     string
		opts     PageOptions
		wantErr  error
		wantText []string // substrings the text must contain
		wantNot  []string // substrings it must not contain
	}{
		{name: "article",
			path:     "/article",
			wantText: []string{"The city council of Port Ellis voted 7-2 on Tuesday", "\n\nThe barrier, a pair of steel gates", "Luck is not a plan."},
			wantNot:  []string{"Subscribe today", "Related stories", "All rights reserved", "dataLayer", "Sport", "The harbor at dusk"}},
		{name: "gzip", path: "/gzip", wantText: []string{"movable flood barrier"}},
		{name: "charset from meta tag", path: "/latin1",
			wantText: []string{"Le café historique du port a rouvert", "« Nous voulions que rien ne change pour les clients »"}},
		{name: "sniffed html", path: "/no-content-type", wantText: []string{"movable flood barrier"}},
		{name: "redirects within limit", path: "/redirect/5", wantText: []string{"movable flood barrier"}},
		{name: "too many redirects", path: "/redirect/6", wantErr: ErrTooManyPageRedirects},
		{name: "redirects disabled", path: "/redirect/1", opts: PageOptions{MaxRedirects: -1}, wantErr: ErrTooManyPageRedirects},
		{name: "redirect to ftp", path: "/to?url=ftp://example.org/file.html", wantErr: ErrBlockedAddress},
		{name: "too large", path: "/big", opts: PageOptions{MaxBytes: 64 << 10}, wantErr: ErrPageTooLarge},
		{name: "gzip bomb", path: "/bomb", opts: PageOptions{MaxBytes: 1 << 20}, wantErr: ErrPageTooLarge},
		{name: "pdf", path: "/pdf", wantErr: ErrPageNotHTML},
		{name: "untyped json", path: "/json-untyped", wantErr: ErrPageNotHTML},
		{name: "no article", path: "/empty", wantErr: ErrPageNoArticle},
		{name: "timeout", path: "/slow", opts: PageOptions{Timeout: 200 * time.Millisecond}, wantErr: context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.AllowPrivate = true // httptest listens on 127.0.0.1
			f := NewPageFetcher(opts)
			page, err := f.Fetch(context.Background(), srv.URL+tt.path)
			text := page.Text
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.wantText {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q:\n%s", want, text)
				}
			}
			for _, not := range tt.wantNot {
				if strings.Contains(text, not) {
					t.Errorf("text contains %q:\n%s", not, text)
				}
			}
			if strings.Contains(text, "\n\n\n") {
				t.Errorf("text has more than one blank line between paragraphs:\n%q", text)
			}
		})
	}
}

// TestPageFetcherImage checks the page's own image: og:image before
// twitter:image, made absolute against the page's final URL, http and https
// only, none when the page names none.
func TestPageFetcherImage(t *testing.T) {
	srv := startPageTestServer(t)
	long := "https://img.example/" + strings.Repeat("a", 2048)
	tests := []struct {
		name string
		path string
		want string
	}{
		{name: "none", path: "/article", want: ""},
		{name: "og absolute", path: "/og?og=https://img.example/barrier.jpg", want: "https://img.example/barrier.jpg"},
		{name: "og relative", path: "/deep/og?og=pics/barrier.jpg", want: srv.URL + "/deep/pics/barrier.jpg"},
		{name: "og rooted", path: "/deep/og?og=/pics/barrier.jpg", want: srv.URL + "/pics/barrier.jpg"},
		{name: "og protocol-relative", path: "/og?og=//cdn.example/b.jpg", want: "http://cdn.example/b.jpg"},
		{name: "twitter only", path: "/og?twitter=https://img.example/t.jpg", want: "https://img.example/t.jpg"},
		{name: "og before twitter", path: "/og?og=https://img.example/o.jpg&twitter=https://img.example/t.jpg", want: "https://img.example/o.jpg"},
		{name: "relative after a redirect", path: "/to?url=/deep/og%3Fog%3Dpic.jpg", want: srv.URL + "/deep/pic.jpg"},
		{name: "javascript", path: "/og?og=javascript:alert(1)", want: ""},
		{name: "data", path: "/og?og=data:image/png;base64,iVBORw0KGgo=", want: ""},
		{name: "ftp", path: "/og?og=ftp://img.example/x.jpg", want: ""},
		{name: "blank", path: "/og?og=%20", want: ""},
		{name: "too long", path: "/og?og=" + long, want: ""},
		{name: "the first of several", path: "/og?og=https://img.example/first.jpg&og=https://img.example/second.jpg", want: "https://img.example/first.jpg"},
		{name: "a bad og:image, a good twitter:image", path: "/og?og=javascript:x&twitter=https://img.example/t.jpg", want: "https://img.example/t.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := NewPageFetcher(PageOptions{AllowPrivate: true})
			page, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if page.ImageURL != tt.want {
				t.Errorf("image = %q, want %q", page.ImageURL, tt.want)
			}
			if !strings.Contains(page.Text, "movable flood barrier") {
				t.Errorf("text lacks the article: %q", page.Text)
			}
		})
	}
}

func TestPageFetcherSendsHeaders(t *testing.T) {
	srv := startPageTestServer(t)
	tests := []struct {
		name      string
		userAgent string
		want      string
	}{
		{name: "default", want: "Newshound/1.0 (+https://github.com/newshound/newshound)"},
		{name: "configured", userAgent: "TestBot/2", want: "TestBot/2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := NewPageFetcher(PageOptions{AllowPrivate: true, UserAgent: tt.userAgent})
			if _, err := f.Fetch(context.Background(), srv.URL+"/redirect/1"); err != nil {
				t.Fatal(err)
			}
			reqs := srv.requests()
			for _, r := range reqs[len(reqs)-2:] { // the redirect and its target
				if got := r.Header.Get("User-Agent"); got != tt.want {
					t.Errorf("%s: User-Agent = %q, want %q", r.URL.Path, got, tt.want)
				}
				if got := r.Header.Get("Accept-Encoding"); !strings.Contains(got, "gzip") {
					t.Errorf("%s: Accept-Encoding = %q, want gzip", r.URL.Path, got)
				}
			}
		})
	}
}

func TestPageFetcherRefusesPrivateTargets(t *testing.T) {
	srv := startPageTestServer(t)
	tests := []struct {
		name string
		url  string
	}{
		{name: "loopback test server", url: srv.URL + "/article"},
		{name: "localhost", url: "http://localhost:1/article"},
		{name: "metadata address", url: "http://169.254.169.254/latest/meta-data/"},
		{name: "metadata name", url: "http://metadata.google.internal/computeMetadata/v1/"},
		{name: "private", url: "http://10.20.30.40/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.requests())
			f := NewPageFetcher(PageOptions{Timeout: 2 * time.Second})
			_, err := f.Fetch(context.Background(), tt.url)
			if !errors.Is(err, ErrBlockedAddress) {
				t.Errorf("err = %v, want ErrBlockedAddress", err)
			}
			if after := len(srv.requests()); after != before {
				t.Errorf("the server got %d requests, want none", after-before)
			}
		})
	}
}

// TestPageFetcherRefusesRedirectsToPrivateTargets fetches from a public
// name (in a fake DNS zone) through a transport that delivers every
// connection to the test server, which answers with a redirect to a
// private target: the redirect must be refused before anything is sent.
func TestPageFetcherRefusesRedirectsToPrivateTargets(t *testing.T) {
	srv := startPageTestServer(t)
	resolver := startSafeURLFakeDNS(t, safeURLTestZone)
	port := portOf(t, srv.Server)
	toServer := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, srv.Listener.Addr().String())
	}}
	tests := []struct {
		name   string
		target string
	}{
		{name: "metadata address", target: "http://169.254.169.254/latest/meta-data/"},
		{name: "metadata name", target: "http://metadata.google.internal/computeMetadata/v1/"},
		{name: "loopback", target: "http://127.0.0.1:" + port + "/article"},
		{name: "name resolving to private", target: "http://intranet.test/admin"},
		{name: "cgnat", target: "http://100.100.100.200/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := NewPageFetcher(PageOptions{Client: &http.Client{Transport: toServer}, Resolver: resolver, Timeout: 5 * time.Second})
			before := len(srv.requests())
			_, err := f.Fetch(context.Background(), "http://news.test:"+port+"/to?url="+tt.target)
			if !errors.Is(err, ErrBlockedAddress) {
				t.Fatalf("err = %v, want ErrBlockedAddress", err)
			}
			if got := len(srv.requests()) - before; got != 1 {
				t.Errorf("the server got %d requests, want only the first one", got)
			}
		})
	}
}

// TestPageFetcherDefeatsDNSRebinding uses a name that resolves to a public
// address for the check and to loopback when the connection is made: the
// dialer must refuse it.
func TestPageFetcherDefeatsDNSRebinding(t *testing.T) {
	srv := startPageTestServer(t)
	resolver := startSafeURLFakeDNS(t, func(host string, aQueries int) []netip.Addr {
		if host != "rebind.test" {
			return nil
		}
		if aQueries == 1 {
			return []netip.Addr{netip.MustParseAddr("203.0.113.50")}
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}
	})
	port := portOf(t, srv.Server)
	f := NewPageFetcher(PageOptions{Resolver: resolver, Timeout: 5 * time.Second})
	_, err := f.Fetch(context.Background(), "http://rebind.test:"+port+"/article")
	if !errors.Is(err, ErrBlockedAddress) {
		t.Fatalf("err = %v, want ErrBlockedAddress", err)
	}
	if n := len(srv.requests()); n != 0 {
		t.Errorf("the server got %d requests, want none", n)
	}
}
