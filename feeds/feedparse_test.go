package feeds

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// lazyArticlesOf parses body with parseFeed and makes each item's article
// as the poller does for a new item: itemOf, then the text cleaned and the
// image found (finishText).
func lazyArticlesOf(tb testing.TB, body []byte, feedURL string, now time.Time) ([]news.Article, error) {
	tb.Helper()
	feed, err := parseFeed(body)
	if err != nil {
		return nil, err
	}
	var out []news.Article
	for _, it := range feed.Items {
		if it == nil {
			out = append(out, news.Article{})
			continue
		}
		a, raw := itemOf(it, feedURL, now, summarize.CleanText, feed.html[it], feed.sources[it])
		if raw != nil {
			a.Text = raw.text(summarize.CleanText).Text
			if raw.html != nil {
				a.ImageURL = raw.image()
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// sameAsGofeed checks that parseFeed's articles, their images found late,
// are those of gofeed's own parse, whose translator finds the images at
// once.
func sameAsGofeed(t *testing.T, body []byte, feedURL string, now time.Time) {
	t.Helper()
	want, werr := gofeed.NewParser().Parse(bytes.NewReader(body))
	got, gerr := lazyArticlesOf(t, body, feedURL, now)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("gofeed's parse fails with %v, parseFeed with %v", werr, gerr)
	}
	if werr != nil {
		return
	}
	// A document with a broken item is parsed one item at a time, as
	// parseFeed does (repairItems); gofeed's items are then those pieces'.
	items := repairItems(body, parsedFeed{Feed: want}).Items
	if len(got) != len(items) {
		t.Fatalf("%d items, gofeed %d", len(got), len(items))
	}
	for i, it := range items {
		if it == nil {
			continue
		}
		if w := articleOf(it, feedURL, now); got[i] != w {
			t.Fatalf("item %d: %+v\nwant (gofeed) %+v", i, got[i], w)
		}
	}
}

// TestImagesFoundLateAsGofeedFindsThem: an RSS item's image that gofeed
// would find in its HTML, found only for a new item (parseFeed), is the
// one gofeed finds, and so is every other field of the article.
func TestImagesFoundLateAsGofeedFindsThem(t *testing.T) {
	const head = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title><link>https://example.com/</link>`
	items := []struct{ name, item string }{
		{"content img", `<content:encoded><![CDATA[<p>Rivers rose.</p><figure><img src="/img/1.jpg"/></figure>]]></content:encoded>`},
		{"description img", `<description>&lt;p&gt;Rivers &lt;img src="https://img.example/d.jpg"&gt; rose.&lt;/p&gt;</description>`},
		{"content without, description with", `<content:encoded><![CDATA[<p>No image.</p>]]></content:encoded><description><![CDATA[<img src="https://img.example/d2.jpg">]]></description>`},
		{"img without src, then one", `<content:encoded><![CDATA[<img alt="x"><p>Text</p><img src="https://img.example/second.jpg">]]></content:encoded>`},
		{"empty src wins over description", `<content:encoded><![CDATA[<img src=""><p>Text</p>]]></content:encoded><description><![CDATA[<img src="https://img.example/d3.jpg">]]></description><media:thumbnail url="https://img.example/th.jpg"/>`},
		{"data src then thumbnail", `<content:encoded><![CDATA[<img src="data:image/png;base64,AAAA">]]></content:encoded><media:thumbnail url="https://img.example/th2.jpg"/>`},
		{"upper case and image tag", `<content:encoded><![CDATA[<P>Text <IMAGE SRC="https://img.example/u.jpg"></P>]]></content:encoded>`},
		{"img in a table, foster-parented", `<content:encoded><![CDATA[<table><tr><td>cell</td></tr><img src="https://img.example/t2.jpg"></table><img src="https://img.example/t1.jpg">]]></content:encoded>`},
		{"escaped markup is text", `<content:encoded><![CDATA[<p>&lt;img src="https://img.example/no.jpg"&gt;</p>]]></content:encoded>`},
		{"svg image is not img", `<content:encoded><![CDATA[<svg><image href="https://img.example/s.svg"/></svg><p>x</p>]]></content:encoded>`},
		{"enclosure first", `<enclosure url="https://img.example/e.jpg" type="image/jpeg" length="1"/><content:encoded><![CDATA[<img src="https://img.example/c.jpg">]]></content:encoded>`},
		{"itunes image first", `<itunes:image href="https://img.example/it.jpg"/><content:encoded><![CDATA[<img src="https://img.example/c.jpg">]]></content:encoded>`},
		{"dc description is not scanned", `<dc:description>&lt;img src="https://img.example/dc.jpg"&gt;</dc:description>`},
		{"no guid: found at once", `<description><![CDATA[<img src="https://img.example/ng.jpg"><p>Only text.</p>]]></description>`},
		{"none", `<description>Plain words.</description>`},
	}
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	for i, tt := range items {
		t.Run(tt.name, func(t *testing.T) {
			link := `<link>https://example.com/` + strings.Repeat("x", i) + `</link>`
			if strings.HasPrefix(tt.name, "no guid") {
				link = ""
			}
			body := head + `<item><title>Storm</title>` + link + tt.item + `</item></channel></rss>`
			sameAsGofeed(t, []byte(body), "https://example.com/feed", now)
		})
	}
	t.Run("atom", func(t *testing.T) {
		sameAsGofeed(t, []byte(fuzzAtom), "https://wire.example/feed.xml", now)
	})
	t.Run("rss", func(t *testing.T) {
		sameAsGofeed(t, []byte(fuzzRSS), "https://wire.example/feed.xml", now)
	})
}

// TestFeedImageFoundAsGofeedFindsIt: the feed's own image, from its
// description's HTML, is gofeed's too.
func TestFeedImageFoundAsGofeedFindsIt(t *testing.T) {
	body := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://example.com/</link>
<description>&lt;img src="https://img.example/logo.png"&gt; News</description><item><title>Storm</title><link>https://example.com/1</link></item></channel></rss>`)
	want, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseFeed(body)
	if err != nil {
		t.Fatal(err)
	}
	if got.Image == nil || want.Image == nil || *got.Image != *want.Image {
		t.Fatalf("feed image %+v, gofeed's %+v", got.Image, want.Image)
	}
}
