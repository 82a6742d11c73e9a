package sources_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/sources"
)

// An OPML list that names a site's page instead of its feed (hand-made
// lists often do) added the page as a source that failed every fetch as
// "not a feed", where /addsource of the same address finds the feed. Import
// now leads each such entry to its feed and says so (Led); an entry that is
// neither a feed nor a page linking to one is not added (NoFeed); one whose
// server fails now is added as it is (Unchecked), as before. Nested
// outlines and an address listed twice are taken once.
func TestImportLeadsPagesToTheirFeeds(t *testing.T) {
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
		w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>News</body></html>`))
	})
	mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><title>About us</title></head><body>No feed here</body></html>`))
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	finder := feeds.NewDiscoverer(feeds.DiscoverOptions{
		Timeout: 5 * time.Second, MaxBytes: 1 << 16,
		Resolve: func(ctx context.Context, host string) ([]net.IP, error) {
			return []net.IP{net.ParseIP(publicIP)}, nil
		},
		Connect: func(ctx context.Context, network, addr string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, srv.Listener.Addr().String())
		},
	})
	st := testkit.OpenStore(t, func() time.Time { return start })
	svc := sources.NewService(sources.Options{Store: st, Finder: finder, Now: func() time.Time { return start }})
	doc := `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Sites"><outline text="World (the site)" xmlUrl="http://world.example/page"/>
  <outline text="Deeper"><outline text="World again" xmlUrl="http://world.example/page"/></outline></outline>
<outline text="" xmlUrl="http://untitled.example/page"/>
<outline text="About" xmlUrl="http://about.example/about"/>
<outline text="Feed" xmlUrl="http://feed.example/feed.xml"/>
<outline text="Down" xmlUrl="http://down.example/down"/>
</body></opml>`
	res, err := svc.Import(context.Background(), []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	added := map[string]string{}
	for _, s := range res.Added {
		added[s.URL] = s.Name
	}
	want := map[string]string{
		"http://world.example/feed.xml":    "World (the site)",
		"http://untitled.example/feed.xml": "Example World News", // the feed's own title, the entry having none
		"http://feed.example/feed.xml":     "Feed",
		"http://down.example/down":         "Down",
	}
	for u, name := range want {
		if added[u] != name {
			t.Errorf("added %q as %q, want %q (all added: %v)", u, added[u], name, added)
		}
	}
	if len(res.Added) != len(want) {
		t.Errorf("added %v, want %d sources", added, len(want))
	}
	if len(res.Led) != 2 || res.Led[0] != (sources.Led{Name: "World (the site)", Page: "http://world.example/page", Feed: "http://world.example/feed.xml"}) ||
		res.Led[1].Page != "http://untitled.example/page" || res.Led[1].Feed != "http://untitled.example/feed.xml" {
		t.Errorf("led %+v, want the two pages to their feed.xml", res.Led)
	}
	if len(res.NoFeed) != 1 || res.NoFeed[0].URL != "http://about.example/about" {
		t.Errorf("no feed %+v, want the About page", res.NoFeed)
	}
	if res.Unchecked != 1 {
		t.Errorf("unchecked %d, want 1 (the server that answers 502)", res.Unchecked)
	}
	srcs, err := st.ListSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		if strings.HasSuffix(s.URL, "/page") || strings.HasSuffix(s.URL, "/about") {
			t.Errorf("a page was added as a source: %s", s.URL)
		}
	}
}
