package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/newshound/newshound/bot"
	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/metrics"
	"github.com/newshound/newshound/news"
)

// fakeWatchStore is the database as the watch sees it.
type fakeWatchStore struct {
	sources  []news.Source
	writeErr error
	locked   bool // a write waits until its context ends, as under another process's write lock
}

func (f *fakeWatchStore) ListSources(context.Context) ([]news.Source, error) { return f.sources, nil }
func (f *fakeWatchStore) CheckWritable(ctx context.Context) error {
	if f.locked {
		<-ctx.Done()
		return fmt.Errorf("database not writable: database is locked: %w", ctx.Err())
	}
	return f.writeErr
}

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
	w.reach = bot.NewReach(clock.Now)

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

	w.reach.Failed("send alert", errors.New("dial tcp: lookup api.telegram.org: no such host")) // no answer from Telegram
	clock.Advance(2 * time.Minute)
	w.PollTook(time.Second)
	if code, _ := healthz(t, w); code != 200 {
		t.Fatalf("Telegram failing for 2 minutes: %d, want 200 (within the grace)", code)
	}
	clock.Advance(2 * time.Minute)
	w.PollTook(time.Second)
	if code, body := healthz(t, w); code != 503 || !strings.Contains(body, "telegram calls have failed since") || !strings.Contains(body, "no such host") {
		t.Fatalf("Telegram failing for 4 minutes: %d %q, want 503 naming Telegram and the last error", code, body)
	}
	w.reach.Answered("send")
	if code, _ := healthz(t, w); code != 200 {
		t.Fatalf("after a message went through: %d, want 200", code)
	}
	w.reach.Failed("send alert", &bot.SendError{Code: 403, Description: "Forbidden: bot was blocked by the user"}) // one chat blocked the bot: not Telegram failing
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
		{ID: 1, Name: "A", Fetches: 3, NextFetchAt: clock.t.Add(3 * time.Minute), Interval: 5 * time.Minute},
		{ID: 2, Name: "B", LastError: "503", NextFetchAt: clock.t.Add(90 * time.Second), Interval: 5 * time.Minute},
		{ID: 3, Name: "C", Origin: news.OriginRetired, NextFetchAt: clock.t.Add(time.Second), Interval: 5 * time.Minute},
	}}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	w.nextPoll = everyMinute
	if err := w.noteStart(context.Background()); err != nil {
		t.Fatal(err)
	}
	var first []int
	w.firstPoll = func(n int) { first = append(first, n) }

	s, err := w.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sources: 2 sources, 1 failing", "Since start: no poll finished yet", "Failing at every try so far: B; /sources says why.", "Next fetch at 12:02:00 UTC (B)"} {
		if !strings.Contains(s, want) {
			t.Errorf("status before the first poll lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Never fetched yet") {
		t.Errorf("status calls a source whose every try failed never fetched (it is failing):\n%s", s)
	}
	w.Stored(1)
	w.PollTook(time.Second)
	w.Stored(3)
	w.PollTook(time.Second)
	// B is fetched for the first time ever, D added and fetched during the run, E not yet.
	st.sources[1].Fetches, st.sources[1].LastError = 1, ""
	st.sources = append(st.sources, news.Source{ID: 4, Name: "D", Fetches: 2}, news.Source{ID: 5, Name: "E"})
	s, err = w.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Polls finished: 2", "4 articles stored since start",
		"Backlog: the first fetch ever of 2 sources was stored, not alerted (alerts are for news that arrives later): B, D.", "Never fetched yet: E;"} {
		if !strings.Contains(s, want) {
			t.Errorf("status after two polls lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "First poll") {
		t.Errorf("status calls this run's first poll the backlog:\n%s", s)
	}
	// After a restart, no source is new: this run's polls are no backlog.
	restarted := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	if err := restarted.noteStart(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.sources = st.sources[:4]
	restarted.Stored(2)
	restarted.PollTook(time.Second)
	if s, err := restarted.Status(context.Background()); err != nil || strings.Contains(s, "acklog") || !strings.Contains(s, "2 articles stored since start") {
		t.Errorf("status after a restart (error %v) names a backlog, or not what this run stored:\n%s", err, s)
	}
	if len(first) != 1 || first[0] != 1 {
		t.Errorf("firstPoll calls: %v, want one with 1", first)
	}
	st.sources = nil
	if s, err := w.Status(context.Background()); err != nil || !strings.Contains(s, "/addsource") {
		t.Errorf("status without sources does not say how to add one (error %v):\n%s", err, s)
	}
}

// /status is how the operator learns what is wrong, and said nothing of a
// database that refuses writes (disk full): it now says so first, and why.
func TestStatusSaysTheDatabaseRefusesWrites(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 29, 12, 0, 30, 0, time.UTC)}
	st := &fakeWatchStore{sources: []news.Source{{ID: 1, Name: "A", Fetches: 3, NextFetchAt: clock.t.Add(time.Minute), Interval: 5 * time.Minute}}}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	s, err := w.Status(context.Background())
	if err != nil || strings.Contains(s, "refuses writes") {
		t.Fatalf("status of a writable database (error %v) says it refuses writes:\n%s", err, s)
	}
	st.writeErr = errors.New("database not writable: database or disk is full")
	s, err = w.Status(context.Background())
	if err != nil || !strings.HasPrefix(s, "The database refuses writes (database not writable: database or disk is full)") || !strings.Contains(s, "Sources: 1 source") {
		t.Errorf("status of a full disk (error %v) does not say so first, then the rest:\n%s", err, s)
	}
	st.writeErr, st.locked = nil, true
	s, err = w.Status(context.Background())
	if err != nil || !strings.HasPrefix(s, "The database refuses writes (no write went through within") || !strings.Contains(s, "another process may hold the database's lock") {
		t.Errorf("status of a locked database (error %v) does not say so first:\n%s", err, s)
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
		case "/footer":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><body>News<footer><a href="/about">About</a> <a href="/news/rss.xml">RSS</a></footer></body></html>`)
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
	// A page that links its feed only from an <a href> in its footer.
	resp, err = f.Fetch(context.Background(), srv.URL+"/footer", "", "")
	if err != nil || !strings.Contains(string(resp.Body), "<title>Site news</title>") {
		t.Fatalf("a page linking its feed from its footer: %v %q, want its feed", err, resp.Body)
	}
}

func defaultsForTest() config.Config { return config.Defaults() }

// A full disk while running: the fetch of a source went well and storing
// its articles failed (news.FailDatabase). /status neither lists it as
// failing at every try nor counts it as failing: it names the database as
// the cause; the store fix (the poller's "fetch failed" line) names the
// folder to free space in.
func TestStatusDatabaseFailureIsNotTheSources(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 29, 12, 0, 30, 0, time.UTC)}
	full := news.FetchFailure{Kind: news.FailDatabase, Detail: "store articles: database or disk is full"}.Encode()
	st := &fakeWatchStore{sources: []news.Source{
		{ID: 1, Name: "A", LastError: full, LastFetchAt: clock.t, NextFetchAt: clock.t.Add(time.Minute), Interval: 5 * time.Minute},
		{ID: 2, Name: "B", Fetches: 3, LastError: full, LastFetchAt: clock.t, NextFetchAt: clock.t.Add(time.Minute), Interval: 5 * time.Minute},
	}}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	s, err := w.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s, "Failing at every try") || strings.Contains(s, "failing at the last fetch") {
		t.Errorf("status shows the database's failure as the sources':\n%s", s)
	}
	if !strings.Contains(s, "Fetched but not stored, the database refused the write (not the sources' fault") || !strings.Contains(s, ": A, B.") {
		t.Errorf("status does not name the database as why A and B are not stored:\n%s", s)
	}
	dir := t.TempDir()
	fix := storeFix(filepath.Join(dir, "newshound.db"))
	if got := fix(fmt.Errorf("store articles: %w", sqlite3.Error{Code: sqlite3.ErrFull})); !strings.Contains(got, "free space in "+dir) {
		t.Errorf("the fix of a full disk is %q, want it to name %s", got, dir)
	}
	if got := fix(errors.New("constraint failed")); got != "" {
		t.Errorf("the fix of another database error is %q, want none (the poller names where to look)", got)
	}
}

// The console's line after the first poll said "Every source failed … No
// network here?" when the disk was full: the sources answered, the
// database refused. It names the database then, and the sources failing
// only when they did.
func TestConsoleFirstFetchBlamesTheDatabaseNotTheSources(t *testing.T) {
	p := locale.FromContext(context.Background())
	full := news.FetchFailure{Kind: news.FailDatabase, Detail: "store articles: disk I/O error: file too large"}.Encode()
	refused := news.FetchFailure{Kind: news.FailRefused, Detail: "connection refused"}.Encode()
	got := firstFetchFailed(p, []news.Source{{Name: "A", LastError: full}, {Name: "B", LastError: full}}, "newshound.log")
	if !strings.Contains(got, "the database refused to store it") || strings.Contains(got, "Every source failed") {
		t.Errorf("a full disk at the first poll: %q", got)
	}
	if got := firstFetchFailed(p, []news.Source{{Name: "A", LastError: refused}}, "newshound.log"); !strings.Contains(got, "Every source failed") {
		t.Errorf("every source refused: %q", got)
	}
	if got := firstFetchFailed(p, []news.Source{{Name: "A", Fetches: 1}}, "newshound.log"); got != "" {
		t.Errorf("a source fetched: %q", got)
	}
}
