package feedtest

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Site is a small news site for tests of feed discovery and OPML import: a
// feed at /feed.xml (its requests counted in FeedHits), a page at /page that
// links to it, an OPML list at /list.opml (set with OPML), a 5,000-byte
// answer at /big, a /slow answer that outlasts any test timeout, a 404 at
// /missing and /redirect?to=URL.
type Site struct {
	*httptest.Server
	FeedHits atomic.Int32
	opml     atomic.Value // string
}

// NewSite serves feedFile as the site's feed until the test ends; it fails
// the test when the file cannot be read.
func NewSite(t testing.TB, feedFile string) *Site {
	t.Helper()
	feed, err := os.ReadFile(feedFile)
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{}
	s.opml.Store("")
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.FeedHits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>News</body></html>`))
	})
	mux.HandleFunc("/list.opml", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(s.opml.Load().(string)))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 5000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(3 * time.Second):
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// OPML sets the document served at /list.opml.
func (s *Site) OPML(doc string) { s.opml.Store(doc) }

// Port is the port the site listens on.
func (s *Site) Port() string {
	_, port, err := net.SplitHostPort(s.Listener.Addr().String())
	if err != nil {
		panic(err) // a listener's own address always splits
	}
	return port
}
