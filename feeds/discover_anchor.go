package feeds

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// feedWords are the words that make a link look like a feed, in its address
// (split at anything not a letter or digit, so "feedback" is not one) or
// in its text.
var feedWords = map[string]bool{"rss": true, "atom": true, "feed": true, "feeds": true, "xml": true}

// feedAnchors returns the absolute URLs of the page's <a href> links that
// look like a feed (a feed word in the address's path or query, or in the
// link's text) and lead to the page's own site (the same host, ignoring a
// leading "www."), in document order, at most maxCandidates of them: a page
// links to many places, and only its own feed is wanted, not a feed reader's
// "subscribe" page or another site's feed.
func feedAnchors(page []byte, pageURL string) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	site := siteOf(base.Hostname())
	var out []string
	var href string // the open <a>'s href; "" outside one
	var text strings.Builder
	z := html.NewTokenizer(bytes.NewReader(page))
	for len(out) < maxCandidates {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "base":
				if b, err := base.Parse(attr(z, hasAttr, "href")); err == nil && hasAttr {
					base = b
				}
			case "a":
				href = strings.TrimSpace(attr(z, hasAttr, "href"))
				text.Reset()
			}
		case html.TextToken:
			if href != "" && text.Len() < 200 {
				text.Write(z.Text())
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) != "a" || href == "" {
				continue
			}
			u, err := base.Parse(href)
			href = ""
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || siteOf(u.Hostname()) != site {
				continue
			}
			if hasFeedWord(u.EscapedPath()+" "+u.RawQuery) || hasFeedWord(text.String()) {
				u.Fragment = ""
				out = appendNew(out, u.String())
			}
		}
	}
	return out
}

// attr returns the named attribute of the tag z is on.
func attr(z *html.Tokenizer, hasAttr bool, name string) string {
	for hasAttr {
		k, v, more := z.TagAttr()
		if string(k) == name {
			return string(v)
		}
		hasAttr = more
	}
	return ""
}

func siteOf(host string) string {
	return strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(host), "."), "www.")
}

func hasFeedWord(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if feedWords[w] {
			return true
		}
	}
	return false
}

// appendNew appends to list the URLs it does not hold yet.
func appendNew(list []string, urls ...string) []string {
	for _, u := range urls {
		dup := false
		for _, l := range list {
			dup = dup || l == u
		}
		if !dup {
			list = append(list, u)
		}
	}
	return list
}
