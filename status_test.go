package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/metrics"
	"github.com/newshound/newshound/news"
)

// fakeWatchStore is the database as the watch sees it.
type fakeWatchStore struct {
	sources  []news.Source
	writeErr error
}

func (f *fakeWatchStore) ListSources(context.Context) ([]news.Source, error) { return f.sources, nil }
func (f *fakeWatchStore) CheckWritable(context.Context) error                { return f.writeErr }

type nopObs struct{}

func (nopObs) Fetched(string)         {}
func (nopObs) Stored(int)             {}
func (nopObs) PollTook(time.Duration) {}
func (nopObs) Sent(string)            {}
func (nopObs) SendFailed(int)         {}

// fakeClock is a clock that tests move.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func everyMinute(t time.Time) time.Time { return t.Truncate(time.Minute).Add(time.Minute) }

// healthz asks the metrics handler with w as its readiness.
func healthz(t *testing.T, w *watch) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	metrics.New(metrics.Options{Ready: w}).Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	return rec.Code, rec.Body.String()
}

func TestHealthzStates(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)}
	st := &fakeWatchStore{}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	w.nextPoll = everyMinute

	if code, body := healthz(t, w); code != 200 || body != "ok" {
		t.Fatalf("at start: %d %q, want 200 ok", code, body)
	}
	clock.Advance(2 * time.Minute)
	w.PollTook(time.Second)
	clock.Advance(2 * time.Minute)
	if code, _ := healthz(t, w); code != 200 {
		t.Fatalf("two intervals after a poll: %d, want 200", code)
	}
	clock.Advance(2 * time.Minute)
	if code, body := healthz(t, w); code != 503 || !strings.Contains(body, "no poll finished since") {
		t.Fatalf("four intervals after the last poll: %d %q, want 503 naming the poll", code, body)
	}
	w.PollTook(time.Second)

	w.SendFailed(0) // no answer from Telegram
	clock.Advance(2 * time.Minute)
	w.PollTook(time.Second)
	if code, _ := healthz(t, w); code != 200 {
		t.Fatalf("Telegram failing for 2 minutes: %d, want 200 (within the grace)", code)
	}
	clock.Advance(2 * time.Minute)
	w.PollTook(time.Second)
	if code, body := healthz(t, w); code != 503 || !strings.Contains(body, "telegram calls have failed since") {
		t.Fatalf("Telegram failing for 4 minutes: %d %q, want 503 naming Telegram", code, body)
	}
	w.Sent("alert")
	if code, _ := healthz(t, w); code != 200 {
		t.Fatalf("after a message went through: %d, want 200", code)
	}
	w.SendFailed(403) // one chat blocked the bot: not Telegram failing
	clock.Advance(10 * time.Minute)
	w.PollTook(time.Second)
	if code, _ := healthz(t, w); code != 200 {
		t.Fatalf("after a 403 for one chat: %d, want 200", code)
	}

	st.writeErr = errors.New("database not writable: attempt to write a readonly database")
	if code, body := healthz(t, w); code != 503 || !strings.Contains(body, "not writable") {
		t.Fatalf("read-only database: %d %q, want 503 naming the database", code, body)
	}
}

func TestStatusTellsProgress(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 29, 12, 0, 30, 0, time.UTC)}
	// Each source on its own clock: B is due first; a retired source is not fetched.
	st := &fakeWatchStore{sources: []news.Source{
		{Name: "A", NextFetchAt: clock.t.Add(3 * time.Minute), Interval: 5 * time.Minute},
		{Name: "B", LastError: "503", NextFetchAt: clock.t.Add(90 * time.Second), Interval: 5 * time.Minute},
		{Name: "C", Origin: news.OriginRetired, NextFetchAt: clock.t.Add(time.Second), Interval: 5 * time.Minute},
	}}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	w.nextPoll = everyMinute
	var first []int
	w.firstPoll = func(n int) { first = append(first, n) }

	s, err := w.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sources: 2 sources, 1 failing", "First poll running", "Next fetch at 12:02:00 UTC (B)"} {
		if !strings.Contains(s, want) {
			t.Errorf("status before the first poll lacks %q:\n%s", want, s)
		}
	}
	w.Stored(1)
	w.PollTook(time.Second)
	w.Stored(3)
	w.PollTook(time.Second)
	s, err = w.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"First poll stored 1 article (the backlog: not alerted", "Polls finished: 2", "4 articles stored since start"} {
		if !strings.Contains(s, want) {
			t.Errorf("status after two polls lacks %q:\n%s", want, s)
		}
	}
	if len(first) != 1 || first[0] != 1 {
		t.Errorf("firstPoll calls: %v, want one with 1", first)
	}
	st.sources = nil
	if s, err := w.Status(context.Background()); err != nil || !strings.Contains(s, "/addsource") {
		t.Errorf("status without sources does not say how to add one (error %v):\n%s", err, s)
	}
}

func TestConfigSourceThatIsAPageUsesItsFeed(t *testing.T) {
	var feedHits int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/news":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/news/rss.xml"></head><body>News</body></html>`)
		case "/news/rss.xml":
			mu.Lock()
			feedHits++
			mu.Unlock()
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Site news</title><item><title>One</title><link>http://x.example/1</link></item></channel></rss>`)
		case "/plain":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><body>no feed here</body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	f := feeds.NewFetcher(feeds.FetcherOptions{Timeout: 5 * time.Second, MaxBytes: 1 << 20,
		Transport: newFeedFinder(http.DefaultTransport, configFeed(defaultsForTest()), log)})
	for range 2 {
		resp, err := f.Fetch(context.Background(), srv.URL+"/news", "", "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(resp.Body), "<title>Site news</title>") {
			t.Fatalf("fetching the page gave %q, want its feed", resp.Body)
		}
	}
	if !strings.Contains(logs.String(), "feed="+srv.URL+"/news/rss.xml") || strings.Count(logs.String(), "is a web page") != 1 {
		t.Errorf("the choice of feed is not logged once:\n%s", logs.String())
	}
	resp, err := f.Fetch(context.Background(), srv.URL+"/plain", "", "")
	if err != nil || !strings.Contains(string(resp.Body), "no feed here") {
		t.Fatalf("a page without a feed: %v %q, want the page as it is", err, resp.Body)
	}
	if !strings.Contains(logs.String(), "links to no feed") {
		t.Errorf("a page without a feed is not logged:\n%s", logs.String())
	}
}

func defaultsForTest() config.Config { return config.Defaults() }
