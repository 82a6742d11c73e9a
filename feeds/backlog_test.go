package feeds

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// backlogFeed is an RSS feed of fresh new items (guid new-j, j minutes
// before testNow) above n older ones (guid old-i, 10+i minutes before),
// newest first; the older ones are the same at every fetch.
func backlogFeed(fresh, n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>`)
	item := func(guid string, at time.Time) {
		fmt.Fprintf(&b, `<item><title>Story %s</title><link>https://many.example/%s</link><guid isPermaLink="false">%s</guid><pubDate>%s</pubDate><description>What happened in %s.</description></item>`,
			guid, guid, guid, at.Format(time.RFC1123Z), guid)
	}
	for j := range fresh {
		item(fmt.Sprintf("new-%d", j), testNow.Add(-time.Duration(j)*time.Minute))
	}
	for i := range n {
		item(fmt.Sprintf("old-%d", i), testNow.Add(-time.Duration(10+i)*time.Minute))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// storedOnce fails the test unless want articles are stored, each guid once.
func storedOnce(t *testing.T, got []string, want int) {
	t.Helper()
	seen := map[string]bool{}
	for _, g := range got {
		if seen[g] {
			t.Fatalf("%s stored twice", g)
		}
		seen[g] = true
	}
	if len(got) != want {
		t.Fatalf("%d articles stored, want %d", len(got), want)
	}
}

// A feed listing more items than poller.max_items (500) a fetch: the items
// past the newest 500 were never marked seen nor stored while the feed kept
// listing them, so /search never found them. Now a fetch stores the newest
// 500 the source never had and leaves the rest for the next fetches; the
// backlog of a first fetch stays unalerted at those fetches, across a
// restart, and what the feed publishes afterwards is alerted once.
func TestAFeedsItemsPastMaxItemsAreStoredAtTheNextFetches(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	const n = DefaultMaxItems + 300
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set(backlogFeed(0, n), "application/rss+xml")
	testkit.UpsertSource(t, st, "Many", feed.URL, "config")
	sink := &recordingSink{}
	guids := func() []string {
		var out []string
		for _, a := range mustListArticles(t, st, 10*n) {
			out = append(out, a.GUID)
		}
		return out
	}
	mustPoll(t, newTestPoller(t, st, sink, 8<<20))
	storedOnce(t, guids(), DefaultMaxItems)
	// A restart: a new poller on the same database.
	p := newTestPoller(t, st, sink, 8<<20)
	mustPoll(t, p)
	storedOnce(t, guids(), n)
	if got := sink.titles(); len(got) != 0 {
		t.Fatalf("the first fetch's backlog alerted at a later fetch: %d alerts, the first %q", len(got), got[0])
	}
	feed.Set(backlogFeed(3, n), "application/rss+xml")
	mustPoll(t, p)
	mustPoll(t, p)
	storedOnce(t, guids(), n+3)
	if got := strings.Join(sink.titles(), "|"); got != "Story new-2|Story new-1|Story new-0" {
		t.Fatalf("alerted %q, want the three new items oldest first", got)
	}
}

// A source already fetched whose feed then lists 800 new items between two
// fetches: the newest 500 are stored and alerted, the 300 older ones at the
// next fetch, each once.
func TestABurstPastMaxItemsIsAlertedOverTheNextFetches(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set(backlogFeed(0, 10), "application/rss+xml")
	testkit.UpsertSource(t, st, "Burst", feed.URL, "config")
	sink := &recordingSink{}
	p := newTestPoller(t, st, sink, 8<<20)
	mustPoll(t, p)
	const burst = DefaultMaxItems + 300
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Burst</title>`)
	for j := range burst {
		fmt.Fprintf(&b, `<item><title>Burst %d</title><link>https://many.example/b%d</link><guid>b%d</guid><pubDate>%s</pubDate></item>`,
			j, j, j, testNow.Add(-time.Duration(j)*time.Second).Format(time.RFC1123Z))
	}
	b.WriteString(strings.TrimPrefix(string(backlogFeed(0, 10)), `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>`))
	feed.Set([]byte(b.String()), "application/rss+xml")
	mustPoll(t, p)
	if got := len(sink.titles()); got != DefaultMaxItems {
		t.Fatalf("%d alerted at the burst's fetch, want %d", got, DefaultMaxItems)
	}
	if got := sink.titles(); got[0] != fmt.Sprintf("Burst %d", burst-1) || got[len(got)-1] != "Burst 0" {
		t.Fatalf("the burst's fetch alerted %q … %q, want the oldest and the newest (half the budget each)", got[0], got[len(got)-1])
	}
	mustPoll(t, p)
	mustPoll(t, p)
	got := sink.titles()
	seen := map[string]bool{}
	for _, g := range got {
		if seen[g] {
			t.Fatalf("%s alerted twice", g)
		}
		seen[g] = true
	}
	if len(got) != burst {
		t.Fatalf("%d alerted over three fetches, want %d", len(got), burst)
	}
}

// The production store holds the backlog (the poller finds it by a type
// assertion, as it does PlannedStore).
var _ Backlog = (*store.Store)(nil)

// Items left for a later fetch that the feed stops listing before one
// reads them are lost: the log says so, how many and what to change,
// rather than nothing.
func TestItemsLeftThatLeaveTheFeedUnreadAreWarnedOf(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set(backlogFeed(0, 10), "application/rss+xml")
	testkit.UpsertSource(t, st, "Busy", feed.URL, "config")
	var log bytes.Buffer
	p := newChurnPoller(t, st, &log, nopObserver{})
	p.opts.MaxItems = 10
	mustPoll(t, p)
	feed.Set(backlogFeed(30, 10), "application/rss+xml") // 30 new: 10 read, 20 left
	mustPoll(t, p)
	if strings.Contains(log.String(), "left the feed") {
		t.Fatalf("warned before any item left the feed:\n%s", log.String())
	}
	// Read: new-0 … new-4 and new-25 … new-29; the feed now lists new-0 …
	// new-14: new-15 … new-24 are gone unread.
	feed.Set(backlogFeed(15, 0), "application/rss+xml")
	mustPoll(t, p)
	if l := log.String(); !strings.Contains(l, "items left for a later fetch left the feed before one read them") || !strings.Contains(l, "lost=10") {
		t.Fatalf("no warning of the 10 items lost:\n%s", l)
	}
}

// windowFeed is an RSS feed listing the newest 40 of n items (guid w-i,
// i seconds after an hour before testNow), newest first.
func windowFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Window</title>`)
	for i := n - 1; i >= 0 && i >= n-40; i-- {
		fmt.Fprintf(&b, `<item><title>Window %d</title><link>https://window.example/%d</link><guid>w-%d</guid><pubDate>%s</pubDate></item>`,
			i, i, i, testNow.Add(-time.Hour+time.Duration(i)*time.Second).Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// A feed that lists its newest 40 items gets a burst of 35 and then 6 a
// fetch, against max_items 10: a fetch that took the newest 10 new items
// left the oldest of the burst at the bottom of the list, where the items
// coming after pushed them out unread (the crash trials met it). Half the
// budget goes to the oldest new items now, and nothing is lost.
func TestABurstAtTheBottomOfAShortFeedIsReadBeforeItScrollsAway(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	n := 10 // the first fetch: 10 items, its backlog
	feed.Set(windowFeed(n), "application/rss+xml")
	testkit.UpsertSource(t, st, "Window", feed.URL, "config")
	var log bytes.Buffer
	p := newChurnPoller(t, st, &log, nopObserver{})
	p.opts.MaxItems = 10
	mustPoll(t, p)
	n += 35
	for range 8 {
		feed.Set(windowFeed(n), "application/rss+xml")
		mustPoll(t, p)
		n += 6
	}
	if got := len(mustListArticles(t, st, 1000)); got != n-6 {
		t.Errorf("%d articles stored of %d published", got, n-6)
	}
	if strings.Contains(log.String(), "left the feed before one read them") {
		t.Errorf("items lost:\n%s", log.String())
	}
}
