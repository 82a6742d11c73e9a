package feeds

import (
	"strings"
	"testing"
)

// benchFeed is an RSS document of 20 items as news sites send them (as
// cmd/fill -html makes them): a title, link, guid and date, the first
// paragraph escaped in the description, and the whole article, about
// 2,700 bytes of paragraphs with a photo, in a CDATA section of
// content:encoded.
func benchFeed() []byte {
	para := `<p>Officials said on Monday that the talks would resume in the capital after a week of delays, and that both sides had agreed to a &#8220;framework&#8221; for the next round &#8212; a step that diplomats called modest.</p>` + "\n"
	var b strings.Builder
	b.WriteString(cdataHead)
	for i := range 20 {
		id := strings.Repeat("x", i+1)
		b.WriteString(`<item><title>Talks resume ` + id + `</title><link>https://wire.example/` + id + `</link><guid isPermaLink="false">g-` + id + `</guid>` +
			`<pubDate>Mon, 24 Nov 2026 09:30:00 +0000</pubDate><description>&lt;p&gt;Officials said on Monday that the talks would resume.&lt;/p&gt;</description>` +
			`<content:encoded><![CDATA[` + para + `<figure class="wp-caption"><img src="https://wire.example/img/` + id + `.jpg" alt="A photo" width="800" height="450"/><figcaption>Talks on Tuesday. Photo: Wire &amp; Agencies</figcaption></figure>` + "\n" +
			strings.Repeat(para, 11) + `]]></content:encoded></item>` + "\n")
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// BenchmarkParseFeed: parseFeed of benchFeed, its CDATA sections cut.
func BenchmarkParseFeed(b *testing.B) {
	body := benchFeed()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseFeed(body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseFeedWhole: the same document parsed whole, as before the cut.
func BenchmarkParseFeedWhole(b *testing.B) {
	body := benchFeed()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseDocument(body, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
