package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestFailureKinds: each way a real fetch fails is told apart, so /sources
// can say it in the chat's language; the error's text is kept as Detail.
func TestFailureKinds(t *testing.T) {
	hang := make(chan struct{})
	defer close(hang)
	mux := http.NewServeMux()
	mux.HandleFunc("/410", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/feed", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 4096)) })
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/cut", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.Write([]byte("<rss>"))
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tlsSrv := httptest.NewTLSServer(mux) // its certificate is not one the fetcher trusts
	defer tlsSrv.Close()
	closed := httptest.NewServer(mux)
	closedURL := closed.URL
	closed.Close()

	// Only /hang waits for the short timeout: under load a TLS handshake or a
	// refused dial can take longer than 200 ms and must still read as itself.
	f := NewFetcher(FetcherOptions{Timeout: time.Minute, MaxBytes: 1024})
	short := NewFetcher(FetcherOptions{Timeout: 200 * time.Millisecond, MaxBytes: 1024})
	tests := []struct {
		url  string
		want news.FailureKind
	}{
		{srv.URL + "/410", news.FailStatus},
		{srv.URL + "/loop", news.FailRedirects},
		{srv.URL + "/ftp", news.FailRedirects},
		{srv.URL + "/big", news.FailTooLarge},
		{srv.URL + "/hang", news.FailTimeout},
		{srv.URL + "/cut", news.FailReset},
		{tlsSrv.URL + "/410", news.FailTLS},
		{closedURL + "/410", news.FailRefused},
		// https:// to a server speaking plain HTTP: not a certificate to
		// trust (ca_file) but a scheme to change.
		{"https://" + strings.TrimPrefix(srv.URL, "http://") + "/410", news.FailPlainHTTP},
	}
	for _, tt := range tests {
		fetcher := f
		if tt.want == news.FailTimeout {
			fetcher = short
		}
		_, err := fetcher.Fetch(context.Background(), tt.url, "", "")
		if err == nil {
			t.Errorf("%s: fetched, want a %s failure", tt.url, tt.want)
			continue
		}
		got := failure(err, false)
		if got.Kind != tt.want || got.Detail != err.Error() {
			t.Errorf("%s: %v reads as %+v, want kind %s", tt.url, err, got, tt.want)
		}
		if tt.want == news.FailStatus && got.Status != http.StatusGone {
			t.Errorf("%s: status %d, want 410", tt.url, got.Status)
		}
	}

	// What a test here cannot make for real: a name that does not resolve,
	// an address refused for a chat's source, a body that is not a feed, a
	// store that failed.
	dns := &url.Error{Op: "Get", URL: "https://nowhere.invalid/feed", Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "nowhere.invalid", IsNotFound: true}}}
	for _, tt := range []struct {
		err    error
		stored bool
		want   news.FailureKind
	}{
		{fmt.Errorf("request: %w", dns), false, news.FailDNS},
		{fmt.Errorf("request: %w", ErrRefusedAddress), false, news.FailBlocked},
		{fmt.Errorf("%w: %v", ErrNotFeed, errors.New("EOF")), false, news.FailNotFeed},
		{errors.New("store articles: database or disk is full"), true, news.FailDatabase},
		{errors.New("something new"), false, news.FailOther},
	} {
		if got := failure(tt.err, tt.stored); got.Kind != tt.want || got.Detail != tt.err.Error() {
			t.Errorf("%v: reads as %+v, want kind %s", tt.err, got, tt.want)
		}
	}

	// A feed cut short read as "the answer is not a feed", with the fix to
	// put the feed's own url in the source, which it was: a body the parser
	// takes for a feed that then fails is a broken feed; a page is no feed.
	for _, tt := range []struct {
		file string
		want news.FailureKind
	}{
		{"../testdata/feeds/truncated.xml", news.FailBrokenFeed},
		{"../testdata/feeds/not-a-feed.html", news.FailNotFeed},
	} {
		body, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		_, err = parseFeed(body)
		if err == nil {
			t.Fatalf("%s parsed", tt.file)
		}
		err = notFeed(err)
		if got := failure(err, false); got.Kind != tt.want || !errors.Is(err, ErrNotFeed) {
			t.Errorf("%s: %v reads as %+v, want kind %s (and ErrNotFeed)", tt.file, err, got, tt.want)
		}
		if fix := failureFix(failure(err, false), err, ""); (tt.want == news.FailBrokenFeed) != strings.Contains(fix, "does not parse") {
			t.Errorf("%s: fix %q", tt.file, fix)
		}
	}
}
