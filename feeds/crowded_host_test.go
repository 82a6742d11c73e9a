package feeds

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// listCounter is the store, counting the poller's looks at its sources.
type listCounter struct {
	*store.Store
	lists atomic.Int32
}

func (l *listCounter) ListSources(ctx context.Context) ([]news.Source, error) {
	l.lists.Add(1)
	return l.Store.ListSources(ctx)
}

// crowdedHost is one host serving thousands of feeds: it counts the
// requests in progress (and the most at once), each feed's fetches, and
// holds every request after the first few until the gate opens.
type crowdedHost struct {
	*httptest.Server
	inFlight, most atomic.Int32
	gate           chan struct{}
	mu             sync.Mutex
	fetches        map[string]int
	order          []string // feeds in the order of their first fetch
	repeatEarly    string   // a feed fetched twice before every feed was fetched once
}

func newCrowdedHost(t *testing.T, feeds, openFor int) *crowdedHost {
	t.Helper()
	h := &crowdedHost{gate: make(chan struct{}), fetches: map[string]int{}}
	var requests atomic.Int32
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := h.inFlight.Add(1)
		defer h.inFlight.Add(-1)
		for m := h.most.Load(); n > m && !h.most.CompareAndSwap(m, n); m = h.most.Load() {
		}
		h.mu.Lock()
		h.fetches[r.URL.Path]++
		if h.fetches[r.URL.Path] == 1 {
			h.order = append(h.order, r.URL.Path)
		} else if len(h.order) < feeds && h.repeatEarly == "" {
			h.repeatEarly = r.URL.Path
		}
		h.mu.Unlock()
		if int(requests.Add(1)) > openFor {
			select {
			case <-h.gate:
			case <-r.Context().Done():
				return
			}
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"same"`)
		if r.Header.Get("If-None-Match") == `"same"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Crowded</title></channel></rss>`)
	}))
	t.Cleanup(h.Close)
	return h
}

// firstFetched is how many of the host's feeds were fetched at least once,
// and one fetched a second time before that was all of them ("" if none).
func (h *crowdedHost) firstFetched() (int, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.order), h.repeatEarly
}

// Two thousand sources on one host, through Run: never more than
// poller.per_host fetches of that host at once; a source of another host
// is fetched and its new article handed over while the crowded host's
// fetches are stuck; no source of the crowded host is fetched again while
// others wait for their first fetch (none starves); and the crowding is logged
// once, however often the poller looks at its sources.
func TestRunThousandsOfSourcesOnOneHost(t *testing.T) {
	const n, perHost = 2000, 2
	ctx := context.Background()
	clock := movingClock()
	st := &listCounter{Store: testkit.OpenStore(t, clock)}
	crowded := newCrowdedHost(t, n, 10)
	released := sync.OnceFunc(func() { close(crowded.gate) })
	t.Cleanup(released) // before the server closes: its held requests return
	for i := range n {
		testkit.UpsertSource(t, st.Store, fmt.Sprintf("Crowded %d", i), fmt.Sprintf("%s/feed/%d", crowded.URL, i), news.OriginConfig)
	}
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	other := testkit.UpsertSource(t, st.Store, "World", feed.URL, news.OriginConfig)

	var warned atomic.Int32
	sink := &chanSink{got: make(chan news.Article, 16)}
	p, err := NewPoller(Options{Schedule: "@every 1s", MaxAge: 48 * time.Hour, Concurrency: 8,
		MinInterval: 50 * time.Millisecond, MaxInterval: 50 * time.Millisecond, PerHost: perHost, HostGap: time.Millisecond,
		Fetcher: newTestFetcher(1<<20, time.Minute), Store: st, Sink: sink, Now: clock, Rand: func() float64 { return 0.5 },
		Logger: slog.New(countingHandler{Handler: slog.DiscardHandler, word: "many sources on one host", n: &warned})})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan error)
	go func() { stopped <- p.Run(runCtx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("Run: %v", err)
		}
	})

	// The crowded host's fetches are held at the gate, per_host of them.
	testkit.WaitFor(t, "the crowded host's fetches held at the gate", func() bool { return crowded.inFlight.Load() == perHost })
	testkit.WaitFor(t, "the other host's source fetched", func() bool {
		s, err := st.FindSource(ctx, other.ID)
		return err == nil && s.Fetches > 0
	})
	feed.SetFile(t, "../testdata/feeds/world-v2.xml", "application/rss+xml")
	waitArticle(t, sink, "Markets rally as inflation cools")
	if got, _ := crowded.firstFetched(); got >= n || crowded.inFlight.Load() != perHost {
		t.Fatalf("when the other host's article was handed over, the crowded host had %d of %d sources fetched and %d fetches in progress; want its fetches still held",
			got, n, crowded.inFlight.Load())
	}

	released()
	// Going through all of them takes a minute on a loaded machine; the
	// queue's own test goes through 5,000. A few hundred show the order.
	testkit.WaitWithin(t, "300 sources of the crowded host fetched", time.Minute, func() bool { got, _ := crowded.firstFetched(); return got >= 300 })
	if _, again := crowded.firstFetched(); again != "" {
		t.Errorf("%s was fetched twice while sources of its host waited for their first fetch", again)
	}
	if most := crowded.most.Load(); most > perHost {
		t.Errorf("%d fetches of one host at once, want at most per_host = %d", most, perHost)
	}
	looks := st.lists.Load()
	testkit.WaitFor(t, "two more looks at the sources", func() bool { return st.lists.Load() >= looks+2 })
	if got := warned.Load(); got != 1 {
		t.Errorf("the crowded host was logged %d times over %d looks, want once", got, st.lists.Load())
	}
}
