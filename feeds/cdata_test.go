package feeds

import (
	"html"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mmcdole/gofeed/rss"
)

// sameAsWholeParse checks that parseFeed (CDATA sections cut, see
// cutCDATA) gives what parsing the whole document gives: the same feed,
// every field, and the same HTML noted for the items' images; or fails
// alike. It returns whether the parse of the cut document was kept.
func sameAsWholeParse(t *testing.T, body []byte) (cut bool) {
	t.Helper()
	want, werr := parseDocument(body, nil, nil)
	got, gerr := parseFeed(body)
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("parseFeed fails with %v, the whole document's parse with %v", gerr, werr)
	}
	if werr != nil {
		return false
	}
	want = repairItems(body, want) // a broken item parsed on its own, as parseFeed does
	if !reflect.DeepEqual(got.Feed, want.Feed) {
		t.Fatalf("parseFeed gives\n%+v\nthe whole document's parse\n%+v", got.Feed, want.Feed)
	}
	if len(got.html) != len(want.html) {
		t.Fatalf("%d items' HTML noted, the whole parse %d", len(got.html), len(want.html))
	}
	for i, it := range want.Items {
		w, g := want.html[it], got.html[got.Items[i]]
		if (w == nil) != (g == nil) || w != nil && *w != *g {
			t.Fatalf("item %d: HTML noted %+v, the whole parse %+v", i, g, w)
		}
	}
	doc, marks, ok := cutCDATA(body)
	if !ok {
		return false
	}
	_, err := parseDocument(doc, marks, nil)
	return err == nil
}

const cdataHead = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title><link>https://wire.example/</link>`

// long is HTML longer than cdataMinLen.
var long = `<p>Officials said on <b>Monday</b> that talks would resume in Kursk &amp; Minsk.</p>` +
	"\n<figure><img src=\"https://img.example/1.jpg\"/><figcaption>A photo</figcaption></figure>\r\n<p>More text &#8212; “quoted”.</p>"

// esc is long escaped, as a description of HTML without CDATA.
var esc = html.EscapeString(long)

// TestCutCDATAParsesAsTheWholeDocument: feeds whose CDATA sections are cut
// (or left, where the cut cannot be sure) parse as the whole document does,
// and the common ones take the cut.
func TestCutCDATAParsesAsTheWholeDocument(t *testing.T) {
	item := func(inner string) string {
		return cdataHead + `<item><title>Storm</title><link>https://wire.example/a</link><guid>a-1</guid>` + inner + `</item></channel></rss>`
	}
	tests := []struct {
		name string
		body string
		cut  bool // the cut document's parse is kept
	}{
		{"content", item(`<content:encoded><![CDATA[` + long + `]]></content:encoded>`), true},
		{"description and content", item(`<description><![CDATA[` + long + `]]></description><content:encoded><![CDATA[` + long + long + `]]></content:encoded>`), true},
		{"text and entities around the section", item(`<description>  Lead &amp; <![CDATA[` + long + `]]> tail &lt;b&gt; </description>`), true},
		{"two sections", item(`<content:encoded><![CDATA[` + long + `]]>&amp;<![CDATA[` + long + `]]></content:encoded>`), true},
		{"a CDATA opening inside a section", item(`<content:encoded><![CDATA[` + long + ` <![CDATA[ inner ` + long + `]]></content:encoded>`), true},
		{"channel description", cdataHead + `<description><![CDATA[` + long + `]]></description><item><title>x</title><link>https://wire.example/b</link></item></channel></rss>`, true},
		{"short section left", item(`<description><![CDATA[<p>short</p>]]></description>`), false},
		{"section in a comment", item(`<!-- <description><![CDATA[` + long + `]]></description> --><description>plain</description>`), false},
		{"]]> in an attribute", item(`<content:encoded a="]]>"><![CDATA[` + long + `]]></content:encoded>`), true},
		{"< in an attribute", item(`<content:encoded a="<![CDATA["><![CDATA[` + long + `]]></content:encoded>`), false},
		{"description of the image", cdataHead + `<image><url>https://img.example/l.png</url><description><![CDATA[` + long + `]]></description></image><item><title>x</title></item></channel></rss>`, false},
		{"content of another namespace", cdataHead + `<item xmlns:content="urn:other"><title>x</title><content:encoded><![CDATA[` + long + `]]></content:encoded></item></channel></rss>`, true}, // gofeed goes by the prefix
		{"description of another namespace", cdataHead + `<item><title>x</title><description xmlns="urn:other"><![CDATA[` + long + `]]></description></item></channel></rss>`, false},
		{"content twice", item(`<content:encoded><![CDATA[` + long + `]]></content:encoded><content:encoded><![CDATA[` + long + `x]]></content:encoded>`), false},
		{"description inside an extension", item(`<media:group><description><![CDATA[` + long + `]]></description></media:group>`), false},
		{"doctype", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]>` + item(`<description><![CDATA[` + long + `]]></description>`)[len(`<?xml version="1.0" encoding="utf-8"?>`):], false},
		{"Latin-1 prolog", strings.Replace(item(`<description><![CDATA[`+long+"\xe9]]></description>"), `encoding="utf-8"`, `encoding="ISO-8859-1"`, 1), false},
		{"invalid UTF-8 in a section", item(`<description><![CDATA[` + long + "\xff]]></description>"), false},
		{"U+FFFE in a section", item(`<description><![CDATA[` + long + "\uFFFE]]></description>"), false},
		{"a control byte", item(`<description><![CDATA[` + long + "\x01]]></description>"), false},
		{"a mark's rune by reference", item(`<title>&#xE000;0&#xE001;</title><description><![CDATA[` + long + `]]></description>`), true},
		{"unterminated section", item(`<description><![CDATA[` + long + `</description>`), false},
		{"unclosed item", strings.TrimSuffix(item(`<description><![CDATA[`+long+`]]></description>`), `</item></channel></rss>`), false},
		{"]]> in text", item(`<description>a ]]> b</description><content:encoded><![CDATA[` + long + `]]></content:encoded>`), false},
		{"atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>x</title><id>1</id><description><![CDATA[` + long + `]]></description><content type="html"><![CDATA[` + long + `]]></content></entry></feed>`, false},
		{"json", `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_html":"<description><![CDATA[` + strings.ReplaceAll(long, `"`, `\"`) + `]]></description>"}]}`, false},
		{"self-closed description", item(`<description/><![CDATA[` + long + `]]>`), false},
		{"escaped description", item(`<description>` + esc + `</description>`), true},
		{"escaped description and content", item(`<description>` + esc + `</description><content:encoded>` + esc + esc + `</content:encoded>`), true},
		{"escaped description in spaces", item("<description>\n \u00a0\u2003" + esc + "\r\n\u3000 </description>"), true},
		{"escaped text with an attribute", item(`<description type="html">` + esc + `</description>`), true},
		{"entities of every kind", item(`<description>` + esc + ` &nbsp; AT&T &copy=2; &amp &#x110000; &#X41; &#; &#65 &#x41; &#xD800; &unknown; & ; &` + strings.Repeat("a", 70) + `;</description>`), true},
		{"an entity at the edge", item(`<description>&amp;` + esc + `&lt;</description>`), true},
		{"a reference to a refused character", item(`<description>` + esc + `&#1;</description>`), false},
		{"a reference to U+FFFE", item(`<description>` + esc + `&#xFFFE;</description>`), false},
		{"a reference to NUL", item(`<description>` + esc + `&#0;</description>`), false},
		{"]]> in a long text", item(`<description>` + esc + `]]></description>`), false},
		{"invalid UTF-8 in a long text", item(`<description>` + esc + "\xff</description>"), false},
		{"text and a comment", item(`<description>` + esc + `<!-- c -->` + esc + `</description>`), false},
		{"text, a comment and a section", item(`<description>` + esc + `<!-- c --><![CDATA[` + long + `]]></description>`), true},
		{"text after a section", item(`<description><![CDATA[` + long + `]]>` + esc + `</description>`), true},
		{"a long title", item(`<title>` + esc + `</title><description>short</description>`), false},
		{"channel description text", cdataHead + `<description>` + esc + `</description><item><title>x</title><link>https://wire.example/b</link></item></channel></rss>`, true},
		{"text description of the image", cdataHead + `<image><url>https://img.example/l.png</url><description>` + esc + `</description></image><item><title>x</title></item></channel></rss>`, false},
		{"text description of another namespace", cdataHead + `<item><title>x</title><description xmlns="urn:other">` + esc + `</description></item></channel></rss>`, false},
		{"text in an extension", item(`<media:group><description>` + esc + `</description></media:group>`), false},
		{"description twice", item(`<description>` + esc + `</description><description>` + esc + `x</description>`), false},
		{"text of an unclosed description", item(`<description>` + esc + `</item>`), false},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item><title>x</title><link>https://wire.example/r</link><description><![CDATA[` + long + `]]></description></item></rdf:RDF>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if cut := sameAsWholeParse(t, []byte(tt.body)); cut != tt.cut {
				t.Errorf("the cut document's parse kept: %v, want %v", cut, tt.cut)
			}
		})
	}
}

// TestCutCDATAOnTheFillsFeed: an RSS document of items as news sites send
// them (benchFeed, as cmd/fill -html makes them) parses as the whole
// document does, through the cut.
func TestCutCDATAOnTheFillsFeed(t *testing.T) {
	if !sameAsWholeParse(t, benchFeed()) {
		t.Error("the cut document's parse was not kept")
	}
}

// FuzzCutCDATA: whatever the document, parseFeed gives what parsing it
// whole gives.
func FuzzCutCDATA(f *testing.F) {
	f.Add([]byte(cdataHead + `<item><title>t</title><description>a <![CDATA[` + long + `]]> b</description><content:encoded><![CDATA[` + long + `]]></content:encoded></item></channel></rss>`))
	f.Add([]byte(cdataHead + `<!-- c --><?pi x?><item><content:encoded x='1' y="]]>"><![CDATA[` + long + `]]></content:encoded></item></channel></rss>`))
	f.Add([]byte(cdataHead + `<item><title>t</title><description> ` + esc + ` &#1; &#xD800; &amp</description><content:encoded>` + esc + `</content:encoded></item></channel></rss>`))
	f.Add([]byte(fuzzRSS))
	f.Add([]byte(fuzzAtom))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsWholeParse(t, data)
	})
}

// TestXMLTextAsByteByByte: the checks that read many bytes at a time
// answer as a reading of one rune at a time does, on random bytes of every
// kind.
func TestXMLTextAsByteByByte(t *testing.T) {
	slowText := func(b []byte) bool {
		for _, r := range string(b) {
			if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
				return false
			}
		}
		return utf8.Valid(b)
	}
	slowControl := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return true
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "Z", " ", "~", "\x7f", "\t", "\n", "\r", "\x00", "\x1f", "\x20", "é", "\u2014", "\uFFFE", "\uFFFF", "\uFFFD", "\U0001F600", "\xff", "\xc3", "\xed\xa0\x80"}
	for range 20000 {
		var b []byte
		for range rng.IntN(120) { // past hasControlByte's 32 bytes at a time
			if rng.IntN(4) > 0 {
				b = append(b, "plain text, "[rng.IntN(12)])
			} else {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
		}
		if got, want := xmlText(b), slowText(b); got != want {
			t.Fatalf("xmlText(%q) = %v, want %v", b, got, want)
		}
		if got, want := hasControlByte(b), slowControl(b); got != want {
			t.Fatalf("hasControlByte(%q) = %v, want %v", b, got, want)
		}
		if got, want := xmlRunes(b), slowText(b); !slowControl(b) && got != want {
			t.Fatalf("xmlRunes(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestRestoreMakesEachFieldOnce: putting the contents back makes each
// restored field in one allocation, whatever its length (not a builder
// grown as the content is written), beside the restore's own two.
func TestRestoreMakesEachFieldOnce(t *testing.T) {
	body := []byte(cdataHead)
	for i := range 10 {
		body = append(body, `<item><title>t</title><guid>g`+strings.Repeat("x", i)+`</guid><description>`+esc+`</description><content:encoded>x <![CDATA[`+strings.Repeat(long, 5)+`]]> y</content:encoded></item>`...)
	}
	body = append(body, `</channel></rss>`...)
	doc, marks, ok := cutCDATA(body)
	if !ok || len(marks.contents) != 20 {
		t.Fatalf("cut: %v, %d marks", ok, len(marks.contents))
	}
	parsed, err := parseDocument(doc, nil, nil) // the marks left in place
	if err != nil {
		t.Fatal(err)
	}
	_ = parsed
	f := func() *rss.Feed {
		var rf rss.Feed
		for _, it := range parsed.Items {
			rf.Items = append(rf.Items, &rss.Item{Description: it.Description, Content: it.Content})
		}
		return &rf
	}
	feeds := make([]*rss.Feed, 0, 30)
	for range 30 {
		feeds = append(feeds, f())
	}
	next := 0
	allocs := testing.AllocsPerRun(20, func() {
		if !marks.restore(feeds[next]) {
			t.Fatal("not restored")
		}
		next++
	})
	if want := float64(2 + 20); allocs > want {
		t.Errorf("restore: %v allocations, want at most %v (20 fields)", allocs, want)
	}
	sameAsWholeParse(t, body)
}
