package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"
)

// A page that links its feed only with <a href> in a footer, no
// <link rel="alternate">: Discover follows the same-site link that looks
// like a feed, not "feedback", not another site's feed, and tries only a few.
func TestDiscoverFollowsFeedAnchors(t *testing.T) {
	feed, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.NotFound(w, r)
	})
	serveHTML := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			requests.Add(1)
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(body))
		})
	}
	mux.HandleFunc("/services/rss", func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "text/xml")
		w.Write(feed)
	})
	serveHTML("/feedback", `<html>not a feed</html>`)
	serveHTML("/footer", `<!doctype html><html><head><title>News</title></head><body>
		<a href="/feedback">Send us feedback</a>
		<a href="http://other.example/rss.xml">Their RSS</a>
		<a href="/services/rss#top">Subscribe</a>
		</body></html>`)
	serveHTML("/text", `<html><body><a href="http://www.news.example/services/rss"><span>RSS</span></a></body></html>`)
	serveHTML("/many", `<html><body>
		<a href="/feed/1">feed</a><a href="/feed/2">feed</a><a href="/feed/3">feed</a>
		<a href="/feed/4">feed</a><a href="/feed/5">feed</a><a href="/feed/6">feed</a>
		<a href="/services/rss">RSS</a></body></html>`)
	serveHTML("/private", `<html><body><a href="/services/rss">RSS</a></body></html>`)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	port := portOf(t, srv)
	d := NewDiscoverer(fakeNet(srv, map[string]string{"news.example": publicIP, "www.news.example": publicIP, "other.example": publicIP, "intranet.example": "10.1.2.3"}))
	base := "http://news.example:" + port

	got, err := d.Discover(context.Background(), base+"/footer")
	if err != nil || got.URL != base+"/services/rss" || got.Title != "Example World News" {
		t.Fatalf("a footer link: %+v, %v; want %s", got, err, base+"/services/rss")
	}
	got, err = d.Discover(context.Background(), base+"/text")
	if err != nil || got.URL != "http://www.news.example/services/rss" {
		t.Errorf("a link whose text says RSS: %+v, %v", got, err)
	}
	requests.Store(0)
	if _, err := d.Discover(context.Background(), base+"/many"); !errors.Is(err, ErrNoFeed) && !isStatus(err) {
		t.Errorf("many feed-like links: err = %v", err)
	}
	if n := requests.Load(); n > 1+maxCandidates {
		t.Errorf("many feed-like links: %d requests, want at most %d", n, 1+maxCandidates)
	}
	if _, err := d.Discover(context.Background(), "http://intranet.example:"+port+"/private"); !errors.Is(err, ErrRefusedAddress) {
		t.Errorf("a page on a private address: err = %v, want ErrRefusedAddress", err)
	}
}

func isStatus(err error) bool {
	var se *StatusError
	return errors.As(err, &se)
}
