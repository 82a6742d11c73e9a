package feeds

import (
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
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
