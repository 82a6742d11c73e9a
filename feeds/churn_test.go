package feeds

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// itemsFeed is an RSS feed of n items, the ith dated i minutes before
// testNow, with the guid prefix+i and a link that carries it (as a
// tracking parameter would); the titles do not change with it.
func itemsFeed(prefix string, n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Story number %d</title><link>https://many.example/%d?at=%s</link><guid isPermaLink="false">%s%d</guid><pubDate>%s</pubDate><description>What happened, part %d.</description></item>`,
			i, i, prefix, prefix, i, testNow.Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// churnWatch is an Observer that hears which sources churn.
type churnWatch struct {
	nopObserver
	mu  sync.Mutex
	got []string
}

func (c *churnWatch) Churning(id int64, name string, on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = append(c.got, fmt.Sprintf("%s %v", name, on))
}

func (c *churnWatch) heard() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.got, "|")
}

// newChurnPoller is newTestPoller logging to log and telling obs.
func newChurnPoller(t *testing.T, st *store.Store, log *bytes.Buffer, obs Observer) *Poller {
	t.Helper()
	p := newTestPoller(t, st, &recordingSink{}, 8<<20)
	p.opts.Observer = obs
	p.log = slog.New(slog.NewTextHandler(log, nil))
	return p
}

// A feed that makes its guids up anew at every fetch (pollload's "many":
// 10,000 items each time) stored every item of every fetch, 150,824
// articles in 150 s of the real binary: bounded by retention only. A fetch
// now stores at most poller.max_items of its new items (the newest half and
// the oldest half), and the third fetch in a
// row whose every item is new names the source in the log and to the
// operator's status, with what it means.
func TestAFeedMakingUpGuidsAddsAtMostMaxItemsAFetch(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "Made-up guids", feed.URL, "config")
	var log bytes.Buffer
	obs := &churnWatch{}
	p := newChurnPoller(t, st, &log, obs)
	const items = DefaultMaxItems + 300
	for fetch := range churnFetches + 1 {
		feed.Set(itemsFeed(fmt.Sprintf("f%d-", fetch), items), "application/rss+xml")
		mustPoll(t, p)
		stored := mustListArticles(t, st, 100*items)
		if want := (fetch + 1) * DefaultMaxItems; len(stored) != want {
			t.Fatalf("after fetch %d: %d articles stored, want %d (%d a fetch)", fetch+1, len(stored), want, DefaultMaxItems)
		}
		newest := map[string]bool{}
		for _, a := range stored {
			newest[a.Title] = true
		}
		if !newest["Story number 0"] || newest[fmt.Sprintf("Story number %d", DefaultMaxItems)] {
			t.Fatalf("after fetch %d: the newest item stored or the middle one too", fetch+1)
		}
		if fetch < churnFetches && obs.heard() != "" {
			t.Fatalf("after fetch %d (the first is the backlog): churning already: %s", fetch+1, obs.heard())
		}
	}
	if got := obs.heard(); got != "Made-up guids true" {
		t.Errorf("the status heard %q, want the source named churning", got)
	}
	if l := log.String(); strings.Count(l, "every item of the feed was new") != 1 || !strings.Contains(l, `source="Made-up guids"`) ||
		!strings.Contains(l, "guids change at every fetch") || !strings.Contains(l, fmt.Sprintf("listed=%d read=%d", items, DefaultMaxItems)) {
		t.Errorf("the log names no churning source once, with what it means:\n%s", l)
	}
	// The feed settles: a fetch of known items ends it.
	feed.Set(itemsFeed(fmt.Sprintf("f%d-", churnFetches), items-1), "application/rss+xml")
	mustPoll(t, p)
	if got := obs.heard(); got != "Made-up guids true|Made-up guids false" {
		t.Errorf("the status heard %q, want it told the source settled", got)
	}
}

// The cap takes nothing from a feed as feeds are: the first fetch of 100
// items stores them all, and a busy feed with a few new items a fetch is
// not named.
func TestAFeedOfAHundredItemsIsStoredWhole(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	testkit.UpsertSource(t, st, "Busy", feed.URL, "config")
	var log bytes.Buffer
	obs := &churnWatch{}
	p := newChurnPoller(t, st, &log, obs)
	feed.Set(itemsFeed("g", 100), "application/rss+xml")
	mustPoll(t, p)
	if n := len(mustListArticles(t, st, 1000)); n != 100 {
		t.Fatalf("first fetch of 100 items stored %d", n)
	}
	for fetch := range churnFetches + 1 {
		body := itemsFeed("g", 100)
		// Five new items at the top, the oldest five dropped.
		var fresh strings.Builder
		for i := range 5 {
			fmt.Fprintf(&fresh, `<item><title>Fresh %d-%d</title><guid>new-%d-%d</guid><pubDate>%s</pubDate></item>`,
				fetch, i, fetch, i, testNow.Add(time.Duration(fetch*5+i+1)*time.Second).Format(time.RFC1123Z))
		}
		doc := strings.Replace(string(body), "<item>", fresh.String()+"<item>", 1)
		feed.Set([]byte(doc), "application/rss+xml")
		mustPoll(t, p)
	}
	if n := len(mustListArticles(t, st, 1000)); n != 100+5*(churnFetches+1) {
		t.Errorf("stored %d, want %d", n, 100+5*(churnFetches+1))
	}
	if obs.heard() != "" || strings.Contains(log.String(), "every item of the feed was new") {
		t.Errorf("a busy feed was named churning: %s\n%s", obs.heard(), log.String())
	}
}
