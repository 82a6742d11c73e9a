package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A host's politeness (one fetch a gap) holds its sources in due order: a
// source due now with others of its host ahead waits a gap for each, and
// heldUntil says so; a source of a host with nothing ahead, one running, and
// a queue without a gap are not held.
func TestQueueSaysHowLongAHostHoldsASource(t *testing.T) {
	gap := 10 * time.Second
	q := newQueue(1, gap)
	for id := int64(1); id <= 4; id++ {
		q.put(src(id, fmt.Sprintf("https://crowded.example/feed/%d", id)), testNow)
	}
	q.put(src(9, "https://other.example/feed"), testNow)
	ids, held := take(q, testNow)
	if fmt.Sprint(ids) != "[1 9]" {
		t.Fatalf("handed out %v, want [1 9]", ids)
	}
	for _, tt := range []struct {
		id   int64
		want time.Time
	}{
		{1, time.Time{}}, // running
		{9, time.Time{}}, // running, another host
		{2, testNow.Add(gap)},
		{3, testNow.Add(2 * gap)},
		{4, testNow.Add(3 * gap)},
		{42, time.Time{}}, // not queued
	} {
		if got := q.heldUntil(tt.id); !got.Equal(tt.want) {
			t.Errorf("source %d held until %v, want %v", tt.id, got, tt.want)
		}
	}
	// Due later than its host is free: its own time, counted after those
	// due before it.
	q.put(src(5, "https://crowded.example/feed/5"), testNow.Add(time.Hour))
	if got, want := q.heldUntil(5), testNow.Add(gap+3*gap); !got.Equal(want) {
		t.Errorf("source 5, due in an hour, held until %v, want %v (the bound; its due time wins in Scheduled)", got, want)
	}
	q.done(held[0], testNow.Add(time.Hour))
	if got, want := q.heldUntil(2), testNow.Add(gap); !got.Equal(want) {
		t.Errorf("after the host's fetch ended, source 2 held until %v, want %v (the gap counts from the start)", got, want)
	}

	free := newQueue(2, 0)
	free.put(src(1, "https://crowded.example/feed/1"), testNow)
	free.put(src(2, "https://crowded.example/feed/2"), testNow)
	if got := free.heldUntil(2); !got.IsZero() {
		t.Errorf("without a host gap source 2 is held until %v, want not held", got)
	}
}

// /fetch on a source of a crowded host said "fetching now" and put it
// behind every overdue source of its host: ahead puts it first in its
// host's line, at the host's next turn.
func TestQueueFetchNowGoesFirstOnItsHost(t *testing.T) {
	gap := 10 * time.Second
	q := newQueue(1, gap)
	for id := int64(1); id <= 4; id++ {
		q.put(src(id, fmt.Sprintf("https://crowded.example/feed/%d", id)), testNow)
	}
	ids, held := take(q, testNow)
	if fmt.Sprint(ids) != "[1]" {
		t.Fatalf("handed out %v, want [1]", ids)
	}
	q.done(held[0], testNow.Add(time.Hour))
	q.ahead(src(4, "https://crowded.example/feed/4"), testNow.Add(time.Minute))
	if got, want := q.heldUntil(4), testNow.Add(gap); !got.Equal(want) {
		t.Errorf("source 4 asked for now is held until %v, want the host's next turn %v", got, want)
	}
	if got, want := q.heldUntil(2), testNow.Add(2*gap); !got.Equal(want) {
		t.Errorf("source 2 held until %v, want %v (one turn later)", got, want)
	}
	if ids, _ := take(q, testNow.Add(gap)); fmt.Sprint(ids) != "[4]" {
		t.Errorf("at the host's next turn handed out %v, want [4]", ids)
	}
}

// 177 feeds on one host left a source unfetched for minutes while /sources
// said "next fetch now": Scheduled gave the source's own due time, not when
// its host's politeness (poller.host_gap) lets it go. With a gap of an hour
// and four sources of one host due at start, after the first fetch the
// other three are scheduled an hour apart, the last three hours on.
func TestScheduledCountsTheHostsWait(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Crowded</title></channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	clock := movingClock()
	st := testkit.OpenStore(t, clock)
	var ids []int64
	for i := range 4 {
		ids = append(ids, testkit.UpsertSource(t, st, fmt.Sprintf("Crowded %d", i), fmt.Sprintf("%s/feed/%d", srv.URL, i), news.OriginConfig).ID)
	}
	p := runPoller(t, Options{Concurrency: 4, PerHost: 1, HostGap: time.Hour, Fetcher: newTestFetcher(1<<20, time.Minute),
		Store: st, Sink: &chanSink{got: make(chan news.Article, 16)}, Now: clock})
	testkit.WaitFor(t, "the host's first fetch", func() bool { return requests.Load() == 1 })
	testkit.WaitFor(t, "the first fetch reported", func() bool {
		n := 0
		for _, id := range ids {
			if s, err := st.FindSource(context.Background(), id); err == nil && s.Fetches > 0 {
				n++
			}
		}
		return n == 1
	})
	var next []time.Time
	last, lastAt := int64(0), time.Time{}
	for _, id := range ids {
		at, ok := p.Scheduled(id)
		if !ok {
			t.Fatalf("source %d is not scheduled", id)
		}
		next = append(next, at)
		if s, err := st.FindSource(context.Background(), id); err == nil && s.Fetches == 0 && at.After(lastAt) {
			last, lastAt = id, at // the last in line of those never fetched (/fetch refuses one just fetched)
		}
	}
	sort.Slice(next, func(i, j int) bool { return next[i].Before(next[j]) })
	now := clock()
	if last := next[len(next)-1]; last.Sub(now) < 2*time.Hour+50*time.Minute {
		t.Errorf("the last of four sources on a host fetched an hour apart is scheduled %s from now, want about three hours (all: %v)", last.Sub(now), next)
	}
	for i := 1; i < len(next)-1; i++ {
		if gap := next[i+1].Sub(next[i]); gap < 50*time.Minute {
			t.Errorf("sources of one host scheduled %s apart, want about poller.host_gap (an hour): %v", gap, next)
		}
	}

	// /fetch of the last in line ("fetching now") puts it first: at the
	// host's next turn, ahead of the others.
	if _, err := p.FetchNow(context.Background(), last); err != nil {
		t.Fatal(err)
	}
	at, _ := p.Scheduled(last)
	for _, id := range ids {
		if other, _ := p.Scheduled(id); id != last && other.Before(at) && other.After(now) {
			t.Errorf("after /fetch, source %d is scheduled %s from now, before source %d asked for now (%s)", id, other.Sub(now), last, at.Sub(now))
		}
	}
	if at.Sub(now) > 70*time.Minute {
		t.Errorf("source %d asked for now is scheduled %s from now, want the host's next turn (within poller.host_gap)", last, at.Sub(now))
	}
}
