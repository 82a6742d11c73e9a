package feeds

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// Titles are text: markup goes only where the feed carries markup (CDATA
// with tags, an HTML-typed Atom title); entities the parser decoded stay
// as the words they spell.
func TestArticleTitlesKeepEveryWord(t *testing.T) {
	const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><link>https://example.com/</link>
<item><title>US &amp; EU agree to cut tariffs on &lt;steel&gt; and aluminium</title><link>https://example.com/1</link>
<description>Ministers said the deal covers &lt;steel&gt; and AT&amp;T's cable imports.</description></item>
<item><title><![CDATA[<b>Storm</b> closes schools in the north]]></title><link>https://example.com/2</link></item>
<item><title>AT&amp;T to buy &quot;Acme&quot; for $2bn</title><link>https://example.com/3</link></item>
<item><title>Browsers add the &lt;progress&gt; element</title><link>https://example.com/4</link></item>
<item><title>Stocks &lt;b&gt;surge&lt;/b&gt; as rates fall</title><link>https://example.com/5</link></item>
<item><title>Storm &lt;em&gt;Arwen&lt;/em&gt; shuts &lt;steel&gt; plant &amp;amp; AT&amp;T exchange</title><link>https://example.com/6</link></item>
<item><title><![CDATA[<b>Live:</b> tariffs on <steel> and <amp-img src="x.jpg"></amp-img>aluminium]]></title><link>https://example.com/7</link></item>
</channel></rss>`
	const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated>
<entry><id>urn:1</id><updated>2026-11-01T00:00:00Z</updated><link href="https://example.com/a1"/>
<title type="html">&lt;em&gt;Live:&lt;/em&gt; markets rally as rates fall</title></entry>
<entry><id>urn:2</id><updated>2026-11-01T00:00:00Z</updated><link href="https://example.com/a2"/>
<title type="text">Why &lt;steel&gt; prices doubled</title></entry>
</feed>`
	tests := []struct {
		name, feed string
		want       []string
	}{
		{name: "rss", feed: rss, want: []string{
			"US & EU agree to cut tariffs on <steel> and aluminium",
			"Storm closes schools in the north",
			`AT&T to buy "Acme" for $2bn`,
			"Browsers add the <progress> element",             // an element's name alone is text
			"Stocks surge as rates fall",                      // with its end tag, markup
			"Storm Arwen shuts <steel> plant & AT&T exchange", // a word in brackets beside markup stays
			"Live: tariffs on <steel> and aluminium",
		}},
		{name: "atom", feed: atom, want: []string{
			"Live: markets rally as rates fall",
			"Why <steel> prices doubled",
		}},
	}
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := gofeed.NewParser().ParseString(tt.feed)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != len(tt.want) {
				t.Fatalf("parsed %d items, want %d", len(f.Items), len(tt.want))
			}
			for i, it := range f.Items {
				if got := articleOf(it, "https://example.com/feed", now).Title; got != tt.want[i] {
					t.Errorf("item %d title = %q, want %q", i, got, tt.want[i])
				}
			}
		})
	}
	f, err := gofeed.NewParser().ParseString(rss)
	if err != nil {
		t.Fatal(err)
	}
	if text := articleOf(f.Items[0], "https://example.com/feed", now).Text; !strings.Contains(text, "<steel>") || !strings.Contains(text, "AT&T") {
		t.Errorf("text = %q, want <steel> and AT&T kept", text)
	}
}

// The feed's image for an item comes from an image enclosure, media:content
// or media:thumbnail; other enclosures and unusable links give none.
func TestArticleImageFromTheFeed(t *testing.T) {
	const head = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title><link>https://example.com/</link>`
	long := "https://img.example/" + strings.Repeat("a", maxImageURL)
	tests := []struct {
		name, item, want string
	}{
		{name: "enclosure", item: `<enclosure url="https://img.example/e.jpg" type="image/jpeg" length="1"/>`, want: "https://img.example/e.jpg"},
		{name: "media content", item: `<media:content url="https://img.example/c.png" medium="image"/>`, want: "https://img.example/c.png"},
		{name: "media content by type", item: `<media:content url="https://img.example/t.webp" type="image/webp"/>`, want: "https://img.example/t.webp"},
		{name: "media thumbnail", item: `<media:thumbnail url="https://img.example/th.jpg"/>`, want: "https://img.example/th.jpg"},
		{name: "media group", item: `<media:group><media:content url="https://img.example/g.jpg" medium="image"/></media:group>`, want: "https://img.example/g.jpg"},
		{name: "relative resolved", item: `<enclosure url="/img/r.jpg" type="image/jpeg" length="1"/>`, want: "https://example.com/img/r.jpg"},
		{name: "audio enclosure ignored", item: `<enclosure url="https://img.example/a.mp3" type="audio/mpeg" length="1"/>`},
		{name: "video content ignored", item: `<media:content url="https://img.example/v.mp4" medium="video" type="video/mp4"/>`},
		{name: "javascript ignored", item: `<enclosure url="javascript:alert(1)" type="image/png" length="1"/>`},
		{name: "data ignored", item: `<media:thumbnail url="data:image/png;base64,AAAA"/>`},
		{name: "too long ignored", item: `<media:thumbnail url="` + long + `"/>`},
		{name: "none"},
	}
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed := head + `<item><title>Storm</title><link>https://example.com/1</link>` + tt.item + `</item></channel></rss>`
			f, err := gofeed.NewParser().ParseString(feed)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 {
				t.Fatalf("parsed %d items, want 1", len(f.Items))
			}
			if got := articleOf(f.Items[0], "https://example.com/feed", now).ImageURL; got != tt.want {
				t.Errorf("image = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOnlyNewItemsAreCleaned: a fetch cleans the text of the items the
// store finds new only (cleaning an item's HTML is the costliest step of
// the items of a fetch, most of which the store has), and stores the text
// articleOf makes of it, as it did when every item was cleaned.
func TestOnlyNewItemsAreCleaned(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	src := testkit.UpsertSource(t, st, "Wire", "https://wire.example/rss", "config")
	p := newTestPoller(t, st, &recordingSink{}, 1<<20)
	var mu sync.Mutex
	var cleaned []string
	p.clean = func(s string) summarize.Cleaned {
		mu.Lock()
		cleaned = append(cleaned, s)
		mu.Unlock()
		return summarize.CleanText(s)
	}
	item := func(i int) string {
		return fmt.Sprintf(`<item><title>Floods in town %d</title><link>https://wire.example/%d</link><pubDate>%s</pubDate>
<description>&lt;p&gt;Lead of item %d.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Rivers rose in town %d &amp; the valley&#8217;s farms.</p><figure><img src="https://wire.example/%d.jpg"/><figcaption>The river. Photo: Wire</figcaption></figure><p>Read <a href="https://wire.example/more">more</a> of item %d.</p>]]></content:encoded></item>`,
			i, i, testNow.Add(-time.Duration(40-i)*time.Minute).Format(time.RFC1123Z), i, i, i, i)
	}
	feed := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>`)
		for i := n; i >= 1; i-- {
			b.WriteString(item(i))
		}
		b.WriteString(`</channel></rss>`)
		return []byte(b.String())
	}
	if n, err := p.Push(ctx, src, feed(19)); err != nil || n != 19 {
		t.Fatalf("first fetch stored %d, %v; want 19", n, err)
	}
	if len(cleaned) != 2*19 {
		t.Fatalf("the first fetch cleaned %d texts, want the 19 items' content and description", len(cleaned))
	}
	cleaned = nil
	body := feed(20)
	if n, err := p.Push(ctx, src, body); err != nil || n != 1 {
		t.Fatalf("second fetch stored %d, %v; want the one new item", n, err)
	}
	for _, s := range cleaned {
		if !strings.Contains(s, "item 20") {
			t.Errorf("the second fetch cleaned %q, an item stored already", s)
		}
	}
	if len(cleaned) != 2 {
		t.Errorf("the second fetch cleaned %d texts, want the new item's content and description", len(cleaned))
	}
	parsed, err := gofeed.NewParser().Parse(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	want := articleOf(parsed.Items[0], src.URL, testNow)
	arts, err := st.ListArticlesSince(ctx, time.Time{}, 100)
	if err != nil {
		t.Fatal(err)
	}
	var got *news.Article
	for i := range arts {
		if arts[i].GUID == want.GUID {
			got = &arts[i]
		}
	}
	if got == nil || got.Text != want.Text || want.Text == "" || strings.Contains(got.Text, "<p>") {
		t.Fatalf("the new item stored as %+v, want its text %q", got, want.Text)
	}
	if got.ImageURL != want.ImageURL || want.ImageURL == "" { // found in its HTML when found new (parseFeed)
		t.Fatalf("the new item stored with image %q, want %q", got.ImageURL, want.ImageURL)
	}
}

// articleOf converts a parsed feed item into an article of the source at
// feedURL, its text cleaned as the poller cleans a new item's (itemOf, then feedText.text with
// summarize.Clean).
func articleOf(it *gofeed.Item, feedURL string, now time.Time) news.Article {
	a, raw := itemOf(it, feedURL, now, summarize.CleanText, nil, "")
	if raw != nil {
		a.Text = raw.text(summarize.CleanText).Text
	}
	return a
}

// TestArticleDates: a date in the future is now, and so is none, or the
// Unix epoch or year 1 that feeds write for a date they do not know (taken
// at its word, the item was never alerted: older than poller.max_age).
func TestArticleDates(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	item := func(pub string) string {
		return `<item><title>Zoo keepers catch runaway zebra</title><link>https://example.com/z</link>` + pub + `</item>`
	}
	tests := []struct {
		name, item string
		want       time.Time
	}{
		{"a date", item(`<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>`), time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)},
		{"no date", item(``), now},
		{"in the future", item(`<pubDate>Wed, 30 Dec 2026 10:00:00 GMT</pubDate>`), now},
		{"the Unix epoch", item(`<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>`), now},
		{"the epoch west of Greenwich", item(`<pubDate>Wed, 31 Dec 1969 19:00:00 -0500</pubDate>`), now},
		{"year 1", item(`<pubDate>0001-01-01T00:00:00Z</pubDate>`), now},
		{"an old date that is one", item(`<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>`), time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := gofeed.NewParser().ParseString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Zoo</title><link>https://example.com/</link>` + tt.item + `</channel></rss>`)
			if err != nil {
				t.Fatal(err)
			}
			if got := articleOf(f.Items[0], "https://example.com/feed", now).PublishedAt; !got.Equal(tt.want) {
				t.Errorf("published %s, want %s", got, tt.want)
			}
		})
	}
}
