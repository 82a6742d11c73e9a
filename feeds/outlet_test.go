package feeds

import (
	"testing"
	"time"
)

// TestItemOutlet: an item's Outlet is its RSS <source> name, else the
// outlet's name an aggregator appended to its title (cut from it), else
// none; a feed's own item with a dash in its title names none.
func TestItemOutlet(t *testing.T) {
	const link = "https://news.google.com/rss/articles/CBMi1"
	gnewsDesc := `<description><![CDATA[<a href="` + link + `" target="_blank">Storm Bert batters Wales</a>&nbsp;&nbsp;<font color="#6f6f6f">BBC News</font>]]></description>`
	for _, tt := range []struct {
		name, item            string
		wantTitle, wantOutlet string
	}{
		{name: "Google News item with its source",
			item:      `<title>Storm Bert batters Wales - BBC News</title>` + gnewsDesc + `<source url="https://www.bbc.co.uk">BBC News</source>`,
			wantTitle: "Storm Bert batters Wales", wantOutlet: "BBC News"},
		{name: "source without a url, spaces made single",
			item: `<title>Dam bursts upstream of Dresden</title><source>  ABC15 
 Arizona </source>`,
			wantTitle: "Dam bursts upstream of Dresden", wantOutlet: "ABC15 Arizona"},
		{name: "source with markup and an entity",
			item:      `<title>Rates rise again</title><source url="https://www.ft.com">&lt;b&gt;Financial Times&lt;/b&gt; &amp; FT.com</source>`,
			wantTitle: "Rates rise again", wantOutlet: "Financial Times & FT.com"},
		{name: "empty source: the title's outlet",
			item:      `<title>Storm Bert batters Wales - BBC News</title>` + gnewsDesc + `<source url="https://www.bbc.co.uk">  </source>`,
			wantTitle: "Storm Bert batters Wales", wantOutlet: "BBC News"},
		{name: "no source: the title's outlet",
			item:      `<title>Storm Bert batters Wales - BBC News</title>` + gnewsDesc,
			wantTitle: "Storm Bert batters Wales", wantOutlet: "BBC News"},
		{name: "an outlet's own item with a dash",
			item:      `<title>Brexit - what happens next</title><description>MPs vote on Tuesday on the withdrawal agreement.</description>`,
			wantTitle: "Brexit - what happens next", wantOutlet: ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://news.google.com/</link>` +
				`<item>` + tt.item + `<link>` + link + `</link><guid>` + link + `</guid></item></channel></rss>`)
			arts, err := lazyArticlesOf(t, body, "https://news.google.com/rss", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles, want 1", len(arts))
			}
			if a := arts[0]; a.Title != tt.wantTitle || a.Outlet != tt.wantOutlet {
				t.Errorf("title, outlet = %q, %q, want %q, %q", a.Title, a.Outlet, tt.wantTitle, tt.wantOutlet)
			}
		})
	}
}
