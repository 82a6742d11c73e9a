package feeds

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scanPrefixImage reads prefix (imagePrefix's) with x/net/html's tokenizer
// alone, without building the tree: sure is true when the parse of prefix
// is known to answer as it does, and then src and found are what
// firstImgSrc finds in that parse. It is sure when every tag before the
// first img (or image) start tag is one of the plain elements of
// plainTagBefore, and the rest text or comments.
//
// Why the tokens decide then: the parser's tokenizer is the same tokenizer,
// and the parser changes how it reads only after a raw-text element
// (script, style, title, textarea, noscript…), in foreign content (svg,
// math) or for CDATA there, none of them plain; in every insertion mode
// these elements reach (initial to in body, never in table, select,
// template, frameset or after body), an img or image start tag is inserted
// as an img element with the token's attributes in their order, so it is
// the first img of the tree (the prefix holds no other img tag) and its
// first src attribute is the token's. Anything else (a doctype, another
// tag, no img start tag at all) is not sure: the caller parses.
// TestScanPrefixImageAsTheParse and FuzzScanPrefixImage check it against
// html.Parse of the prefix.
func scanPrefixImage(prefix string) (src string, found, sure bool) {
	z := html.NewTokenizer(strings.NewReader(prefix))
	for {
		switch tt := z.Next(); tt {
		case html.TextToken, html.CommentToken:
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := z.TagName()
			a := atom.Lookup(name)
			if tt != html.EndTagToken && (a == atom.Img || a == atom.Image) {
				for more {
					var key, val []byte
					key, val, more = z.TagAttr()
					if string(key) == "src" {
						return string(val), true, true
					}
				}
				return "", false, true
			}
			if !plainTagBefore(a) {
				return "", false, false
			}
		default: // the end of prefix without an img, or a doctype
			return "", false, false
		}
	}
}

// plainTagBefore reports whether a start or end tag of a, before an img,
// leaves the parser reading as its tokenizer does and the img to come in
// the body: the paragraphs, headings, lists, links, phrase and figure
// elements of a news article's HTML.
func plainTagBefore(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Span, atom.A, atom.B, atom.I, atom.Em, atom.Strong,
		atom.U, atom.S, atom.Small, atom.Sub, atom.Sup, atom.Br, atom.Hr,
		atom.Figure, atom.Picture, atom.Source, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li, atom.Blockquote,
		atom.Section, atom.Article, atom.Header, atom.Cite, atom.Q, atom.Time,
		atom.Abbr, atom.Mark, atom.Code:
		return true
	}
	return false
}
