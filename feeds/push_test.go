package feeds

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// fakeHubs records what the poller offers and says every source is pushed
// once pushed is set.
type fakeHubs struct {
	mu      sync.Mutex
	offered []string
	pushed  bool
}

func (f *fakeHubs) Offered(_ context.Context, src news.Source, hub, topic string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.offered = append(f.offered, hub+" "+topic)
}

func (f *fakeHubs) Pushed(int64) bool { f.mu.Lock(); defer f.mu.Unlock(); return f.pushed }

// withHub is a fixture RSS feed that names a WebSub hub.
func withHub(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.Replace(string(b), `<rss version="2.0">
  <channel>`, `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel><atom:link rel="hub" href="https://hub.example/"/><atom:link rel="self" href="https://news.example.org/world.xml"/>`, 1))
}

func TestPushIsStoredAsAFetch(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set(withHub(t, "../testdata/feeds/world-v1.xml"), "application/rss+xml")
	src := testkit.UpsertSource(t, st, "World", feed.URL, "config")
	sink := &recordingSink{}
	hubs := &fakeHubs{}
	p := newTestPoller(t, st, sink, 1<<20)
	p.opts.Hubs, p.opts.MaxInterval = hubs, 6*time.Hour
	p.bounds = newBounds(p.Interval(), 0, 6*time.Hour)

	mustPoll(t, p)
	if len(hubs.offered) != 1 || hubs.offered[0] != "https://hub.example/ https://news.example.org/world.xml" {
		t.Fatalf("offered %q, want the feed's hub and self link", hubs.offered)
	}
	if got := mustFindSource(t, st, src.ID); strings.Contains(got.IntervalReason, string(news.ReasonPushed)) {
		t.Errorf("interval before pushes = %s (%q), want the adaptive one", got.Interval, got.IntervalReason)
	}

	hubs.pushed = true
	src = mustFindSource(t, st, src.ID)
	n, err := p.Push(ctx, src, withHub(t, "../testdata/feeds/world-v2.xml"))
	if err != nil || n != 2 {
		t.Fatalf("push stored %d, %v; want the 2 new articles", n, err)
	}
	if n, err := p.Push(ctx, src, withHub(t, "../testdata/feeds/world-v2.xml")); err != nil || n != 0 {
		t.Errorf("the same push again stored %d, %v; want nothing", n, err)
	}
	if _, err := p.Push(ctx, src, []byte("<html>not a feed</html>")); !errors.Is(err, ErrNotFeed) {
		t.Errorf("push of a page: %v, want ErrNotFeed", err)
	}

	feed.Set(withHub(t, "../testdata/feeds/world-v2.xml"), "application/rss+xml")
	mustPoll(t, p) // the poll finds nothing new, and finishes what the push stored
	if got := sink.titles(); len(got) != 2 {
		t.Fatalf("alerts after push and poll = %q, want the 2 pushed articles once", got)
	}
	got := mustFindSource(t, st, src.ID)
	if why, ok := news.ParseIntervalReason(got.IntervalReason); got.Interval != 6*time.Hour || !ok || why.Kind != news.ReasonPushed {
		t.Errorf("pushed source's interval = %s (%q), want poller.max_interval for WebSub", got.Interval, got.IntervalReason)
	}
}

func TestPushIsFinishedAtOnceByRun(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	src := testkit.UpsertSource(t, st, "World", feed.URL, "config")
	sink := &chanSink{got: make(chan news.Article, 4)}
	p := newTestPoller(t, st, sink, 1<<20)
	p.opts.Logger = slog.New(slog.DiscardHandler)
	mustPoll(t, p) // the first fetch: the backlog

	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- p.Run(ctx) }()
	defer func() { cancel(); <-stopped }()
	if _, err := p.Push(ctx, mustFindSource(t, st, src.ID), withHub(t, "../testdata/feeds/world-v2.xml")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if a := testkit.Receive(t, "a pushed article at the sink", sink.got); a.SourceID != src.ID {
			t.Errorf("sink got an article of source %d", a.SourceID)
		}
	}
}
