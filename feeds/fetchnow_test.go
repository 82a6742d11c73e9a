package feeds

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// A restart takes up a source backed off for hours once its last try is
// RetryGap old (so a restart loop tries a dead host at most once per
// RetryGap); a server's own request to wait is kept.
func TestRestartRetriesABackedOffSource(t *testing.T) {
	ctx := context.Background()
	now := testNow
	st := testkit.OpenStore(t, func() time.Time { return now })
	backoff := news.IntervalReason{Kind: news.ReasonBackoff, Count: 9}.Encode()
	retryAfter := news.IntervalReason{Kind: news.ReasonRetryAfter, Span: 4 * time.Hour}.Encode()
	failed := func(name string, tried time.Time, reason string) int64 {
		t.Helper()
		src := testkit.UpsertSource(t, st, name, "https://"+name+".example/feed", news.OriginConfig)
		now = tried
		r := news.FetchResult{Err: "boom", Failure: news.FailOther, Interval: 4 * time.Hour, NextFetchAt: tried.Add(4 * time.Hour), IntervalReason: reason}
		for range 9 {
			if err := st.RecordFetch(ctx, src.ID, r); err != nil {
				t.Fatal(err)
			}
		}
		return src.ID
	}
	start := testNow.Add(time.Hour)
	longAgo := failed("longago", testNow, backoff)
	lately := failed("lately", start.Add(-2*time.Minute), backoff)
	asked := failed("asked", testNow, retryAfter)
	now = start
	p := newTestPoller(t, st, nil, 1<<20)
	p.opts.Now = func() time.Time { return start }
	q := newQueue(1, 0)
	round := p.sync(ctx, q, start)
	for _, tt := range []struct {
		name     string
		id       int64
		from, to time.Time
	}{
		{"tried an hour ago: at start", longAgo, start, start.Add(startJitter)},
		{"tried 2 minutes ago: RetryGap after that try", lately, start.Add(8 * time.Minute), start.Add(8 * time.Minute)},
		{"the server asked for 4 hours: kept", asked, testNow.Add(4 * time.Hour), testNow.Add(4 * time.Hour)},
	} {
		due := q.byID[tt.id].due
		if due.Before(tt.from) || due.After(tt.to) {
			t.Errorf("%s: due at %s, want within [%s, %s]", tt.name, due, tt.from, tt.to)
		}
	}
	if !round[longAgo] || round[lately] || round[asked] {
		t.Errorf("the start round is %v: want the source tried an hour ago only", round)
	}
}

// gatedFeed serves a feed; while gated, each request waits until released.
type gatedFeed struct {
	body     []byte
	gated    atomic.Bool
	arrived  chan struct{}
	release  chan struct{}
	requests atomic.Int32
}

func (g *gatedFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.requests.Add(1)
	if g.gated.Load() {
		g.arrived <- struct{}{}
		<-g.release
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(g.body)
}

// FetchNow fetches a source at once, ahead of its interval; it refuses a
// source fetched less than FetchNowGap ago, joins a fetch in progress, and
// answers ErrNotScheduled for a source Run does not hold or when Run is
// not running.
func TestFetchNow(t *testing.T) {
	ctx := context.Background()
	body, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	feed := &gatedFeed{body: body, arrived: make(chan struct{}), release: make(chan struct{})}
	srv := httptest.NewServer(feed)
	t.Cleanup(srv.Close)
	var mu sync.Mutex
	now := testNow
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	step := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	st := testkit.OpenStore(t, clock)
	src := testkit.UpsertSource(t, st, "World", srv.URL, news.OriginConfig)
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	watch := fetchWatch{fetched: make(chan string, 10)}
	p, err := NewPoller(Options{Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 2, Fetcher: newTestFetcher(1<<20, 5*time.Second),
		Store: st, Summarizer: sum, Logger: slog.New(slog.DiscardHandler), Now: clock, Observer: watch, Rand: func() float64 { return 0 }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.FetchNow(ctx, src.ID); !errors.Is(err, ErrNotScheduled) {
		t.Fatalf("FetchNow before Run: %v, want ErrNotScheduled", err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan error)
	go func() { stopped <- p.Run(runCtx) }()
	defer func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	waitFetch(t, watch, "ok") // the start round
	// The observer hears of a fetch before Run's dispatcher takes it as
	// done; asked in between, FetchNow joins the ending fetch. settled
	// asks until the answer is not such a join, waiting out each one.
	settled := func() (Fetching, error) {
		for {
			f, err := p.FetchNow(ctx, src.ID)
			if err != nil || !f.Running {
				return f, err
			}
			testkit.Receive(t, "the ending fetch", f.Done)
		}
	}
	if f, err := settled(); !errors.Is(err, ErrTooSoon) || !f.At.Equal(testNow.Add(FetchNowGap)) {
		t.Errorf("FetchNow right after a fetch: %+v, %v; want ErrTooSoon, again at %s", f, err, testNow.Add(FetchNowGap))
	}
	if _, err := p.FetchNow(ctx, src.ID+100); !errors.Is(err, ErrNotScheduled) {
		t.Errorf("FetchNow of no source: %v, want ErrNotScheduled", err)
	}

	step(2 * time.Minute) // the interval is an hour: only FetchNow fetches it now
	feed.gated.Store(true)
	first, err := settled()
	if err != nil || first.Running {
		t.Fatalf("FetchNow: %+v, %v; want a fetch scheduled", first, err)
	}
	testkit.Receive(t, "the fetch asked for", feed.arrived)
	joined, err := p.FetchNow(ctx, src.ID)
	if err != nil || !joined.Running {
		t.Fatalf("FetchNow while it is fetched: %+v, %v; want the fetch in progress", joined, err)
	}
	close(feed.release)
	for _, f := range []Fetching{first, joined} {
		got := testkit.Receive(t, "the source as the fetch left it", f.Done)
		if got.ID != src.ID || got.Fetches != 2 || !got.LastFetchAt.Equal(testNow.Add(2*time.Minute)) {
			t.Errorf("Done gave %+v; want source %d with 2 fetches, the last at %s", got, src.ID, testNow.Add(2*time.Minute))
		}
	}
	if n := feed.requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2: the start's and the one asked for", n)
	}
}
