package feeds

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// chanSink hands every article over on a channel; panics, when set, is
// called first and may panic.
type chanSink struct {
	got    chan news.Article
	panics func()
}

func (s *chanSink) HandleArticles(ctx context.Context, arts []news.Article) error {
	if s.panics != nil {
		s.panics()
	}
	for _, a := range arts {
		select {
		case s.got <- a:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// fetchWatch reports each fetch's result on a channel.
type fetchWatch struct{ fetched chan string }

func (w fetchWatch) Fetched(r string) {
	select {
	case w.fetched <- r:
	default: // nobody waits for this one
	}
}
func (fetchWatch) Stored(int)             {}
func (fetchWatch) PollTook(time.Duration) {}

// movingClock is testNow moving on with the wall clock: Run waits real
// time for what its clock says.
func movingClock() func() time.Time {
	start := time.Now()
	return func() time.Time { return testNow.Add(time.Since(start)) }
}

// runPoller starts Run with opts (every source every 50 ms unless set)
// and stops it at the end of the test.
func runPoller(t *testing.T, opts Options) *Poller {
	t.Helper()
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	opts.Schedule, opts.MaxAge, opts.Summarizer = "@every 1h", 48*time.Hour, sum
	opts.Logger = slog.New(slog.DiscardHandler)
	if opts.MinInterval == 0 {
		opts.MinInterval, opts.MaxInterval = 50*time.Millisecond, 50*time.Millisecond
	}
	opts.Rand = func() float64 { return 0.5 }
	p, err := NewPoller(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error)
	go func() { stopped <- p.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return p
}

// waitFetch waits for a fetch with that result.
func waitFetch(t *testing.T, w fetchWatch, want string) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case got := <-w.fetched:
			if got == want {
				return
			}
		case <-deadline:
			t.Fatalf("no %q fetch within 30s", want)
		}
	}
}

// waitArticle waits for the article with that title to be handed over.
func waitArticle(t *testing.T, s *chanSink, title string) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case a := <-s.got:
			if a.Title == title {
				return
			}
		case <-deadline:
			t.Fatalf("%q not handed over within 30s", title)
		}
	}
}

// A source that hangs for a minute holds one worker and delays no other
// source's new article: it is handed over while the hanging fetch goes on.
func TestRunHangingSourceDelaysNoOther(t *testing.T) {
	ctx := context.Background()
	clock := movingClock()
	st := testkit.OpenStore(t, clock)
	var hanging atomic.Int32
	entered, release := make(chan struct{}, 1), make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hanging.Add(1)
		defer hanging.Add(-1)
		select {
		case entered <- struct{}{}:
		default:
		}
		select {
		case <-time.After(time.Minute):
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(release) })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	for _, s := range []struct{ name, url string }{{"Hangs", hang.URL + "/feed"}, {"World", feed.URL}} {
		if _, err := st.UpsertSource(ctx, s.name, s.url, news.OriginConfig); err != nil {
			t.Fatal(err)
		}
	}
	sink := &chanSink{got: make(chan news.Article, 16)}
	watch := fetchWatch{fetched: make(chan string, 16)}
	runPoller(t, Options{Concurrency: 2, Fetcher: newTestFetcher(1<<20, time.Minute), Store: st, Sink: sink, Now: clock, Observer: watch})

	<-entered
	waitFetch(t, watch, "ok") // the healthy source's first fetch: its backlog
	feed.SetFile(t, "../testdata/feeds/world-v2.xml", "application/rss+xml")
	waitArticle(t, sink, "Markets rally as inflation cools")
	if hanging.Load() == 0 {
		t.Fatal("the hanging fetch ended before the other source's article was handed over: nothing was shown")
	}
}

// A panic while finishing articles is logged and Run goes on: the
// articles are handed over at a later fetch.
func TestRunRecoversPanicsAndGoesOn(t *testing.T) {
	ctx := context.Background()
	clock := movingClock()
	st := testkit.OpenStore(t, clock)
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	if _, err := st.UpsertSource(ctx, "World", feed.URL, news.OriginConfig); err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	sink := &chanSink{got: make(chan news.Article, 16), panics: func() {
		if calls.Add(1) == 1 {
			panic("boom")
		}
	}}
	watch := fetchWatch{fetched: make(chan string, 16)}
	runPoller(t, Options{Concurrency: 1, Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: st, Sink: sink, Now: clock, Observer: watch})
	waitFetch(t, watch, "ok")
	feed.SetFile(t, "../testdata/feeds/world-v2.xml", "application/rss+xml")
	waitArticle(t, sink, "Markets rally as inflation cools")
	if calls.Load() < 2 {
		t.Fatalf("the sink was called %d times, want a panic then a hand-over", calls.Load())
	}
}

// At start, a source whose next fetch a clock stepped back (or a database
// written 6 hours ahead) pushed out is due within its own interval; a
// healthy one is fetched at start whatever its stored time.
func TestRunClampsStoredTimesAtStart(t *testing.T) {
	ctx := context.Background()
	now := testNow
	st := testkit.OpenStore(t, func() time.Time { return now })
	failing, err := st.UpsertSource(ctx, "Failing", "https://failing.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	healthy, err := st.UpsertSource(ctx, "Healthy", "https://healthy.example/feed", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	ahead := now.Add(6 * time.Hour)
	records := []struct {
		id int64
		r  news.FetchResult
	}{
		{failing.ID, news.FetchResult{Err: "boom", Interval: 2 * time.Minute, NextFetchAt: ahead.Add(2 * time.Minute)}},
		{healthy.ID, news.FetchResult{OK: true, Interval: time.Hour, NextFetchAt: ahead.Add(time.Hour)}},
	}
	for _, r := range records {
		if err := st.RecordFetch(ctx, r.id, r.r); err != nil {
			t.Fatal(err)
		}
	}
	p := newTestPoller(t, st, nil, 1<<20)
	q := newQueue(1, 0)
	round := p.sync(ctx, q, now)
	for _, tt := range []struct {
		id   int64
		most time.Duration
	}{{failing.ID, 2*time.Minute + 13*time.Second}, {healthy.ID, startJitter}} {
		due := q.byID[tt.id].due
		if due.Sub(now) > tt.most {
			t.Errorf("source %d due in %s, want within %s", tt.id, due.Sub(now), tt.most)
		}
		// /sources shows the time the queue holds, not the schedule's next run.
		if at, ok := p.Scheduled(tt.id); !ok || !at.Equal(due) {
			t.Errorf("Scheduled(%d) = %v, %v; want the queue's %v", tt.id, at, ok, due)
		}
	}
	if !round[healthy.ID] || round[failing.ID] {
		t.Errorf("the start round is %v: want the healthy source only", round)
	}
}
