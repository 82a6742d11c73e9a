package feeds

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageImage returns a page's own image, resolved against the page's final
// URL: the first og:image (or og:image:url, og:image:secure_url) of the
// head, else its first twitter:image (or twitter:image:src), else fallback
// (readability's choice, which also reads a meta "image"). The Open Graph
// protocol prefers the first of several og:image tags; readability keeps the
// last. A link that is not http or https after resolving, or is longer than
// pageMaxImageURL, counts as none; "" when there is none.
func pageImage(body []byte, pageURL, fallback string) string {
	og, twitter := headImages(body)
	for _, ref := range []string{og, twitter, fallback} {
		if u := resolve(pageURL, strings.TrimSpace(ref)); u != "" && len(u) <= pageMaxImageURL {
			return u
		}
	}
	return ""
}

// headImages reads the meta tags of body (UTF-8) up to <body> and returns
// the first non-empty og:image and twitter:image content.
func headImages(body []byte) (og, twitter string) {
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return og, twitter
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return og, twitter
			case atom.Meta:
			default:
				continue
			}
			var key, content string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "property", "name":
					if key == "" {
						key = strings.ToLower(strings.TrimSpace(string(v)))
					}
				case "content":
					content = strings.TrimSpace(string(v))
				}
			}
			if content == "" {
				continue
			}
			switch key {
			case "og:image", "og:image:url", "og:image:secure_url":
				if og == "" {
					og = content
				}
			case "twitter:image", "twitter:image:src":
				if twitter == "" {
					twitter = content
				}
			}
		}
	}
}
