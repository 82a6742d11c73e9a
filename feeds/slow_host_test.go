package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// One host serves a feed that hangs (a generator taking minutes, a drip)
// and a healthy one. With poller.per_host 1 the hanging fetch held the
// host's one place until its timeout (a minute here), and the healthy
// feed's new article waited for it. A fetch past SlowAfter now stops
// counting against its host's per_host (up to 3 × per_host such), so the
// other feed of the host is fetched, and its article handed over, while
// three feeds of the host hang; the host never gets more than
// (1 + 3) × per_host requests at once.
func TestASlowSourceDelaysNoOtherOfItsHost(t *testing.T) {
	ctx := context.Background()
	clock := movingClock()
	st := testkit.OpenStore(t, clock)
	var body atomic.Value
	v1, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	body.Store(v1)
	var inFlight, most atomic.Int32
	entered, release := make(chan struct{}, 16), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		if r.URL.Path != "/healthy" {
			entered <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-release:
			}
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body.Load().([]byte))
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs before the server closes
	for _, path := range []string{"/hangs", "/healthy", "/hangs-too", "/hangs-also"} {
		if _, err := st.UpsertSource(ctx, path, srv.URL+path, news.OriginConfig); err != nil {
			t.Fatal(err)
		}
	}
	sink := &chanSink{got: make(chan news.Article, 16)}
	watch := fetchWatch{fetched: make(chan string, 64)}
	runPoller(t, Options{Concurrency: 4, PerHost: 1, HostGap: 10 * time.Millisecond, SlowAfter: 20 * time.Millisecond,
		Fetcher: newTestFetcher(1<<20, time.Minute), Store: st, Sink: sink, Now: clock, Observer: watch})

	testkit.Receive(t, "a hanging fetch", entered)
	waitFetch(t, watch, "ok") // the healthy feed's first fetch: its backlog
	v2, err := os.ReadFile("../testdata/feeds/world-v2.xml")
	if err != nil {
		t.Fatal(err)
	}
	body.Store(v2)
	waitArticle(t, sink, "Markets rally as inflation cools")
	if n := most.Load(); n > 1+slowPerHost {
		t.Fatalf("%d requests at once to a host of per_host 1, want at most %d", n, 1+slowPerHost)
	}
}

// A host's slow fetches stop counting against per_host up to slowPerHost
// × per_host; one more keeps its place, and an ended slow fetch frees a
// slow place, not a counted one.
func TestSlowFetchesOfAHostAreBounded(t *testing.T) {
	q := newQueue(1, 0)
	t0 := testNow
	for i := range slowPerHost + 2 {
		q.put(news.Source{ID: int64(i + 1), URL: "https://one.example/" + string(rune('a'+i))}, t0)
	}
	after := time.Second
	var running []*slot
	for i := range slowPerHost + 1 {
		now := t0.Add(time.Duration(i) * after)
		q.slowed(now, after)
		s, _ := q.next(now)
		if s == nil {
			t.Fatalf("fetch %d: the host held with %d slow fetches", i+1, i)
		}
		running = append(running, s)
	}
	now := t0.Add(time.Duration(slowPerHost+1) * after)
	if next := q.slowed(now, after); !next.IsZero() {
		t.Fatalf("a fetch still counted though its time came: next %v", next)
	}
	if s, _ := q.next(now); s != nil {
		t.Fatalf("a %dth fetch began with %d slow and one counted", slowPerHost+2, slowPerHost)
	}
	q.done(running[0], now.Add(time.Hour)) // a slow one ends: the counted one turns slow
	q.slowed(now, after)
	if s, _ := q.next(now); s == nil {
		t.Fatal("no fetch began after a slow one ended")
	}
}
