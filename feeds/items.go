package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// maxTitle and maxText bound what one item may store, whatever the feed sends.
const (
	maxTitle    = 1000
	maxText     = 200_000
	maxImageURL = 2048 // a longer image link is dropped, not cut
)

// feedText is an item's text as its feed sends it, to be cleaned: the
// poller cleans only the items the store finds new. When html is not nil,
// the item's image is to be found too (image).
type feedText struct {
	content, description string
	// aggregated is set when the title was an aggregator's (aggregatorTitleOutlet):
	// then a single headline link with its outlet's name is no text either.
	aggregated bool
	// title is the item's title: a text that is only the title and an
	// outlet's name is no text (titleWithOutlet).
	title string

	item    *gofeed.Item
	feedURL string
	html    *htmlImage
}

// maxOutlet bounds an item's outlet's name (news.Article.Outlet), whatever
// the feed sends: a longer one is cut.
const maxOutlet = 200

// outletOf returns the outlet an item carries: its RSS <source> name
// (source), else the outlet's name an aggregator appended to its title
// (label, see aggregatorTitleOutlet), as plain text of single spaces,
// bounded to maxOutlet; "" when it names none (the source's own item).
func outletOf(source, label string) string {
	name := strings.Join(strings.Fields(summarize.PlainText(unwrapCDATA(source))), " ")
	if name == "" {
		name = label
	}
	return summarize.LimitBytes(name, maxOutlet)
}

// image returns the item's image (see imageOf) with gofeed's image found
// in its HTML.
func (t *feedText) image() string {
	var first *gofeed.Image
	if u, ok := t.html.url(); ok {
		first = &gofeed.Image{URL: u}
	}
	return imageOf(t.item, first, t.feedURL)
}

// text is the longer of the content and the description, each cleaned
// by clean, bounded to maxText; a list of links (an aggregator's
// headlines of other outlets: linkList), or an aggregator's one headline
// link and outlet, or the title and an outlet's name (titleWithOutlet), is
// no text. It comes with what the cleaning learnt of it, for the
// summarizer (summarize.Input.Cleaned).
func (t *feedText) text(clean cleanFunc) summarize.Cleaned {
	least := 2
	if t.aggregated {
		least = 1
	}
	text := cleanText(t.content, clean, least)
	if desc := cleanText(t.description, clean, least); len(desc.Text) > len(text.Text) {
		text = desc
	}
	if titleWithOutlet(text.Text, t.title) {
		return summarize.Cleaned{}
	}
	text.Text = summarize.LimitBytes(text.Text, maxText)
	return text
}

// cleanFunc cleans a feed's text: summarize.CleanText.
type cleanFunc = func(text string) summarize.Cleaned

// cleanText is s cleaned by clean, or nothing when s is a list of at
// least least headline links (linkList).
func cleanText(s string, clean cleanFunc, least int) summarize.Cleaned {
	if linkList(s, least) {
		return summarize.Cleaned{}
	}
	return clean(s)
}

// itemOf converts a parsed feed item into an article of the source at
// feedURL, and returns its text still to clean (then the article's Text is
// ""), or nil when its text is cleaned already (with clean): when its
// title is empty (an item without a title or text is no article) or its
// identity is a hash of its text. The guid falls back to the canonical
// link, then to a hash of the title and text, so that every item has an
// identity. Links are resolved against the feed's URL. A publication time
// in the future is clamped to now; a missing one, or one before 1971 (the
// Unix epoch or year 1: a date the feed did not know), is now. The
// article's Outlet is source (the item's RSS <source> name, "" = none), else
// the outlet's name an aggregator appended to the title (outletOf). An item whose
// image gofeed left to find in html (parsedFeed) has it found with the
// cleaning: its ImageURL is "" until then (feedText.image).
func itemOf(it *gofeed.Item, feedURL string, now time.Time, clean cleanFunc, html *htmlImage, source string) (news.Article, *feedText) {
	link := resolve(feedURL, strings.TrimSpace(it.Link))
	a := news.Article{
		GUID:  strings.TrimSpace(it.GUID),
		URL:   link,
		Title: summarize.LimitBytes(summarize.PlainText(unwrapCDATA(it.Title)), maxTitle), // every word kept: "<steel>" is text
	}
	raw := &feedText{content: unwrapCDATA(it.Content), description: unwrapCDATA(it.Description), item: it, feedURL: feedURL, html: html}
	var label string
	a.Title, label, raw.aggregated = aggregatorTitleOutlet(a.Title, it.Description)
	a.Outlet = outletOf(source, label)
	raw.title = a.Title
	if html == nil {
		a.ImageURL = imageOf(it, it.Image, feedURL)
	}
	if a.GUID == "" {
		a.GUID = link
	}
	if a.GUID == "" || a.Title == "" {
		if html != nil {
			a.ImageURL = raw.image()
		}
		a.Text, raw = raw.text(clean).Text, nil
	}
	if a.GUID == "" {
		sum := sha256.Sum256([]byte(a.Title + "\x00" + a.Text))
		a.GUID = "sha256:" + hex.EncodeToString(sum[:12])
	}
	switch {
	case dated(it.PublishedParsed):
		a.PublishedAt = *it.PublishedParsed
	case dated(it.UpdatedParsed):
		a.PublishedAt = *it.UpdatedParsed
	default:
		a.PublishedAt = now
	}
	if a.PublishedAt.After(now) {
		a.PublishedAt = now
	}
	a.PublishedAt = a.PublishedAt.UTC()
	return a, raw
}

// undated is the time before which a feed's date says nothing: the Unix
// epoch (1 January 1970, or 31 December 1969 west of Greenwich) and year 1
// are what a feed writes for a date it does not know. Taken at its word,
// such an item was 56 years old and never alerted.
var undated = time.Date(1971, 1, 1, 0, 0, 0, 0, time.UTC)

// dated reports whether a parsed date of an item is one: given and not
// before undated.
func dated(t *time.Time) bool { return t != nil && !t.Before(undated) }

// imageOf returns the feed's image for the item, resolved against feedURL:
// first (gofeed's item image), else the first enclosure of an image/* type, else
// the first media:content (also inside media:group) whose medium is
// "image" or whose type is image/*, else the first media:thumbnail. A link
// that is not absolute http or https after resolving, or is longer than
// maxImageURL, counts as none; "" when there is none.
func imageOf(it *gofeed.Item, first *gofeed.Image, feedURL string) string {
	var cands []string
	if first != nil {
		cands = append(cands, first.URL)
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(strings.ToLower(strings.TrimSpace(e.Type)), "image/") {
			cands = append(cands, e.URL)
		}
	}
	media := it.Extensions["media"]
	var contents, thumbs []ext.Extension
	contents = append(contents, media["content"]...)
	thumbs = append(thumbs, media["thumbnail"]...)
	for _, g := range media["group"] {
		contents = append(contents, g.Children["content"]...)
		thumbs = append(thumbs, g.Children["thumbnail"]...)
	}
	for _, c := range contents {
		medium := strings.ToLower(strings.TrimSpace(c.Attrs["medium"]))
		typ := strings.ToLower(strings.TrimSpace(c.Attrs["type"]))
		if medium == "image" || strings.HasPrefix(typ, "image/") {
			cands = append(cands, c.Attrs["url"])
		}
	}
	for _, t := range thumbs {
		cands = append(cands, t.Attrs["url"])
	}
	for _, c := range cands {
		if u := resolve(feedURL, strings.TrimSpace(c)); u != "" && len(u) <= maxImageURL {
			return u
		}
	}
	return ""
}

// resolve makes ref absolute against base; an unusable link (not http or
// https, or without a host, like "https:") becomes "".
func resolve(base, ref string) string {
	if ref == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	u := b.ResolveReference(r)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// unwrapCDATA returns s without the CDATA section that wraps it whole,
// which a feed writer escaped into an HTML field ("&lt;![CDATA[Profits at
// &lt;b&gt;Shell&lt;/b&gt; slump]]&gt;" in an Atom title of type html): read
// as HTML, the section's opening is a comment up to the first ">", and
// "Profits at" was lost. Anything else comes back as it is.
func unwrapCDATA(s string) string {
	t := strings.TrimSpace(s)
	if inner, ok := strings.CutPrefix(t, "<![CDATA["); ok {
		if inner, ok = strings.CutSuffix(inner, "]]>"); ok && !strings.Contains(inner, "]]>") {
			return inner
		}
	}
	return s
}
