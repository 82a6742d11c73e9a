package feeds

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// rollServer serves a short feed of the items it is given, or a status.
type rollServer struct {
	*httptest.Server
	mu   sync.Mutex
	body string
	code int
}

func newRollServer(t *testing.T) *rollServer {
	s := &rollServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.code != 0 {
			w.WriteHeader(s.code)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, s.body)
	}))
	t.Cleanup(s.Close)
	return s
}

// list makes the feed list items from..from+n-1, newest first; each item
// has its own guid and link.
func (s *rollServer) list(from, n int) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Short</title>`)
	for i := from + n - 1; i >= from; i-- {
		fmt.Fprintf(&b, `<item><title>Quake report %d</title><link>https://short.example/%d</link><guid>s%d</guid><pubDate>%s</pubDate><description>Report %d.</description></item>`,
			i, i, i, testNow.Add(time.Duration(i-100)*time.Minute).Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	s.mu.Lock()
	s.body, s.code = b.String(), 0
	s.mu.Unlock()
}

func (s *rollServer) answer(code int) { s.mu.Lock(); s.code = code; s.mu.Unlock() }

// newRollPoller is a poller at one interval (1h: min and max the same),
// on clock, logging into log.
func newRollPoller(t *testing.T, st *store.Store, clock *testkit.Clock, log *bytes.Buffer) *Poller {
	t.Helper()
	p := newTestPoller(t, st, &recordingSink{}, 8<<20)
	p.opts.Now, p.dbLog.Now = clock.Now, clock.Now
	p.log = slog.New(slog.NewTextHandler(log, nil))
	return p
}

// interval is the source's interval and the kind of its reason.
func interval(t *testing.T, st *store.Store, id int64) (time.Duration, news.ReasonKind) {
	t.Helper()
	src := mustFindSource(t, st, id)
	why, _ := news.ParseIntervalReason(src.IntervalReason)
	return src.Interval, why.Kind
}

const rollWarning = "the feed dropped items unseen"

// A feed of 4 items that publishes more than 4 between two fetches lost
// the items between: nothing alerted them. A fetch that finds the feed
// full and none of its items seen before halves the source's interval
// (1h, 30m, then the floor: a quarter of the fixed interval), warns once,
// and holds it while the fetches overlap a little; once most items are
// seen before (three quarters) it grows back by a quarter until the hurry ends.
func TestAFeedRollingPastItsItemsIsHurriedThenRelaxes(t *testing.T) {
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	feed := newRollServer(t)
	src := testkit.UpsertSource(t, st, "Short", feed.URL, "config")
	var log bytes.Buffer
	p := newRollPoller(t, st, clock, &log)
	poll := func(from int) (time.Duration, news.ReasonKind) {
		feed.list(from, 4)
		clock.Advance(time.Hour)
		mustPoll(t, p)
		return interval(t, st, src.ID)
	}
	if d, why := poll(0); d != time.Hour || why == news.ReasonRolls {
		t.Fatalf("the first fetch set %s (%s), want the schedule's 1h", d, why)
	}
	if d, why := poll(10); d != 30*time.Minute || why != news.ReasonRolls {
		t.Fatalf("a fetch past a gap set %s (%s), want 30m (rolls)", d, why)
	}
	if d, why := poll(20); d != 15*time.Minute || why != news.ReasonRolls {
		t.Fatalf("a second gap set %s (%s), want 15m (rolls)", d, why)
	}
	if d, why := poll(30); d != 15*time.Minute || why != news.ReasonRolls {
		t.Fatalf("a gap at the floor set %s (%s), want 15m (rolls)", d, why)
	}
	if n := strings.Count(log.String(), rollWarning); n != 1 {
		t.Errorf("warned %d times, want once:\n%s", n, log.String())
	}
	if d, why := poll(33); d != 15*time.Minute || why != news.ReasonRolls { // one item seen before of 4
		t.Fatalf("a tight overlap set %s (%s), want the hurry held at 15m", d, why)
	}
	want := 15 * time.Minute
	for range 10 {
		want = (want + want/4).Truncate(time.Second) // stored in seconds
		if want >= time.Hour {
			break
		}
		if d, why := poll(34); d != want || why != news.ReasonRolls {
			t.Fatalf("an overlapping fetch set %s (%s), want %s (rolls)", d, why, want)
		}
	}
	if d, why := poll(34); d != time.Hour || why == news.ReasonRolls {
		t.Fatalf("relaxed fully to %s (%s), want 1h and the hurry ended", d, why)
	}
}

// The production store keeps the hurry floors.
var _ HurryBook = (*store.Store)(nil)

// A 429 ends the hurry: the source waits at least max_interval, as before,
// and the next fetch that overlaps is at the normal interval. The host
// said too many at 30m: the source is not hurried below twice that again,
// after a restart too (the floor is kept in the database).
func TestA429EndsTheHurry(t *testing.T) {
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	feed := newRollServer(t)
	src := testkit.UpsertSource(t, st, "Short", feed.URL, "config")
	var log bytes.Buffer
	p := newRollPoller(t, st, clock, &log)
	for _, from := range []int{0, 10} {
		feed.list(from, 4)
		clock.Advance(time.Hour)
		mustPoll(t, p)
	}
	if _, why := interval(t, st, src.ID); why != news.ReasonRolls {
		t.Fatalf("not hurried after a gap: %s", why)
	}
	feed.answer(http.StatusTooManyRequests)
	clock.Advance(time.Hour)
	mustPoll(t, p)
	if d, why := interval(t, st, src.ID); why != news.ReasonTooMany || d < time.Hour {
		t.Fatalf("a 429 set %s (%s), want at least 1h (429)", d, why)
	}
	feed.list(11, 4)
	clock.Advance(2 * time.Hour)
	mustPoll(t, p)
	if d, why := interval(t, st, src.ID); why == news.ReasonRolls || d != time.Hour {
		t.Fatalf("after the 429 a fetch set %s (%s), want 1h, not hurried", d, why)
	}
	for i, p := range []*Poller{p, newRollPoller(t, st, clock, &log)} { // the second after a restart
		feed.list(100+10*i, 4)
		clock.Advance(time.Hour)
		mustPoll(t, p)
		if d, why := interval(t, st, src.ID); why == news.ReasonRolls || d != time.Hour {
			t.Fatalf("a gap after the 429 (poller %d) set %s (%s), want 1h: not hurried below the 429's floor", i, d, why)
		}
	}
}

// The hurry is kept with the source's interval: a new poller on the same
// database (a restart) goes on from it, halving on the next gap, without
// warning again.
func TestARestartKeepsTheHurry(t *testing.T) {
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	feed := newRollServer(t)
	src := testkit.UpsertSource(t, st, "Short", feed.URL, "config")
	var log bytes.Buffer
	p := newRollPoller(t, st, clock, &log)
	for _, from := range []int{0, 10} {
		feed.list(from, 4)
		clock.Advance(time.Hour)
		mustPoll(t, p)
	}
	var log2 bytes.Buffer
	p2 := newRollPoller(t, st, clock, &log2)
	feed.list(20, 4)
	clock.Advance(time.Hour)
	mustPoll(t, p2)
	if d, why := interval(t, st, src.ID); d != 15*time.Minute || why != news.ReasonRolls {
		t.Fatalf("after a restart a gap set %s (%s), want 15m (rolls): the hurry went on", d, why)
	}
	if strings.Contains(log2.String(), rollWarning) {
		t.Errorf("warned again after a restart:\n%s", log2.String())
	}
	feed.list(21, 4) // three of four seen: room
	clock.Advance(time.Hour)
	mustPoll(t, newRollPoller(t, st, clock, &log2))
	if d, why := interval(t, st, src.ID); d != 15*time.Minute+15*time.Minute/4 || why != news.ReasonRolls {
		t.Fatalf("after another restart an overlapping fetch set %s (%s), want the hurry relaxing from 15m", d, why)
	}
}

// A source a WebSub hub pushes is never hurried: its polls are a safety
// net.
func TestAPushedSourceIsNotHurried(t *testing.T) {
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	feed := newRollServer(t)
	src := testkit.UpsertSource(t, st, "Short", feed.URL, "config")
	var log bytes.Buffer
	p := newRollPoller(t, st, clock, &log)
	p.opts.Hubs = &fakeHubs{pushed: true}
	for _, from := range []int{0, 10, 20} {
		feed.list(from, 4)
		clock.Advance(time.Hour)
		mustPoll(t, p)
	}
	if d, why := interval(t, st, src.ID); why != news.ReasonPushed || d < time.Hour {
		t.Fatalf("a pushed source rolling past its items got %s (%s), want its pushed interval", d, why)
	}
	if strings.Contains(log.String(), rollWarning) {
		t.Errorf("warned of a pushed source:\n%s", log.String())
	}
}

// A feed that makes its guids up anew at every fetch but keeps its links
// drops nothing: the store finds its items seen by link, and it is not
// hurried (fetching it more often would only fetch the same items).
func TestAFeedWithNewGuidsAndTheSameLinksIsNotHurried(t *testing.T) {
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	feed := newRollServer(t)
	src := testkit.UpsertSource(t, st, "Made-up guids", feed.URL, "config")
	var log bytes.Buffer
	p := newRollPoller(t, st, clock, &log)
	for fetch := range 3 {
		feed.list(0, 4)
		feed.mu.Lock()
		feed.body = strings.ReplaceAll(feed.body, "<guid>s", fmt.Sprintf("<guid>f%d-", fetch))
		feed.mu.Unlock()
		clock.Advance(time.Hour)
		mustPoll(t, p)
	}
	if d, why := interval(t, st, src.ID); d != time.Hour || why == news.ReasonRolls {
		t.Fatalf("a feed with new guids and the same links got %s (%s), want 1h, not hurried", d, why)
	}
	if strings.Contains(log.String(), rollWarning) {
		t.Errorf("warned of a feed that drops nothing:\n%s", log.String())
	}
}
