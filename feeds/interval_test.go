package feeds

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/news"
)

func every(gap time.Duration, n int, newest time.Time) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = newest.Add(-time.Duration(i) * gap)
	}
	return out
}

func TestPlanKeepsWithinBoundsAndHonoursTheServer(t *testing.T) {
	b := newBounds(5*time.Minute, time.Minute, 2*time.Hour)
	year := 365 * 24 * time.Hour
	tests := []struct {
		name   string
		prev   time.Duration
		o      outcome
		want   time.Duration
		why    string
		absurd bool
		bounds *bounds
	}{
		{name: "unknown feed: the schedule", o: outcome{}, want: 5 * time.Minute, why: "the schedule"},
		{name: "publishes every 20m", o: outcome{dated: every(20*time.Minute, 10, testNow.Add(-time.Minute))}, want: 10 * time.Minute, why: "publishes about every 20m"},
		{name: "publishes every 30s: at the minimum", o: outcome{dated: every(30*time.Second, 10, testNow)}, want: time.Minute, why: "min_interval"},
		{name: "quiet for three days: at the maximum", o: outcome{dated: every(time.Hour, 5, testNow.Add(-72*time.Hour))}, want: 2 * time.Hour, why: "max_interval"},
		{name: "dates made at fetch time say nothing", o: outcome{dated: every(0, 10, testNow)}, want: 5 * time.Minute, why: "the schedule"},
		{name: "304 slows down", prev: 8 * time.Minute, o: outcome{notModified: true}, want: 10 * time.Minute, why: "nothing new"},
		{name: "304 stops at the maximum", prev: 2 * time.Hour, o: outcome{notModified: true}, want: 2 * time.Hour, why: "max_interval"},
		{name: "max-age above the interval wins", o: outcome{dated: every(2*time.Minute, 10, testNow), fresh: 30 * time.Minute, freshFrom: "Cache-Control max-age"}, want: 30 * time.Minute, why: "max-age of 30m"},
		{name: "max-age below the interval is moot", o: outcome{dated: every(time.Hour, 10, testNow), fresh: time.Minute, freshFrom: "Expires"}, want: 30 * time.Minute, why: "publishes"},
		{name: "max-age of a decade: bounded", o: outcome{fresh: 10 * year, freshFrom: "Cache-Control max-age"}, want: 2 * time.Hour, why: "max-age", absurd: true},
		{name: "ttl of a year: bounded", o: outcome{ttl: year}, want: 2 * time.Hour, why: "RSS ttl", absurd: true},
		{name: "ttl of 0 is ignored", o: outcome{ttl: 0}, want: 5 * time.Minute, why: "the schedule"},
		{name: "a failure backs off", o: outcome{failures: 3, err: errors.New("boom")}, want: 4 * time.Minute, why: "3 failed"},
		{name: "Retry-After waits longer", o: outcome{failures: 1, err: &StatusError{Code: 503, RetryAfter: 20 * time.Minute}}, want: 20 * time.Minute, why: "Retry-After"},
		{name: "Retry-After of a year: a day", o: outcome{failures: 1, err: &StatusError{Code: 503, RetryAfter: year}}, want: maxHold, why: "Retry-After", absurd: true},
		{name: "Retry-After in the past: the backoff", o: outcome{failures: 1, err: &StatusError{Code: 503}}, want: time.Minute, why: "1 failed"},
		{name: "410 Gone: the longest backoff at once", o: outcome{failures: 1, err: &StatusError{Code: http.StatusGone}}, want: 6 * time.Hour, why: "1 failed"},
		{name: "429: the maximum at least", o: outcome{failures: 1, err: &StatusError{Code: http.StatusTooManyRequests}}, want: 2 * time.Hour, why: "429"},
		{name: "min = max: the schedule", bounds: ptr(newBounds(5*time.Minute, 0, 0)), o: outcome{dated: every(time.Minute, 10, testNow)}, want: 5 * time.Minute, why: "the schedule"},
		{name: "min = max: a feed's max-age still holds, up to an hour", bounds: ptr(newBounds(2*time.Minute, 0, 0)), o: outcome{fresh: 10 * time.Minute, freshFrom: "Cache-Control max-age"}, want: 10 * time.Minute, why: "max-age of 10m"},
		{name: "min = max: a ttl of a day gets an hour", bounds: ptr(newBounds(2*time.Minute, 0, 0)), o: outcome{ttl: 24 * time.Hour}, want: time.Hour, why: "ttl of 24h, bounded", absurd: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bb := b
			if tt.bounds != nil {
				bb = *tt.bounds
			}
			tt.o.now = testNow
			got, why, note := plan(bb, tt.prev, tt.o)
			if got != tt.want || !strings.Contains(why.String(), tt.why) {
				t.Errorf("plan = %v (%q), want %v (%q)", got, why, tt.want, tt.why)
			}
			if back, ok := news.ParseIntervalReason(why.Encode()); !ok || back != why {
				t.Errorf("reason %+v encodes as %q, reads back as %+v, %v", why, why.Encode(), back, ok)
			}
			if (note != "") != tt.absurd {
				t.Errorf("note %q, want one: %v", note, tt.absurd)
			}
			if tt.o.err == nil && (got < bb.min || got > bb.hint) {
				t.Errorf("%v is outside [%v, %v]", got, bb.min, bb.hint)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestNewBoundsMakesTheOperatorsBoundsConsistent(t *testing.T) {
	if b := newBounds(2*time.Minute, 0, 0); b.min != 2*time.Minute || b.max != 2*time.Minute || b.base != 2*time.Minute {
		t.Errorf("defaults: %+v, want the schedule's interval throughout", b)
	}
	if b := newBounds(2*time.Minute, 5*time.Minute, 0); b.base != 5*time.Minute || b.max != 5*time.Minute {
		t.Errorf("min above the schedule: %+v", b)
	}
	if b := newBounds(2*time.Hour, time.Minute, time.Hour); b.base != time.Hour {
		t.Errorf("schedule above max: %+v, want base at max", b)
	}
}

func TestFreshnessReadsCacheControlAndExpires(t *testing.T) {
	date := testNow.Format(http.TimeFormat)
	tests := []struct {
		name string
		h    map[string]string
		want time.Duration
		from string
	}{
		{"max-age", map[string]string{"Cache-Control": "public, max-age=600"}, 10 * time.Minute, "Cache-Control max-age"},
		{"max-age beats Expires", map[string]string{"Cache-Control": "max-age=60", "Expires": testNow.Add(time.Hour).Format(http.TimeFormat)}, time.Minute, "Cache-Control max-age"},
		{"max-age=0", map[string]string{"Cache-Control": "max-age=0"}, 0, ""},
		{"max-age garbage", map[string]string{"Cache-Control": "max-age=soon"}, 0, ""},
		{"max-age beyond int64", map[string]string{"Cache-Control": "max-age=99999999999999999999999"}, secs(1 << 62), "Cache-Control max-age"},
		{"Expires against Date", map[string]string{"Date": date, "Expires": testNow.Add(30 * time.Minute).Format(http.TimeFormat)}, 30 * time.Minute, "Expires"},
		{"Expires in the past", map[string]string{"Date": date, "Expires": testNow.Add(-time.Hour).Format(http.TimeFormat)}, 0, ""},
		{"Expires: -1", map[string]string{"Expires": "-1"}, 0, ""},
		{"nothing", nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.h {
				h.Set(k, v)
			}
			got, from := freshness(h, testNow)
			if tt.want == secs(1<<62) {
				if got < 100*365*24*time.Hour || from != tt.from {
					t.Errorf("got %v from %q, want a huge value", got, from)
				}
				return
			}
			if got != tt.want || from != tt.from {
				t.Errorf("got %v from %q, want %v from %q", got, from, tt.want, tt.from)
			}
		})
	}
}

func TestRSSTTL(t *testing.T) {
	tests := []struct {
		body string
		want time.Duration
	}{
		{`<rss><channel><ttl>60</ttl><item><title>a</title></item></channel></rss>`, time.Hour},
		{`<rss><channel><ttl> 15 </ttl></channel></rss>`, 15 * time.Minute},
		{`<rss><channel><ttl>0</ttl></channel></rss>`, 0},
		{`<rss><channel><ttl>-5</ttl></channel></rss>`, 0},
		{`<rss><channel><item><ttl>60</ttl></item></channel></rss>`, 0}, // only the channel's
		{`<rss><channel><ttl>999999999999999999</ttl></channel></rss>`, secs(1 << 40 * 60)},
		{`<rss><channel><ttl>60`, 0},
	}
	for _, tt := range tests {
		if got := rssTTL([]byte(tt.body)); got != tt.want {
			t.Errorf("rssTTL(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}

// A clock stepped back 6 hours (or a database written 6 hours ahead) holds
// no source back for the step; stepped forward, every source is due.
func TestDueAtClampsTimesBeyondTheSourcesInterval(t *testing.T) {
	step := 6 * time.Hour
	tests := []struct {
		name string
		src  news.Source
		now  time.Time
		most time.Duration // due at most this long after now
	}{
		{"healthy, clock back", news.Source{Interval: 5 * time.Minute, NextFetchAt: testNow.Add(5 * time.Minute)}, testNow.Add(-step), 5*time.Minute + 31*time.Second},
		{"backing off, clock back", news.Source{Failures: 3, Interval: 4 * time.Minute, NextFetchAt: testNow.Add(4 * time.Minute)}, testNow.Add(-step), 4*time.Minute + 25*time.Second},
		{"recorded before intervals, failing", news.Source{Failures: 3, NextFetchAt: testNow.Add(4 * time.Minute)}, testNow.Add(-step), 4 * time.Minute},
		{"Retry-After of a day is kept", news.Source{Failures: 1, Interval: maxHold, NextFetchAt: testNow.Add(maxHold)}, testNow, maxHold},
		{"clock forward: due now", news.Source{Interval: 5 * time.Minute, NextFetchAt: testNow.Add(5 * time.Minute)}, testNow.Add(step), 0},
		{"never scheduled: due now", news.Source{}, testNow, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due := DueAt(tt.src, tt.now)
			if due.Before(tt.now) || due.Sub(tt.now) > tt.most {
				t.Errorf("due %s after now, want between 0 and %s", due.Sub(tt.now), tt.most)
			}
		})
	}
}

// countingHandler counts the log records whose message holds a word.
type countingHandler struct {
	slog.Handler
	word string
	n    *atomic.Int32
}

func (h countingHandler) Handle(ctx context.Context, r slog.Record) error {
	if strings.Contains(r.Message, h.word) {
		h.n.Add(1)
	}
	return nil
}
func (h countingHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h countingHandler) Enabled(context.Context, slog.Level) bool { return true }

// A feed asking for absurd intervals (max-age of a decade, a ttl of a
// year) is fetched at max_interval, and that is logged once, not at every
// fetch.
func TestAbsurdRequestsAreBoundedAndLoggedOnce(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	body := strings.Replace(mustRead(t, "../testdata/feeds/world-v1.xml"), "<channel>", "<channel><ttl>525600</ttl>", 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=315360000")
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	src, err := st.UpsertSource(ctx, "Absurd", srv.URL, news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	var logged atomic.Int32
	p, err := NewPoller(Options{Schedule: "@every 5m", MaxAge: time.Hour, Concurrency: 1, MaxInterval: 2 * time.Hour,
		Fetcher: newTestFetcher(1<<20, 5*time.Second), Store: st, Now: func() time.Time { return testNow },
		Logger: slog.New(countingHandler{Handler: slog.DiscardHandler, word: "out of bounds", n: &logged})})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := p.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.FindSource(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	why, _ := news.ParseIntervalReason(got.IntervalReason)
	if got.Fetches != 3 || got.Interval != 2*time.Hour || !strings.Contains(why.String(), "max-age of 3650d, bounded") {
		t.Errorf("after 3 fetches: %d fetches, interval %s (%q), want 3 at max_interval for the feed's max-age", got.Fetches, got.Interval, got.IntervalReason)
	}
	if n := logged.Load(); n != 1 {
		t.Errorf("the absurd request was logged %d times, want once", n)
	}
}
