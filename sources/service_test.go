package sources_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
	"github.com/newshound/newshound/store"
)

// publicIP stands for a public address; connections to it reach the test server.
const publicIP = "203.0.113.10"

// start is the clock of every test.
var start = time.Date(2026, 11, 27, 12, 0, 30, 0, time.UTC)

// finder returns a guarded fetcher whose DNS answers hosts (every other name
// is unknown) and whose connections to publicIP reach srv.
func finder(srv *feedtest.Site, allowPrivate bool, hosts map[string]string) *feeds.Discoverer {
	return feeds.NewDiscoverer(feeds.DiscoverOptions{
		AllowPrivate: allowPrivate,
		Timeout:      200 * time.Millisecond,
		MaxBytes:     4096,
		Resolve:      feedtest.Resolver(hosts),
		Connect:      feedtest.Dialer(publicIP, srv.Listener.Addr().String()),
	})
}

// newService returns a service on a fresh store.
func newService(t *testing.T, f sources.FeedFinder, nextPoll func(time.Time) time.Time) (*sources.Service, *store.Store) {
	t.Helper()
	st := testkit.OpenStore(t, func() time.Time { return start })
	return sources.NewService(sources.Options{Store: st, Finder: f, Now: func() time.Time { return start }, NextPoll: nextPoll}), st
}

func mustUpsert(t *testing.T, st *store.Store, name, url, origin string) news.Source {
	t.Helper()
	src, err := st.UpsertSource(context.Background(), name, url, origin)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestAddFindsTheFeedOnce(t *testing.T) {
	srv := newSite(t)
	svc, st := newService(t, finder(srv, false, map[string]string{"news.example": publicIP}), nil)
	ctx := context.Background()
	public := "http://news.example:" + srv.Port()

	added, err := svc.Add(ctx, public+"/page")
	if err != nil {
		t.Fatal(err)
	}
	if !added.New || added.Source.Name != "Example World News" || added.Source.URL != public+"/feed.xml" ||
		added.Source.Origin != news.OriginChat || added.Items == 0 {
		t.Fatalf("Add of a page linking to a feed = %+v", added)
	}
	again, err := svc.Add(ctx, public+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if again.New || again.Source.ID != added.Source.ID {
		t.Errorf("Add of a known feed = %+v, want source #%d, not new", again, added.Source.ID)
	}
	srcs, err := st.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 {
		t.Errorf("sources after adding one feed twice: %+v", srcs)
	}
}

func TestAddRefusesPrivateAddresses(t *testing.T) {
	srv := newSite(t)
	port := srv.Port()
	svc, st := newService(t, finder(srv, false, map[string]string{"news.example": publicIP, "localhost": "127.0.0.1", "intranet.example": "10.9.8.7"}), nil)
	public := "http://news.example:" + port
	tests := []struct {
		name string
		url  string
	}{
		{"loopback", "http://127.0.0.1:" + port + "/feed.xml"},
		{"private", "http://10.0.0.1/feed.xml"},
		{"metadata", "http://169.254.169.254/latest/meta-data/"},
		{"localhost", "http://localhost:" + port + "/feed.xml"},
		{"a name for a private address", "http://intranet.example/feed.xml"},
		{"a redirect to loopback", public + "/redirect?to=http://127.0.0.1:" + port + "/feed.xml"},
		{"a redirect to metadata", public + "/redirect?to=http://169.254.169.254/latest/meta-data/"},
		{"not http", "file:///etc/passwd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.Add(context.Background(), tt.url)
			if !errors.Is(err, sources.ErrBlocked) || !errors.Is(err, sources.ErrFetch) {
				t.Errorf("Add(%s) = %v, want ErrBlocked", tt.url, err)
			}
		})
	}
	if n := srv.FeedHits.Load(); n != 0 {
		t.Errorf("the feed behind the refused addresses was fetched %d times", n)
	}
	if srcs, err := st.ListSources(context.Background()); err != nil || len(srcs) != 0 {
		t.Errorf("sources after refusals: %+v, %v", srcs, err)
	}
}

func TestAddExplainsFailures(t *testing.T) {
	srv := newSite(t)
	svc, _ := newService(t, finder(srv, true, nil), nil)
	base := "http://127.0.0.1:" + srv.Port()
	tests := []struct {
		name   string
		url    string
		want   error // besides ErrFetch; nil: ErrFetch alone
		status int
	}{
		{"too slow", base + "/slow", sources.ErrTimeout, 0},
		{"not found", base + "/missing", nil, 404},
		{"no feed", base + "/list.opml", sources.ErrNotFeed, 0},
		{"too large", base + "/big", sources.ErrTooLarge, 0},
		{"nothing listening", "http://127.0.0.1:1/feed.xml", nil, 0},
		{"https to a plain-HTTP server", "https://127.0.0.1:" + srv.Port() + "/feed.xml", sources.ErrPlainHTTP, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.Add(context.Background(), tt.url)
			if !errors.Is(err, sources.ErrFetch) {
				t.Fatalf("Add(%s) = %v, want ErrFetch", tt.url, err)
			}
			for _, other := range []error{sources.ErrBlocked, sources.ErrNotFeed, sources.ErrTooLarge, sources.ErrTimeout, sources.ErrTLS, sources.ErrPlainHTTP} {
				if errors.Is(err, other) != (other == tt.want) {
					t.Errorf("Add(%s) = %v: errors.Is(%v) = %t", tt.url, err, other, !(other == tt.want))
				}
			}
			if got := sources.HTTPStatus(err); got != tt.status {
				t.Errorf("HTTPStatus(%v) = %d, want %d", err, got, tt.status)
			}
		})
	}
}

func TestAddMayReachPrivateAddressesWhenAllowed(t *testing.T) {
	srv := newSite(t)
	svc, _ := newService(t, finder(srv, true, nil), nil)
	added, err := svc.Add(context.Background(), "http://127.0.0.1:"+srv.Port()+"/feed.xml")
	if err != nil || !added.New {
		t.Fatalf("with allow_private_urls: %+v, %v", added, err)
	}
}

func TestAddWithoutFinder(t *testing.T) {
	svc, _ := newService(t, nil, nil)
	if _, err := svc.Add(context.Background(), "https://news.example/rss"); !errors.Is(err, sources.ErrUnavailable) {
		t.Errorf("Add without a finder = %v, want ErrUnavailable", err)
	}
	if _, err := svc.Import(context.Background(), []byte(`<opml version="2.0"><body/></opml>`)); !errors.Is(err, sources.ErrUnavailable) {
		t.Errorf("Import without a finder = %v, want ErrUnavailable", err)
	}
	if _, err := svc.ImportURL(context.Background(), "https://news.example/list.opml"); !errors.Is(err, sources.ErrUnavailable) {
		t.Errorf("ImportURL without a finder = %v, want ErrUnavailable", err)
	}
}

func TestFeedURL(t *testing.T) {
	tests := []struct {
		name, raw, want string
		err             error
	}{
		{"a full URL", "http://news.example/rss", "http://news.example/rss", nil},
		{"no scheme", "news.example/rss", "https://news.example/rss", nil},
		{"a browser's feed:// link", "feed://news.example/rss", "https://news.example/rss", nil},
		{"a browser's feed mark on https", "feed:https://news.example/rss", "https://news.example/rss", nil},
		{"a browser's feed mark on http", "FEED:http://news.example/rss", "http://news.example/rss", nil},
		{"a host named feed with a port", "feed:8080/rss", "https://feed:8080/rss", nil},
		{"a feed mark alone", "feed://", "", sources.ErrInvalidURL},
		{"a host named feed", "feed.example/rss", "https://feed.example/rss", nil},
		// An internationalized host could not be added at all: DNS and the
		// stored URL take its punycode.
		{"an internationalized host", "https://пример.рф/rss", "https://xn--e1afmkfd.xn--p1ai/rss", nil},
		{"an internationalized host, no scheme, a port", "Bücher.example:8443/feed", "https://xn--bcher-kva.example:8443/feed", nil},
		{"empty", "", "", sources.ErrInvalidURL},
		{"spaces", "news.example/a b", "", sources.ErrInvalidURL},
		{"a line break", "news.example/a\nb", "", sources.ErrInvalidURL},
		{"too long", "https://news.example/" + strings.Repeat("a", sources.MaxURL), "", sources.ErrInvalidURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sources.FeedURL(tt.raw)
			if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Errorf("FeedURL(%q) = %q, %v; want %q, %v", tt.raw, got, err, tt.want, tt.err)
			}
		})
	}
	svc, _ := newService(t, finder(newSite(t), false, nil), nil)
	if _, err := svc.Add(context.Background(), "a b"); !errors.Is(err, sources.ErrInvalidURL) {
		t.Errorf("Add of text with a space = %v, want ErrInvalidURL", err)
	}
}

func TestRemove(t *testing.T) {
	svc, st := newService(t, nil, nil)
	ctx := context.Background()
	cfg := mustUpsert(t, st, "Config", "https://world.example/rss", news.OriginConfig)
	chat := mustUpsert(t, st, "Chat feed", "https://chat.example/rss", news.OriginChat)
	fresh := mustUpsert(t, st, "Fresh", "https://fresh.example/rss", news.OriginChat)
	old := mustUpsert(t, st, "Old", "https://old.example/rss", news.OriginConfig)
	if _, err := st.RetireConfigSources(ctx, []string{cfg.URL}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		remove func() (news.Source, error)
		want   int64 // the removed source
		err    error
	}{
		{"a config source", func() (news.Source, error) { return svc.Remove(ctx, cfg.ID) }, 0, sources.ErrNotRemovable},
		{"an unknown id", func() (news.Source, error) { return svc.Remove(ctx, 99) }, 0, sources.ErrNotFound},
		{"an unknown URL", func() (news.Source, error) { return svc.RemoveURL(ctx, "https://nowhere.example/rss") }, 0, sources.ErrNotFound},
		{"by id", func() (news.Source, error) { return svc.Remove(ctx, chat.ID) }, chat.ID, nil},
		{"by URL", func() (news.Source, error) { return svc.RemoveURL(ctx, fresh.URL) }, fresh.ID, nil},
		{"a retired source", func() (news.Source, error) { return svc.Remove(ctx, old.ID) }, old.ID, nil},
		{"one removed already", func() (news.Source, error) { return svc.Remove(ctx, chat.ID) }, 0, sources.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := tt.remove()
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Errorf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil || src.ID != tt.want {
				t.Errorf("removed %+v, %v; want source #%d", src, err, tt.want)
			}
		})
	}
	srcs, err := st.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 || srcs[0].ID != cfg.ID {
		t.Errorf("sources left: %+v", srcs)
	}
}

// newSite serves the test site of internal/feedtest with the world feed.
func newSite(t *testing.T) *feedtest.Site {
	t.Helper()
	return feedtest.NewSite(t, "../testdata/feeds/world-v1.xml")
}

// /addsource http://…/feed.xml#top added the configuration's
// http://…/feed.xml a second time, and so would the host in other letter
// case: the feed is known by news.FeedKey, not by its text alone.
func TestAddKnowsAFeedWrittenOtherwise(t *testing.T) {
	srv := newSite(t)
	svc, st := newService(t, finder(srv, false, map[string]string{"news.example": publicIP}), nil)
	ctx := context.Background()
	configured := mustUpsert(t, st, "Configured", "http://News.Example:"+srv.Port()+"/feed.xml", news.OriginConfig)
	for _, url := range []string{"http://news.example:" + srv.Port() + "/feed.xml", "http://news.example:" + srv.Port() + "/feed.xml#top"} {
		added, err := svc.Add(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if added.New || added.Source.ID != configured.ID {
			t.Errorf("Add(%s) = %+v, want the configured source #%d, not new", url, added, configured.ID)
		}
	}
	if srcs, err := st.ListSources(ctx); err != nil || len(srcs) != 1 {
		t.Errorf("sources after adding one feed written otherwise: %+v, %v", srcs, err)
	}
}
