package feeds

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// sourceLog counts, per source, the log records whose message holds word.
type sourceLog struct {
	word   string
	source string // from the logger's attributes
	mu     *sync.Mutex
	n      map[string]int
}

func newSourceLog(word string) sourceLog {
	return sourceLog{word: word, mu: &sync.Mutex{}, n: map[string]int{}}
}

func (h sourceLog) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, h.word) {
		h.mu.Lock()
		h.n[h.source]++
		h.mu.Unlock()
	}
	return nil
}

func (h sourceLog) WithAttrs(as []slog.Attr) slog.Handler {
	for _, a := range as {
		if a.Key == "source" {
			h.source = a.Value.String()
		}
	}
	return h
}
func (h sourceLog) WithGroup(string) slog.Handler            { return h }
func (h sourceLog) Enabled(context.Context, slog.Level) bool { return true }
func (h sourceLog) count(source string) int                  { h.mu.Lock(); defer h.mu.Unlock(); return h.n[source] }

// Feeds and servers that ask for absurd intervals, fetched four times a
// day apart through the poller: each source's interval stays within
// poller.min_interval and max_interval (a failure's within its backoff and
// a day), and what was bounded is logged at most once per source and kind
// of request, however the answers alternate.
func TestAbsurdIntervalsThroughThePoller(t *testing.T) {
	const minInterval, maxInterval = time.Minute, 2 * time.Hour
	year := 365 * 24 * time.Hour
	ctx := context.Background()
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	feed := mustRead(t, "../testdata/feeds/world-v1.xml")
	withTTL := func(ttl string) string { return strings.Replace(feed, "<channel>", "<channel><ttl>"+ttl+"</ttl>", 1) }
	unavailable := func(w http.ResponseWriter, retryAfter string) {
		w.Header().Set("Retry-After", retryAfter)
		http.Error(w, "come back later", http.StatusServiceUnavailable)
	}
	var alternations atomic.Int32
	type want struct {
		failing bool          // the fetch fails: its interval is the backoff's or the server's
		wait    time.Duration // the interval; 0: any within the bounds (or the backoff)
		logged  int           // the warnings about it, over every fetch
	}
	cases := map[string]struct {
		serve func(w http.ResponseWriter, r *http.Request)
		want  want
	}{
		"ttl 0":         {func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(withTTL("0"))) }, want{}},
		"ttl of a year": {func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(withTTL("525600"))) }, want{wait: maxInterval, logged: 1}},
		"max-age of a decade": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "public, max-age=315360000")
			w.Write([]byte(feed))
		}, want{wait: maxInterval, logged: 1}},
		"Expires in the past": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Date", time.Now().UTC().Format(http.TimeFormat))
			w.Header().Set("Expires", time.Now().Add(-year).UTC().Format(http.TimeFormat))
			w.Write([]byte(feed))
		}, want{}},
		"Retry-After in the past": {func(w http.ResponseWriter, r *http.Request) {
			unavailable(w, time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat))
		}, want{failing: true}},
		"Retry-After of a decade":             {func(w http.ResponseWriter, r *http.Request) { unavailable(w, "315360000") }, want{failing: true, wait: maxHold, logged: 1}},
		"Retry-After of 300 years in seconds": {func(w http.ResponseWriter, r *http.Request) { unavailable(w, "10000000000") }, want{failing: true, wait: maxHold, logged: 1}},
		"Retry-After and ttl of a year in turn": {func(w http.ResponseWriter, r *http.Request) {
			if alternations.Add(1)%2 == 1 {
				unavailable(w, "31536000")
				return
			}
			w.Write([]byte(withTTL("525600")))
		}, want{logged: 2}},
	}
	mux := http.NewServeMux()
	ids := map[string]int64{}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	for name, c := range cases {
		path := "/" + strings.NewReplacer(" ", "-").Replace(name)
		mux.HandleFunc(path, c.serve)
		ids[name] = testkit.UpsertSource(t, st, name, srv.URL+path, news.OriginConfig).ID
	}
	logs := newSourceLog("out of bounds")
	p, err := NewPoller(Options{Schedule: "@every 5m", MaxAge: time.Hour, Concurrency: 4, MinInterval: minInterval, MaxInterval: maxInterval,
		Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: st, Now: clock.Now, Logger: slog.New(logs)})
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if err := p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		clock.Advance(maxHold + time.Hour) // every source due again, a failing one too
	}
	for name, c := range cases {
		s, err := st.FindSource(ctx, ids[name])
		if err != nil {
			t.Fatal(err)
		}
		if s.Fetches+s.Failures == 0 || c.want.failing && s.Fetches != 0 || !c.want.failing && s.Failures > 1 {
			t.Errorf("%s: %d fetches, %d failures (%q): the case did not play as meant", name, s.Fetches, s.Failures, s.LastError)
			continue
		}
		switch {
		case c.want.wait != 0 && s.Interval != c.want.wait:
			t.Errorf("%s: interval %s (%q), want %s", name, s.Interval, s.IntervalReason, c.want.wait)
		case c.want.failing && c.want.wait == 0 && s.Interval != backoff(s.Failures):
			t.Errorf("%s: interval %s (%q), want the backoff after %d failures, %s", name, s.Interval, s.IntervalReason, s.Failures, backoff(s.Failures))
		case !c.want.failing && (s.Interval < minInterval || s.Interval > maxInterval):
			t.Errorf("%s: interval %s (%q), want within [%s, %s]", name, s.Interval, s.IntervalReason, minInterval, maxInterval)
		}
		if got := logs.count(name); got != c.want.logged {
			t.Errorf("%s: logged %d times over 4 fetches, want %d", name, got, c.want.logged)
		}
	}
}
