package feeds

import (
	"net/url"
	"testing"
)

func TestFindHub(t *testing.T) {
	const base = "https://news.example.org/feed.xml"
	tests := []struct {
		name      string
		body      string
		links     []string
		hub, self string
	}{
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="hub" href="https://hub.example/"/><link rel="self" href="https://news.example.org/atom"/><entry><link rel="hub" href="https://wrong.example/"/></entry></feed>`,
			nil, "https://hub.example/", "https://news.example.org/atom"},
		{"rss atom:link", `<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel><link>https://news.example.org/</link><atom:link rel="self" href="/rss"/><atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/></channel></rss>`,
			nil, "https://pubsubhubbub.appspot.com/", "https://news.example.org/rss"},
		{"link header first", `<feed><link rel="hub" href="https://body.example/"/></feed>`,
			[]string{`<https://header.example/hub>; rel="hub", <https://news.example.org/self>; rel="self"`}, "https://header.example/hub", "https://news.example.org/self"},
		{"link header, several rels", "", []string{`<https://a.example/x>; rel="alternate"`, `<https://h.example/>;rel="hub self"`}, "https://h.example/", "https://h.example/"},
		{"header hub, body self", `<feed><link rel="self" href="https://news.example.org/s"/></feed>`, []string{`</hub>; rel=hub`}, "https://news.example.org/hub", "https://news.example.org/s"},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","feed_url":"https://news.example.org/feed.json","hubs":[{"type":"rssCloud","url":"https://c.example/"},{"type":"WebSub","url":"https://hub.example/j"}],"items":[]}`,
			nil, "https://hub.example/j", "https://news.example.org/feed.json"},
		{"no hub", `<rss><channel><link>https://news.example.org/</link></channel></rss>`, nil, "", base},
		{"hub only in an item", `<rss><channel><item><link rel="hub" href="https://item.example/"/></item></channel></rss>`, nil, "", base},
		{"not http", `<feed><link rel="hub" href="javascript:alert(1)"/></feed>`, nil, "", base},
		{"broken xml", `<feed><link rel="hub" href="https://hub.example/"`, nil, "", base},
		{"garbage", "\x00\xff{", []string{"<<>>;;rel=", ">oops<"}, "", base},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hub, self := FindHub(base, []byte(tt.body), tt.links)
			if hub != tt.hub || self != tt.self {
				t.Errorf("FindHub = %q, %q; want %q, %q", hub, self, tt.hub, tt.self)
			}
		})
	}
}

// FuzzFindHub reads a feed's head and a Link header: it never panics, and
// what it returns is an absolute http(s) URL with a host (or "" for no hub).
func FuzzFindHub(f *testing.F) {
	f.Add(`<feed><link rel="hub" href="https://hub.example/"/><link rel="self" href="/atom"/></feed>`, `<https://h.example/>; rel="hub"`)
	f.Add(`<rss><channel><atom:link rel="hub" href="//hub.example/x"/><item/></channel></rss>`, "")
	f.Add(`{"feed_url":"https://j.example/f","hubs":[{"type":"WebSub","url":"ftp://x"}]}`, `<>;rel=hub,<`)
	f.Fuzz(func(t *testing.T, body, link string) {
		hub, topic := FindHub("https://news.example.org/feed.xml", []byte(body), []string{link})
		for _, u := range []string{hub, topic} {
			if u == "" && u == hub {
				continue
			}
			p, err := url.Parse(u)
			if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
				t.Fatalf("FindHub returned %q", u)
			}
		}
	})
}
