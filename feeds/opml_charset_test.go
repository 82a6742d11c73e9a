package feeds

import (
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// OPML lists as older readers and Windows tools save them: declared
// ISO-8859-1 or windows-1252, in UTF-16 with a byte-order mark, or with the
// feed's attribute spelled xmlURL or xmlurl. The first three were refused
// as "not OPML", the last gave an import of no feeds without a word.
func TestOPMLListsInOtherEncodingsAndSpellings(t *testing.T) {
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(
		`<?xml version="1.0" encoding="UTF-16"?>` + "\n" + `<opml version="1.0"><body><outline text="Überblick" xmlUrl="http://c.example/rss"/></body></opml>`)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, doc, title, url string
	}{
		{"ISO-8859-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<opml version=\"1.0\"><body><outline text=\"Caf\xe9\" xmlUrl=\"http://a.example/rss\"/></body></opml>", "Café", "http://a.example/rss"},
		{"windows-1252", "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<opml version=\"1.0\"><body><outline text=\"\x93News\x94\" xmlUrl=\"http://b.example/rss\"/></body></opml>", "“News”", "http://b.example/rss"},
		{"UTF-16", utf16, "Überblick", "http://c.example/rss"},
		{"xmlURL", `<opml version="1.0"><body><outline text="D" xmlURL="http://d.example/rss"/></body></opml>`, "D", "http://d.example/rss"},
		{"xmlurl", `<opml version="1.0"><body><outline text="E" xmlurl="http://e.example/rss"/></body></opml>`, "E", "http://e.example/rss"},
	} {
		t.Run(c.name, func(t *testing.T) {
			outs, err := ParseOPMLAll([]byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(outs) != 1 || outs[0].Title != c.title || outs[0].URL != c.url {
				t.Errorf("feeds = %+v, want %q at %s", outs, c.title, c.url)
			}
		})
	}
}
