package feeds

import (
	"bytes"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// Fuzz targets of what feeds parse from outside: feeds and their items,
// OPML, and article pages. FUZZING.md says how to run them longer.

const fuzzRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Talks resume in Kursk &amp; Minsk</title><link>/world/kursk-talks</link><guid>kursk-1</guid>
<pubDate>Mon, 24 Nov 2026 09:30:00 +0000</pubDate><description><![CDATA[<p>Officials said on <b>Monday</b> that talks would resume.</p>]]></description></item>
<item><title>No guid here</title><link>https://wire.example/b</link></item>
<item><title></title><description>Only a description, no link.</description></item>
</channel></rss>`

const fuzzAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title type="html">Gas deal &lt;b&gt;signed&lt;/b&gt;</title><id>tag:wire.example,2026:1</id>
<link href="https://wire.example/gas"/><updated>2099-01-01T00:00:00Z</updated>
<content type="html">&lt;p&gt;The deal covers ten years.&lt;/p&gt;</content></entry></feed>`

// FuzzFeedItems parses a feed and turns its items into articles as the
// poller does: every article has an identity, the same on a second parse
// (new-item detection relies on it), bounded lengths, valid UTF-8, an
// http(s) link or none, and no publication time after now; parseFeed gives
// the same articles.
func FuzzFeedItems(f *testing.F) {
	f.Add([]byte(fuzzRSS))
	f.Add([]byte(fuzzAtom))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","title":"One","content_html":"<p>x</p>"}]}`))
	f.Add([]byte(`<rss><channel><item><link>javascript:alert(1)</link><title>&#xD800;</title></item></channel></rss>`))
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	const feedURL = "https://wire.example/feed.xml"
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsGofeed(t, data, feedURL, now) // images found late (parseFeed), the rest as well
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		again, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil || len(again.Items) != len(feed.Items) {
			t.Fatalf("a second parse differs: %v", err)
		}
		for i, it := range feed.Items {
			if it == nil {
				continue
			}
			a := articleOf(it, feedURL, now)
			if a.GUID == "" {
				t.Fatalf("item %d has no identity", i)
			}
			if b := articleOf(again.Items[i], feedURL, now); b.GUID != a.GUID {
				t.Fatalf("item %d: identity %q, then %q", i, a.GUID, b.GUID)
			}
			if len(a.Title) > maxTitle || len(a.Text) > maxText {
				t.Fatalf("item %d: title %d bytes, text %d bytes; caps %d, %d", i, len(a.Title), len(a.Text), maxTitle, maxText)
			}
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Text) {
				t.Fatalf("item %d: invalid UTF-8 in %q / %q", i, a.Title, a.Text)
			}
			if a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
				t.Fatalf("item %d: link %q", i, a.URL)
			}
			if a.PublishedAt.After(now) {
				t.Fatalf("item %d: published %v, after now", i, a.PublishedAt)
			}
		}
	})
}

const fuzzOPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="News"><outline text="Wire" title="The Wire" type="rss" xmlUrl="https://wire.example/rss"/>
<outline text="Dup" xmlUrl="https://wire.example/rss"/></outline>
<outline text="Blog &amp; more" type="rss" xmlUrl=" https://blog.example/atom.xml "/>
</body></opml>`

// FuzzOPML parses OPML: at most MaxOutlines feeds, each URL once and
// trimmed, titles within 200 bytes; and what WriteOPML writes parses back
// to the same feeds.
func FuzzOPML(f *testing.F) {
	f.Add([]byte(fuzzOPML))
	f.Add([]byte(`<opml version="1.0"><body></body></opml>`))
	f.Add([]byte(`<opml><body><outline xmlUrl="x"><outline xmlUrl="y"/></outline></body></opml>`))
	f.Add([]byte(`<html><body>not opml</body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := ParseOPML(data)
		if err != nil {
			return
		}
		if len(out) > MaxOutlines {
			t.Fatalf("%d feeds, cap %d", len(out), MaxOutlines)
		}
		seen := map[string]bool{}
		for _, o := range out {
			if o.URL == "" || o.URL != strings.TrimSpace(o.URL) || seen[o.URL] {
				t.Fatalf("URL %q empty, untrimmed or repeated", o.URL)
			}
			seen[o.URL] = true
			if len(o.Title) > 200 {
				t.Fatalf("title of %d bytes", len(o.Title))
			}
		}
		doc, err := WriteOPML("export", out, time.Unix(0, 0))
		if err != nil {
			return // text XML cannot carry (control characters)
		}
		back, err := ParseOPML(doc)
		if err != nil {
			t.Fatalf("WriteOPML's output does not parse: %v\n%s", err, doc)
		}
		if len(out) > 0 && !reflect.DeepEqual(normalizeOutlines(back), normalizeOutlines(out)) {
			t.Fatalf("round trip:\n%q\nbecame\n%q", out, back)
		}
	})
}

// normalizeOutlines compares what survives XML: its whitespace rules
// fold line ends and trim.
func normalizeOutlines(os []Outline) []Outline {
	var out []Outline
	for _, o := range os {
		out = append(out, Outline{Title: strings.Join(strings.Fields(o.Title), " "), URL: strings.Join(strings.Fields(o.URL), " ")})
	}
	return out
}

const fuzzPage = `<!doctype html><html><head><meta charset="utf-8"><title>Talks resume</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks resume in Kursk</h1><p>Officials said on Monday that the talks would resume next week, after a pause of three months.</p>
<p>The delegations will meet in Minsk. Both sides said they expected progress on the gas deal and on prisoner exchanges.</p>
<p>Analysts were cautious: earlier rounds ended without agreement, and the front line has barely moved since the spring.</p></article>
<footer>© 2026 Wire. All rights reserved. Subscribe to our newsletter.</footer></body></html>`

// FuzzPageText extracts an article page's text as the page fetcher does:
// paragraphs trimmed, one blank line between them, and idempotent
// paragraph cleaning; its image, if any, is an http(s) URL.
func FuzzPageText(f *testing.F) {
	f.Add([]byte(fuzzPage), "text/html; charset=utf-8")
	f.Add([]byte(`<html><body><p>`+strings.Repeat("word ", 200)+`</p></body></html>`), "")
	f.Add([]byte("\xef\xbb\xbf<p>BOM page with enough words to count as an article body, one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty forty fifty.</p>"), "text/html; charset=iso-8859-1")
	u, err := url.Parse("https://wire.example/world/kursk")
	if err != nil {
		f.Fatal(err)
	}
	resp := &http.Response{Request: &http.Request{URL: u}}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		page, err := pageExtract(body, contentType, resp)
		if err != nil {
			return
		}
		if page.ImageURL != "" && !strings.HasPrefix(page.ImageURL, "http://") && !strings.HasPrefix(page.ImageURL, "https://") {
			t.Fatalf("page image not http(s): %q", page.ImageURL)
		}
		text := page.Text
		if text != strings.TrimSpace(text) || strings.Contains(text, "\n\n\n") {
			t.Fatalf("text not in paragraphs: %q", text)
		}
		if again := pageParagraphs(text); again != text {
			t.Fatalf("paragraphs not idempotent:\n%q\n%q", text, again)
		}
	})
}
