package feeds

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// Ten sources that hang, five times poller.concurrency, each on a host of
// its own, delay no other source's new article: a fetch that runs past
// SlowAfter stops counting against Concurrency, so the healthy source is
// still fetched, and its article handed over, while all ten hang. Without
// the slow lane the two workers are held by hanging fetches until their
// timeout (a minute here) and the article waits for them.
func TestRunTenHangingSourcesDelayNoOther(t *testing.T) {
	const hangers = 10
	ctx := context.Background()
	clock := movingClock()
	st := testkit.OpenStore(t, clock)
	var hanging atomic.Int32
	entered, release := make(chan struct{}, hangers), make(chan struct{})
	t.Cleanup(func() { close(release) }) // runs before the servers close
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	if _, err := st.UpsertSource(ctx, "World", feed.URL, news.OriginConfig); err != nil {
		t.Fatal(err)
	}
	for i := range hangers {
		hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hanging.Add(1)
			defer hanging.Add(-1)
			entered <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-release:
			}
		}))
		t.Cleanup(hang.Close)
		if _, err := st.UpsertSource(ctx, fmt.Sprintf("Hangs %d", i), hang.URL+"/feed", news.OriginConfig); err != nil {
			t.Fatal(err)
		}
	}
	sink := &chanSink{got: make(chan news.Article, 16)}
	watch := fetchWatch{fetched: make(chan string, 64)}
	runPoller(t, Options{Concurrency: 2, SlowAfter: 20 * time.Millisecond, Fetcher: newTestFetcher(1<<20, time.Minute),
		Store: st, Sink: sink, Now: clock, Observer: watch})

	for range hangers {
		select {
		case <-entered:
		case <-time.After(testkit.WaitTimeout):
			t.Fatalf("%d of %d hanging fetches began within %s: the slow ones hold every worker", hanging.Load(), hangers, testkit.WaitTimeout)
		}
	}
	waitFetch(t, watch, "ok") // the healthy source's first fetch: its backlog
	feed.SetFile(t, "../testdata/feeds/world-v2.xml", "application/rss+xml")
	waitArticle(t, sink, "Markets rally as inflation cools")
	if n := hanging.Load(); n != hangers {
		t.Fatalf("%d hanging fetches in progress when the other source's article was handed over, want all %d", n, hangers)
	}
}

// The lane frees a place for each fetch that turned slow, starts a worker
// only beyond those started, gives a slow fetch's end no second place, and
// stops at its size.
func TestSlowLaneFreesPlacesUpToItsSize(t *testing.T) {
	spawned := 0
	l := newSlowLane(2, time.Second, func() { spawned++ })
	t0 := testNow
	a, b, c := &slot{}, &slot{}, &slot{}
	l.began(a, t0)
	l.began(b, t0.Add(500*time.Millisecond))
	if got := l.promote(t0.Add(999 * time.Millisecond)); got != 0 {
		t.Fatalf("promote before SlowAfter freed %d places, want 0", got)
	}
	if got, want := l.next(), t0.Add(time.Second); !got.Equal(want) {
		t.Fatalf("next = %v, want %v", got, want)
	}
	if got := l.promote(t0.Add(time.Second)); got != 1 || spawned != 3 {
		t.Fatalf("promote at SlowAfter freed %d places with %d workers started, want 1 and 3", got, spawned)
	}
	if l.ended(a) {
		t.Fatal("a slow fetch's end freed its place twice")
	}
	l.began(c, t0.Add(2*time.Second))
	if !l.ended(c) {
		t.Fatal("a fetch that ended before SlowAfter freed no place")
	}
	if got := l.promote(t0.Add(3 * time.Second)); got != 1 || spawned != 3 {
		t.Fatalf("second promote freed %d places with %d workers started, want 1 and 3 (a worker is free again)", got, spawned)
	}
	l.max = 1
	l.began(c, t0.Add(3*time.Second))
	if got := l.promote(t0.Add(time.Hour)); got != 0 || !l.next().IsZero() {
		t.Fatalf("a full lane freed %d places (next %v), want none", got, l.next())
	}
}

// TestStuckArticlePagesOfTwoSourcesDelayNoOtherSourcesAlert: with full text
// on, two sites whose article pages hang held every page slot (one source
// takes at most half of poller.concurrency, two take them all), and a third
// source's teaser waited for a slot until a stuck page gave up (the page
// timeout, 15 s by default; here they never do). A page fetch running past
// SlowAfter gives its slot in the common pool back (its source's half it
// keeps), so the third source's alert is matched while both sites' pages
// still hang.
func TestStuckArticlePagesOfTwoSourcesDelayNoOtherSourcesAlert(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	slowA, slowB, fast := newTeaserSite(t), newTeaserSite(t), newTeaserSite(t)
	slowA.set(t, testNow, "Slow A backlog")
	slowB.set(t, testNow, "Slow B backlog")
	fast.set(t, testNow, "Fast backlog")
	for _, s := range []struct {
		name string
		site *teaserSite
	}{{"Slow A", slowA}, {"Slow B", slowB}, {"Fast", fast}} {
		if _, err := st.UpsertSource(ctx, s.name, s.site.srv.URL+"/feed", news.OriginConfig); err != nil {
			t.Fatal(err)
		}
	}
	pagesA := &stuckPages{host: slowA.srv.URL, release: make(chan struct{})}
	pagesB := &stuckPages{host: slowB.srv.URL, release: make(chan struct{})}
	pages := twoStuck{pagesA, pagesB}
	sink := &titleSink{titles: map[string]int{}}
	sum, err := summarize.New(summarize.Options{Sentences: 2, MaxChars: 400})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 2, SlowAfter: 20 * time.Millisecond,
		Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: st, Sink: sink, Summarizer: sum, Pages: pages,
		Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.PollOnce(ctx); err != nil { // the backlogs: stored, not alerted
		t.Fatal(err)
	}
	slowA.set(t, testNow, "Slow A backlog", "Slow A one", "Slow A two")
	slowB.set(t, testNow, "Slow B backlog", "Slow B one", "Slow B two")
	// The fast source's news is fetched once both sites' pages hang.
	fast.set(t, testNow, "Fast backlog", "Fast news")
	gate := make(chan struct{})
	fast.gate.Store(gate)
	ran := make(chan error, 1)
	go func() { ran <- p.Run(ctx) }()
	testkit.WaitFor(t, "both slow sites' pages in flight", func() bool { return pagesA.inFlight.Load() >= 1 && pagesB.inFlight.Load() >= 1 })

	close(gate)
	testkit.WaitFor(t, "the fast source's alert while both sites' pages hang", func() bool { return sink.got("Fast news") == 1 })
	if pagesA.inFlight.Load() == 0 || pagesB.inFlight.Load() == 0 {
		t.Fatal("the stuck pages stopped hanging before the fast alert: the test proves nothing")
	}
	close(pagesA.release)
	close(pagesB.release)
	testkit.WaitFor(t, "every slow article matched once its page answered", func() bool {
		for _, title := range []string{"Slow A one", "Slow A two", "Slow B one", "Slow B two"} {
			if sink.got(title) != 1 {
				return false
			}
		}
		return true
	})
	cancel()
	if err := <-ran; err != nil {
		t.Fatal(err)
	}
}

// twoStuck sends each page to the stuckPages of its host.
type twoStuck [2]*stuckPages

func (s twoStuck) Fetch(ctx context.Context, pageURL string) (ArticlePage, error) {
	if strings.HasPrefix(pageURL, s[1].host) {
		return s[1].Fetch(ctx, pageURL)
	}
	return s[0].Fetch(ctx, pageURL)
}
