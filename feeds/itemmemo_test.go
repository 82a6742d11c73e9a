package feeds

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
)

// sameAfterMemo parses body with parseFeedAfter and the memo memos holds
// for source 1 (then keeps the parse's memo there, as the poller does),
// and checks that it gives what parsing the whole document gives: the
// same feed, every field, the same HTML noted for the items' images and
// the same <source> names; or fails alike. It returns how many items the
// parse took from the memo.
func sameAfterMemo(t *testing.T, memos *itemMemos, body []byte) (hits int) {
	t.Helper()
	last := memos.last(1)
	want, werr := parseDocument(body, nil, nil)
	got, gerr := parseFeedAfter(body, last)
	memos.keep(1, got.memo)
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("parseFeedAfter fails with %v, the whole document's parse with %v", gerr, werr)
	}
	if werr != nil {
		return 0
	}
	want = repairItems(body, want) // a broken item parsed on its own, as parseFeedAfter does
	if !reflect.DeepEqual(got.Feed, want.Feed) {
		t.Fatalf("parseFeedAfter gives\n%+v\nthe whole document's parse\n%+v", got.Feed, want.Feed)
	}
	if len(got.html) > len(got.Items) || len(want.html) > len(want.Items) {
		t.Fatalf("HTML noted for %d items of %d (the whole parse: %d of %d)", len(got.html), len(got.Items), len(want.html), len(want.Items))
	}
	for i, it := range want.Items {
		w, g := want.html[it], got.html[got.Items[i]]
		if (w == nil) != (g == nil) || w != nil && *w != *g {
			t.Fatalf("item %d: HTML noted %+v, the whole parse %+v", i, g, w)
		}
		if ws, gs := want.sources[it], got.sources[got.Items[i]]; ws != gs {
			t.Fatalf("item %d: source %q, the whole parse %q", i, gs, ws)
		}
	}
	doc, marks, plan, ok := cutItems(body, last)
	if !ok || plan == nil {
		return 0
	}
	if _, err := parseDocument(doc, marks, plan); err != nil {
		return 0 // the whole document decided
	}
	return plan.hits
}

// memoItem is an RSS item of benchFeed's kind, of number n.
func memoItem(n int) string {
	id := strings.Repeat("x", n+1)
	return `<item><title>Talks resume ` + id + `</title><link>https://wire.example/` + id + `</link><guid isPermaLink="false">g-` + id + `</guid>` +
		`<pubDate>Mon, 24 Nov 2026 09:30:00 +0000</pubDate><description>&lt;p&gt;Officials said on Monday that the talks would resume.&lt;/p&gt;</description>` +
		`<content:encoded><![CDATA[<p>Officials said.</p><img src="https://wire.example/img/` + id + `.jpg"/>` + strings.Repeat("<p>More text.</p>", 8) + `]]></content:encoded></item>` + "\n"
}

// memoFeed is an RSS document of the items from to to (exclusive), newest
// first, in head's context.
func memoFeed(head string, from, to int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for n := to - 1; n >= from; n-- {
		b.WriteString(memoItem(n))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// TestItemMemoParsesAsTheWholeDocument: a fetch parsed after another of
// the same source, its repeated items taken from the memo where the
// document allows it, parses as the whole document does; the common case
// (the items of the last fetch, some new ones on top) takes every
// repeated item from the memo.
func TestItemMemoParsesAsTheWholeDocument(t *testing.T) {
	const other = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="urn:other-media"><channel><title>Wire</title><link>https://wire.example/</link>`
	based := strings.Replace(cdataHead, "<channel>", `<channel xml:base="https://base.example/dir/">`, 1)
	rebased := strings.Replace(cdataHead, "<channel>", `<channel xml:base="https://other.example/">`, 1)
	item := func(inner string) string { return `<item><title>Storm</title><guid>s-1</guid>` + inner + `</item>` }
	withItems := func(head string, items ...string) []byte {
		return []byte(head + strings.Join(items, "\n") + `</channel></rss>`)
	}
	tests := []struct {
		name        string
		first, then []byte
		hits        int // the items the second parse takes from the memo
	}{
		{"five new items on top of twenty", memoFeed(cdataHead, 0, 20), memoFeed(cdataHead, 5, 25), 15},
		{"the same fetch", memoFeed(cdataHead, 0, 20), memoFeed(cdataHead, 0, 20), 20},
		{"the photos' numbers changed in the sections", memoFeed(cdataHead, 0, 20), []byte(strings.ReplaceAll(string(memoFeed(cdataHead, 5, 25)), ".jpg", "-2.jpg")), 15},
		{"the sections' contents changed", withItems(cdataHead, item(`<description>`+esc+`</description><content:encoded><![CDATA[`+long+`]]></content:encoded>`)), withItems(cdataHead, item(`<description>`+esc+`&amp;</description><content:encoded><![CDATA[`+long+long+`]]></content:encoded>`)), 1},
		{"a section that grew past the cut's least", withItems(cdataHead, item(`<description><![CDATA[<p>short</p>]]></description>`)), withItems(cdataHead, item(`<description><![CDATA[<p>short</p>`+long+`]]></description>`)), 0},
		{"a section with text around it", withItems(cdataHead, item(`<description> Lead &amp; <![CDATA[`+long+`]]> tail</description>`)), withItems(cdataHead, item(`<description> Lead &amp; <![CDATA[`+long+`x]]> tail</description>`)), 0},
		{"two sections in one content", withItems(cdataHead, item(`<content:encoded><![CDATA[`+long+`]]><![CDATA[`+long+`]]></content:encoded>`)), withItems(cdataHead, item(`<content:encoded><![CDATA[`+long+`x]]><![CDATA[`+long+`y]]></content:encoded>`)), 0},
		{"a section in an extension", withItems(cdataHead, item(`<media:group><description><![CDATA[`+long+`]]></description></media:group>`)), withItems(cdataHead, item(`<media:group><description><![CDATA[`+long+`x]]></description></media:group>`)), 0},
		{"description and content the same", withItems(cdataHead, item(`<description><![CDATA[`+long+`]]></description><content:encoded><![CDATA[`+long+`]]></content:encoded>`)), withItems(cdataHead, item(`<description><![CDATA[`+long+`x]]></description><content:encoded><![CDATA[`+long+`y]]></content:encoded>`)), 1},
		{"an item changed", memoFeed(cdataHead, 0, 3), []byte(strings.Replace(string(memoFeed(cdataHead, 0, 3)), "Talks resume xx<", "Talks resumed xx<", 1)), 2},
		{"another namespace on the root", memoFeed(cdataHead, 0, 3), memoFeed(other, 0, 3), 0},
		{"another base on the channel", memoFeed(based, 0, 3), memoFeed(rebased, 0, 3), 0},
		{"relative links under the same base", withItems(based, item(`<link>a/b</link><comments>c</comments>`)), withItems(based, item(`<link>a/b</link><comments>c</comments>`), item(`<link>x</link>`)), 1},
		{"an item with an attribute", withItems(cdataHead, `<item rdf:about="x"><title>a</title><guid>g-attribute</guid></item>`), withItems(cdataHead, `<item rdf:about="x"><title>a</title><guid>g-attribute</guid></item>`), 0},
		{"an item in capitals", withItems(cdataHead, `<ITEM><title>a</title><guid>g-capitals-1</guid></ITEM>`, memoItem(1)), withItems(cdataHead, `<ITEM><title>a</title><guid>g-capitals-1</guid></ITEM>`, memoItem(1)), 0},
		{"an item of a prefix", withItems(cdataHead, `<x:item xmlns:x="urn:x"><title>a</title><guid>g-prefixed</guid></x:item>`, memoItem(1)), withItems(cdataHead, `<x:item xmlns:x="urn:x"><title>a</title><guid>g-prefixed</guid></x:item>`, memoItem(1)), 0},
		{"an item outside the channel", memoFeed(cdataHead, 0, 3), []byte(strings.Replace(string(memoFeed(cdataHead, 0, 3)), `</channel></rss>`, `</channel>`+memoItem(7)+`</rss>`, 1)), 0},
		{"a second channel", memoFeed(cdataHead, 0, 3), []byte(strings.Replace(string(memoFeed(cdataHead, 0, 3)), `</channel></rss>`, `</channel><channel><title>B</title>`+memoItem(8)+`</channel></rss>`, 1)), 0},
		{"a misnested tag after the items", memoFeed(cdataHead, 0, 3), []byte(strings.Replace(string(memoFeed(cdataHead, 0, 3)), `</channel></rss>`, `<copyright><b>x</copyright></b></channel></rss>`, 1)), 0},
		{"a misnested tag in the first fetch", []byte(strings.Replace(string(memoFeed(cdataHead, 0, 3)), `</channel></rss>`, `<copyright><b>x</copyright></b></channel></rss>`, 1)), memoFeed(cdataHead, 0, 3), 0},
		{"cut short after the items", memoFeed(cdataHead, 0, 3), bytes.TrimSuffix(memoFeed(cdataHead, 0, 3), []byte(`</channel></rss>`)), 0},
		{"an item twice", memoFeed(cdataHead, 0, 3), withItems(cdataHead, memoItem(1), memoItem(1), memoItem(2)), 3},
		{"an end tag in a section", withItems(cdataHead, item(`<description><![CDATA[ </item> `+long+`]]></description>`)), withItems(cdataHead, item(`<description><![CDATA[ </item> `+long+`]]></description>`), memoItem(4)), 1},
		{"no section to cut", withItems(cdataHead, item(`<link>https://wire.example/s</link>`)), withItems(cdataHead, item(`<link>https://wire.example/s</link>`), item(`<link>https://wire.example/t</link>`)), 1},
		{"a source and an image", withItems(cdataHead, item(`<source url="https://out.example/rss">Outlet Times</source><description><![CDATA[`+long+`]]></description>`)), withItems(cdataHead, item(`<source url="https://out.example/rss">Outlet Times</source><description><![CDATA[`+long+`]]></description>`)), 1},
		{"media and a category", withItems(cdataHead, item(`<media:content url="https://img.example/m.jpg" medium="image"/><category>World</category><author>a@b.example (A B)</author>`)), withItems(cdataHead, item(`<media:content url="https://img.example/m.jpg" medium="image"/><category>World</category><author>a@b.example (A B)</author>`)), 1},
		{"items made extensions by the root's namespace", memoFeed(strings.Replace(cdataHead, "<rss ", `<rss xmlns="http://purl.org/dc/elements/1.1/" `, 1), 0, 3), memoFeed(strings.Replace(cdataHead, "<rss ", `<rss xmlns="http://purl.org/dc/elements/1.1/" `, 1), 0, 3), 0},
		{"atom then RSS", []byte(fuzzAtom), memoFeed(cdataHead, 0, 2), 0},
		{"RSS then atom", memoFeed(cdataHead, 0, 2), []byte(fuzzAtom), 0},
		{"a doctype", memoFeed(cdataHead, 0, 3), []byte(`<?xml version="1.0"?><!DOCTYPE rss>` + string(memoFeed(cdataHead, 0, 3))[len(`<?xml version="1.0" encoding="utf-8"?>`):]), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var memos itemMemos
			sameAfterMemo(t, &memos, tt.first)
			if hits := sameAfterMemo(t, &memos, tt.then); hits != tt.hits {
				t.Errorf("%d items taken from the memo, want %d", hits, tt.hits)
			}
		})
	}
}

// TestItemMemoAllocatesLess: a fetch of the last one's items and five new
// ones allocates less than half of what its parse without the memo does
// (the items repeated are translated, not parsed).
func TestItemMemoAllocatesLess(t *testing.T) {
	first, then := memoFeed(cdataHead, 0, 20), memoFeed(cdataHead, 5, 25)
	var memos itemMemos
	f, err := parseFeedAfter(first, memos.last(1))
	if err != nil {
		t.Fatal(err)
	}
	memos.keep(1, f.memo)
	last := memos.last(1)
	with := testing.AllocsPerRun(20, func() {
		if _, err := parseFeedAfter(then, last); err != nil {
			t.Fatal(err)
		}
	})
	without := testing.AllocsPerRun(20, func() {
		if _, err := parseFeed(then); err != nil {
			t.Fatal(err)
		}
	})
	if with*2 > without {
		t.Errorf("%.0f allocations with the memo, %.0f without", with, without)
	}
}

// TestItemMemosBounded: the memos of all sources hold at most
// maxMemoBytes of items: a source's memo past it is not kept (its next
// parse takes nothing from a memo), and a source's new memo frees its last.
func TestItemMemosBounded(t *testing.T) {
	var memos itemMemos
	big := func(size int) *itemMemo {
		return &itemMemo{seeds: memos.last(0).seeds, size: size, items: map[itemKey]*memoEntry{}}
	}
	memos.keep(1, big(maxMemoBytes/2))
	memos.keep(2, big(maxMemoBytes/2))
	memos.keep(3, big(1))
	if memos.bySource[3] != nil || memos.size != maxMemoBytes {
		t.Fatalf("source 3's memo kept past the bound: %d bytes in all", memos.size)
	}
	memos.keep(1, big(10))
	memos.keep(3, big(1))
	if memos.bySource[3] == nil || memos.size != maxMemoBytes/2+11 {
		t.Fatalf("source 1's last memo not freed: source 3's kept %v, %d bytes in all", memos.bySource[3] != nil, memos.size)
	}
	memos.keep(2, nil)
	if memos.bySource[2] != nil || memos.size != 11 {
		t.Fatalf("a failed parse keeps source 2's memo: %d bytes in all", memos.size)
	}
}

// TestItemMemoHoldsNoSections: a memo holds its items without the
// contents of their cut sections (the next fetch brings its own), and
// counts what it holds so: the items of benchFeed, their HTML in sections,
// come to less than a quarter of the document.
func TestItemMemoHoldsNoSections(t *testing.T) {
	body := benchFeed()
	var memos itemMemos
	f, err := parseFeedAfter(body, memos.last(1))
	if err != nil {
		t.Fatal(err)
	}
	if f.memo == nil || len(f.memo.items) != 20 {
		t.Fatalf("memo %+v, want one of 20 items", f.memo)
	}
	for _, e := range f.memo.items {
		if e.item.Content != "" || e.item.Description != "" {
			t.Fatalf("memo entry holds its sections: %q, %q", e.item.Content, e.item.Description)
		}
	}
	if f.memo.size > len(body)/4 {
		t.Errorf("memo counts %d bytes of a %d-byte document", f.memo.size, len(body))
	}
}

// FuzzItemMemo: whatever two documents a source sends in turn, the second
// parsed after the first (its items perhaps taken from the memo) gives
// what parsing it whole gives. The input is the two documents joined by
// a NUL byte (a byte no feed that parses holds).
func FuzzItemMemo(f *testing.F) {
	join := func(a, b []byte) []byte { return append(append(append([]byte{}, a...), 0), b...) }
	f.Add(join(memoFeed(cdataHead, 0, 4), memoFeed(cdataHead, 2, 6)))
	f.Add(join(memoFeed(cdataHead, 0, 2), memoFeed(cdataHead, 0, 2)))
	f.Add(join([]byte(fuzzRSS), []byte(fuzzRSS)))
	f.Add(join([]byte(cdataHead+`<item><title>t</title><description>`+esc+`</description></item><item><title>u</title></item></channel></rss>`),
		[]byte(cdataHead+`<item><title>u</title></item><item><title>t</title><description>`+esc+`</description></item></channel></rss>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		first, then, ok := bytes.Cut(data, []byte{0})
		if !ok {
			return
		}
		var memos itemMemos
		sameAfterMemo(t, &memos, first)
		sameAfterMemo(t, &memos, then)
		sameAfterMemo(t, &memos, first)
	})
}

// TestItemMemoOnMangledFeeds: FuzzItemMemo's property over feeds mangled
// at random where XML is fragile (tags, sections, entities cut, doubled
// or moved), a fixed seed: the second of two documents, and the first
// again, parse as the whole documents do.
func TestItemMemoOnMangledFeeds(t *testing.T) {
	frags := []string{"<", ">", "/", "<item>", "</item>", "<ITEM>", "<channel>", "</channel>", "</rss>", "<![CDATA[", "]]>", "<!-- c -->",
		"&amp;", "&#xE000;", "\uE000", "<description>", "</description>", "<content:encoded>", "</content:encoded>", `"`, " xmlns:a=\"urn:a\"", " ", "x"}
	rnd := rand.New(rand.NewPCG(1, 2))
	mangle := func(b []byte) []byte {
		s := string(b)
		for range 1 + rnd.IntN(3) {
			i := rnd.IntN(len(s) + 1)
			switch rnd.IntN(3) {
			case 0: // insert
				s = s[:i] + frags[rnd.IntN(len(frags))] + s[i:]
			case 1: // delete
				j := min(len(s), i+1+rnd.IntN(12))
				s = s[:i] + s[j:]
			default: // move an item's worth
				j := min(len(s), i+rnd.IntN(400))
				k := rnd.IntN(len(s) - (j - i) + 1)
				cut := s[i:j]
				rest := s[:i] + s[j:]
				s = rest[:k] + cut + rest[k:]
			}
		}
		return []byte(s)
	}
	bases := [][]byte{memoFeed(cdataHead, 0, 4), memoFeed(cdataHead, 2, 6), []byte(fuzzRSS),
		[]byte(cdataHead + `<item><title>t</title><description>` + esc + `</description></item><item><title>u</title><guid>u</guid><content:encoded><![CDATA[` + long + `]]></content:encoded></item></channel></rss>`)}
	next := [][]byte{bases[1], memoFeed(cdataHead, 4, 8), bases[2], bases[3]} // a later fetch of each
	for n := range 600 {
		b := rnd.IntN(len(bases))
		first, then := bases[b], mangle(next[b])
		switch n % 4 {
		case 0:
			first = mangle(first)
		case 1:
			then = mangle(bases[rnd.IntN(len(bases))])
		}
		var memos itemMemos
		sameAfterMemo(t, &memos, first)
		sameAfterMemo(t, &memos, then)
		sameAfterMemo(t, &memos, first)
	}
}

// TestFetchesAndPushesKeepTheItemMemo: a source's fetch and a hub's push
// each leave the source's memo of their items, for the next parse; a
// fetch that is no feed drops it.
func TestFetchesAndPushesKeepTheItemMemo(t *testing.T) {
	ctx := context.Background()
	st := testkit.OpenStore(t, func() time.Time { return testNow })
	feed := feedtest.New(t, "../testdata/feeds/world-v1.xml", "application/rss+xml")
	src := testkit.UpsertSource(t, st, "World", feed.URL, "config")
	pushed := testkit.UpsertSource(t, st, "Pushed", "https://pushed.example/rss", "config")
	p := newTestPoller(t, st, &recordingSink{}, 1<<20)
	held := func(id int64) int {
		p.memos.mu.Lock()
		defer p.memos.mu.Unlock()
		if m := p.memos.bySource[id]; m != nil {
			return len(m.items)
		}
		return -1
	}

	mustPoll(t, p)
	if n := held(src.ID); n != 2 {
		t.Fatalf("after the fetch, the source's memo holds %d items, want world-v1's 2", n)
	}
	body, err := os.ReadFile("../testdata/feeds/world-v2.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Push(ctx, pushed, body); err != nil {
		t.Fatal(err)
	}
	if n := held(pushed.ID); n != 4 {
		t.Fatalf("after the push, the source's memo holds %d items, want world-v2's 4", n)
	}
	feed.Set([]byte("<html><body>Moved</body></html>"), "text/html")
	p.opts.Now = func() time.Time { return testNow.Add(2 * time.Hour) }
	mustPoll(t, p)
	if n := held(src.ID); n != -1 {
		t.Fatalf("after a fetch that is no feed, the source's memo holds %d items, want none", n)
	}
}
