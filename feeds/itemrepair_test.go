package feeds

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
)

// strayTagFeed is an RSS feed of three items, the middle one's title with a
// stray end tag (raw HTML a CMS wrote into it).
const strayTagFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Storm reaches the coast</title><guid>1</guid><pubDate>Fri, 27 Nov 2026 11:00:00 +0000</pubDate></item>
<item><title>Flood warning <b>upgraded</b></b> for the valley</title><guid>2</guid><pubDate>Fri, 27 Nov 2026 10:00:00 +0000</pubDate></item>
<item><title>Bridge closed after the flood</title><guid>3</guid><pubDate>Fri, 27 Nov 2026 09:00:00 +0000</pubDate></item>
</channel></rss>`

// A stray end tag in one item closed the channel for the decoder: the
// items after it were silently lost, at every fetch. Now each item of such
// a document is parsed on its own, and only the broken one is marred.
func TestAStrayEndTagInOneItemLosesNoOther(t *testing.T) {
	for _, body := range []string{strayTagFeed,
		strings.NewReplacer("<rss version=\"2.0\"><channel>", `<feed xmlns="http://www.w3.org/2005/Atom">`, "</channel></rss>", "</feed>",
			"<item>", "<entry>", "</item>", "</entry>", "<guid>", "<id>", "</guid>", "</id>", "<pubDate>", "<updated>", "</pubDate>", "</updated>").Replace(strayTagFeed)} {
		f, err := parseFeed([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, it := range f.Items {
			titles = append(titles, it.Title)
		}
		if got := strings.Join(titles, "|"); !strings.HasPrefix(got, "Storm reaches the coast|Flood warning") || !strings.HasSuffix(got, "|Bridge closed after the flood") || len(titles) != 3 {
			t.Errorf("items %q, want all three, the middle one as it parses", titles)
		}
	}
	f, err := parseFeed([]byte(strings.Replace(strayTagFeed, "</b></b>", "</b>", 1)))
	if err != nil || len(f.Items) != 3 || f.Items[1].Title != "Flood warning <b>upgraded</b> for the valley" {
		t.Fatalf("a well-formed feed parses otherwise: %v %v", err, f.Items)
	}
}

// Through the poller: the item after the broken one is stored.
func TestAFeedWithABrokenItemStoresTheItemsAfterIt(t *testing.T) {
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	feed.Set([]byte(strayTagFeed), "application/rss+xml")
	testkit.UpsertSource(t, st, "Broken", feed.URL, "config")
	mustPoll(t, newTestPoller(t, st, &recordingSink{}, 1<<20))
	var titles []string
	for _, a := range mustListArticles(t, st, 10) {
		titles = append(titles, a.Title)
	}
	if len(titles) != 3 || !strings.Contains(strings.Join(titles, "|"), "Bridge closed after the flood") {
		t.Fatalf("stored %q, want the three items", titles)
	}
}
