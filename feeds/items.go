package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// maxTitle and maxText bound what one item may store, whatever the feed sends.
const (
	maxTitle = 1000
	maxText  = 200_000
)

// articleOf converts a parsed feed item into an article of the source at
// feedURL. The guid falls back to the canonical link, then to a hash of the
// title, so that every item has an identity. Links are resolved against the
// feed's URL. A publication time in the future is clamped to now, a missing one is now.
func articleOf(it *gofeed.Item, feedURL string, now time.Time) news.Article {
	link := resolve(feedURL, strings.TrimSpace(it.Link))
	text := summarize.Clean(it.Content) // the longer of content and description
	if desc := summarize.Clean(it.Description); len(desc) > len(text) {
		text = desc
	}
	a := news.Article{
		GUID:  strings.TrimSpace(it.GUID),
		URL:   link,
		Title: summarize.LimitBytes(summarize.PlainText(it.Title), maxTitle), // every word kept: "<steel>" is text
		Text:  summarize.LimitBytes(text, maxText),
	}
	if a.GUID == "" {
		a.GUID = link
	}
	if a.GUID == "" {
		sum := sha256.Sum256([]byte(a.Title + "\x00" + a.Text))
		a.GUID = "sha256:" + hex.EncodeToString(sum[:12])
	}
	switch {
	case it.PublishedParsed != nil:
		a.PublishedAt = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		a.PublishedAt = *it.UpdatedParsed
	default:
		a.PublishedAt = now
	}
	if a.PublishedAt.After(now) {
		a.PublishedAt = now
	}
	a.PublishedAt = a.PublishedAt.UTC()
	return a
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
