package feeds

import (
	"bytes"
	"errors"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html"
)

// parsedFeed is a feed as gofeed parses it, but for the images of the RSS
// items that name none: gofeed looks for one by parsing each such item's
// HTML (content, then description) for a first <img>, which costs as much
// as cleaning the item, for every item of every fetch. html keeps that
// HTML for each such item instead, and its image is found only when the
// store finds the item new (feedText.image).
type parsedFeed struct {
	*gofeed.Feed
	html map[*gofeed.Item]*htmlImage
	// sources holds the RSS <source> of each item that has one with a
	// name: the outlet an aggregator's item (Google News) carries, which
	// gofeed's translator drops.
	sources map[*gofeed.Item]string
	// memo is what this parse gave for each RSS item (see itemMemo), for
	// the source's next parse; nil when none is kept.
	memo *itemMemo
}

// htmlImage is the HTML of an RSS item that gofeed would have read for its
// image: the item's own content and description, before any fallback.
type htmlImage struct {
	content, description string
}

// url returns gofeed's image of the item: the first <img> with a src of
// its content, else of its description; ok is false when neither has one.
func (h *htmlImage) url() (_ string, ok bool) {
	if u, ok := firstHTMLImage(h.content); ok {
		return u, true
	}
	return firstHTMLImage(h.description)
}

// parseFeed parses body as RSS, Atom or JSON Feed. It fails as
// gofeed.Parser.Parse fails.
func parseFeed(body []byte) (parsedFeed, error) { return parseFeedAfter(body, nil) }

// parseFeedAfter is parseFeed that takes the items of last (the memo of
// the source's last parse, see itemMemo) as they were rather than parsing
// them again, when last is not nil; the parsedFeed's memo is then this
// parse's (nil: none).
func parseFeedAfter(body []byte, last *itemMemo) (parsedFeed, error) {
	doc, marks, plan, ok := cutItems(body, last)
	if ok {
		if f, err := parseDocument(doc, marks, plan); err == nil {
			return repairItems(body, f), nil
		}
		// Not RSS, a mark missed, or a parse error: the whole document
		// decides (see cutCDATA).
		plan = nil
	}
	f, err := parseDocument(body, nil, plan)
	if err != nil {
		return f, err
	}
	return repairItems(body, f), nil
}

// errMarksMissed reports a document of cut CDATA sections whose parse did
// not give every mark back (see cutCDATA).
var errMarksMissed = errors.New("feed: CDATA marks not restored")

// parseDocument parses body as parseFeed does; marks, when not nil, are the
// CDATA contents cut from body, which must come back into an RSS feed's
// items, else it fails with errMarksMissed; plan, when not nil, is the
// document's items (some perhaps left out of body), which must match the
// parse's, else it fails with errMemoMissed when items were left out.
func parseDocument(body []byte, marks *cdataMarks, plan *itemPlan) (parsedFeed, error) {
	t := &lazyImages{html: map[*gofeed.Item]*htmlImage{}, sources: map[*gofeed.Item]string{}, marks: marks, plan: plan}
	p := gofeed.NewParser()
	p.RSSTranslator = t
	f, err := p.Parse(bytes.NewReader(body))
	if err != nil {
		return parsedFeed{}, err
	}
	if marks != nil && !t.restored {
		return parsedFeed{}, errMarksMissed // not read as RSS
	}
	if plan != nil && plan.hits > 0 && t.memo == nil {
		return parsedFeed{}, errMemoMissed // not read as RSS
	}
	return parsedFeed{Feed: f, html: t.html, sources: t.sources, memo: t.memo}, nil
}

// lazyImages is gofeed's RSS translator that notes an item's HTML for its
// image rather than parsing it (see parsedFeed), after putting back the
// CDATA contents cut from the document (see cutCDATA).
type lazyImages struct {
	html     map[*gofeed.Item]*htmlImage
	sources  map[*gofeed.Item]string // each item's <source> name (parsedFeed)
	marks    *cdataMarks
	restored bool
	plan     *itemPlan // the document's items, and those left out of it
	memo     *itemMemo // the memo of the plan's items, once put back
}

// Translate translates an *rss.Feed as gofeed.DefaultRSSTranslator does,
// the items' images from their HTML left to htmlImage, and notes each
// item's <source> name (which that translator drops). The CDATA contents
// cut are put back first, then the items left out (itemPlan.splice). It
// fails as that translator fails, or with errMarksMissed or errMemoMissed
// when either cannot be put back.
func (t *lazyImages) Translate(feed any) (*gofeed.Feed, error) {
	if t.marks != nil {
		rf, ok := feed.(*rss.Feed)
		if t.plan != nil {
			t.marks.fields = [][2]int{} // asked of restore
		}
		if !ok || !t.marks.restore(rf) {
			return nil, errMarksMissed
		}
		t.restored = true
	}
	if t.plan != nil {
		rf, ok := feed.(*rss.Feed)
		if ok {
			var fields [][2]int
			if t.marks != nil {
				fields = t.marks.fields
			}
			t.memo, ok = t.plan.splice(rf, fields)
		}
		if !ok && t.plan.hits > 0 {
			return nil, errMemoMissed
		}
	}
	f, err := (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(feed)
	if err != nil {
		return nil, err
	}
	rf := feed.(*rss.Feed) // the translator above took it
	if len(rf.Items) != len(f.Items) {
		// Each item is translated in order; should that change, the
		// default does the scan.
		if t.plan != nil && t.plan.hits > 0 {
			return nil, errMemoMissed
		}
		t.memo = nil
		return (&gofeed.DefaultRSSTranslator{}).Translate(feed)
	}
	if f.Image == nil { // the feed's own, once a fetch: as the default finds it
		if u, ok := firstHTMLImage(rf.Description); ok {
			f.Image = &gofeed.Image{URL: u}
		}
	}
	for i, it := range f.Items {
		if it == nil || rf.Items[i] == nil {
			continue
		}
		if it.Image == nil {
			t.html[it] = &htmlImage{content: rf.Items[i].Content, description: rf.Items[i].Description}
		}
		if src := rf.Items[i].Source; src != nil && strings.TrimSpace(src.Title) != "" {
			t.sources[it] = src.Title
		}
	}
	return f, nil
}

// firstHTMLImage returns the src of the first <img> of document that has
// one, as gofeed's translator finds it (the same parse, the same walk);
// ok is false when there is none. A news article's photo comes after its
// first paragraph or so: the part of document up to the end of its first
// img tag (imagePrefix) is read first, by its tokens alone when they decide
// (scanPrefixImage), else parsed, and the whole only when that part has no
// img with a src.
func firstHTMLImage(document string) (_ string, ok bool) {
	if !mayHaveImg(document) {
		return "", false
	}
	if prefix := imagePrefix(document); prefix != "" {
		if u, ok, sure := scanPrefixImage(prefix); sure {
			if ok {
				return u, true
			}
		} else if doc, err := html.Parse(strings.NewReader(prefix)); err == nil {
			if u, ok := firstImgSrc(doc); ok {
				return u, true
			}
		}
	}
	doc, err := html.Parse(strings.NewReader(document))
	if err != nil {
		return "", false
	}
	return firstImgSrc(doc)
}

// imagePrefix returns document up to the first ">" after its first "<img"
// (or "<image", any case), or "" when it has none or holds, before that,
// the name of an element after which the parser reads what follows
// otherwise than its tokenizer alone does (svg, math, noscript) or may put
// a later node before an earlier one (table, template: foster parenting).
//
// The parse of that prefix is the parse of the whole document stopped
// there: the same tokens (a tag that the cut leaves open is dropped at the
// end of the input, as the tokenizer drops a tag cut by the end), the same
// tree so far, and the nodes made after the cut come after those made
// before it in document order (the adoption agency moves nodes but keeps
// their order; only a table sends a later node before it). An img with a
// src found in the prefix is then the first of the whole document;
// TestFirstHTMLImageAsTheWholeParse and FuzzFirstHTMLImage check it
// against the parse of the whole.
func imagePrefix(document string) string {
	i := imgTagAt(document)
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(document[i:], '>')
	if j < 0 {
		return ""
	}
	prefix := document[:i+j+1]
	for k := strings.IndexByte(prefix, '<'); k >= 0; {
		rest := prefix[k+1:]
		for _, name := range [...]string{"svg", "math", "noscript", "table", "template"} {
			if len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name) {
				return ""
			}
		}
		next := strings.IndexByte(rest, '<')
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return prefix
}

// firstImgSrc walks n in document order for the first img element with a
// src attribute, and returns that attribute's value.
func firstImgSrc(n *html.Node) (string, bool) {
	if n.Type == html.ElementNode && n.Data == "img" {
		for _, a := range n.Attr {
			if a.Key == "src" {
				return a.Val, true
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if u, ok := firstImgSrc(c); ok {
			return u, true
		}
	}
	return "", false
}

// mayHaveImg reports whether document may hold an img element: the HTML
// parser makes one only of a start tag named img or image, in any case.
func mayHaveImg(document string) bool { return imgTagAt(document) >= 0 }

// imgTagAt returns the index of the first "<img" or "<ima" of document, in
// any case, or -1.
func imgTagAt(document string) int {
	for i := strings.IndexByte(document, '<'); i >= 0; {
		rest := document[i+1:]
		if len(rest) >= 3 && (rest[0]|0x20) == 'i' && (rest[1]|0x20) == 'm' && ((rest[2]|0x20) == 'g' || (rest[2]|0x20) == 'a') {
			return i
		}
		j := strings.IndexByte(rest, '<')
		if j < 0 {
			return -1
		}
		i += 1 + j
	}
	return -1
}
