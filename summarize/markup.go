package summarize

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// looksLikeHTML reports whether s has markup: a comment or a doctype, or a
// tag of a known HTML element that only markup writes — an end tag
// ("</b>"), a tag with attributes or self-closed ("<a href=...>",
// "<br/>"), or the start tag of an element markup leaves open or empty
// ("<p>", "<br>", "<li>", "<img>"). Text that only looks like a tag is not
// markup: "x<y" in prose, "<steel>" in a headline whose entities the feed
// parser decoded, nor a lone "<progress>" or "<div>" a headline names
// (every element's start tag alone, without its end tag anywhere, is text:
// "Browsers add the <progress> element" lost its subject).
func looksLikeHTML(s string) bool {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return false
		}
		s = s[i+1:]
		if s[0] == '!' && strings.IndexByte(s, '>') >= 0 {
			return true
		}
		closing := s[0] == '/'
		name := strings.TrimPrefix(s, "/")
		end := 0
		for end < len(name) && (isASCIILetter(name[end]) || end > 0 && name[end] >= '0' && name[end] <= '9') {
			end++
		}
		if end == 0 || end == len(name) {
			continue
		}
		switch name[end] {
		case '>', ' ', '/', '\t', '\n', '\r':
		default:
			continue
		}
		gt := strings.IndexByte(name[end:], '>')
		a := atom.Lookup([]byte(strings.ToLower(name[:end])))
		if a == 0 || gt < 0 {
			continue
		}
		// A start tag alone is text; with its end tag, which this loop
		// meets later, "<b>Storm</b>" is markup.
		if closing || strings.TrimSpace(name[end:end+gt]) != "" || leftOpen[a] {
			return true
		}
	}
}

// leftOpen are the elements whose start tag alone is markup: empty ones and
// those HTML lets a writer leave unclosed ("First<p>Second", "<li>one").
var leftOpen = map[atom.Atom]bool{
	atom.Br: true, atom.P: true, atom.Img: true, atom.Hr: true, atom.Li: true, atom.Wbr: true,
	atom.Dd: true, atom.Dt: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// lettersOnly reports whether a tag's name is a word of ASCII letters: a
// custom element ("amp-img") or a namespaced one ("o:p") is markup.
func lettersOnly(name []byte) bool {
	for _, c := range name {
		if !isASCIILetter(c) {
			return false
		}
	}
	return len(name) > 0
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// PlainText returns a feed field (a title, a description) as plain text:
// markup stripped when the field carries markup (see looksLikeHTML),
// entities decoded, white space folded into single spaces. No boilerplate
// rule runs, so every word stays: "US & EU agree to cut tariffs on <steel>"
// comes back as it went in, and so does "<steel>" beside markup ("Storm
// <em>Arwen</em> shuts <steel> plant": a word in brackets that names no
// element, with no attributes, is text, where it is dropped from an
// article's HTML).
func PlainText(s string) string {
	if looksLikeHTML(s) {
		s = renderText(s, true)
	}
	return normalizeSpace(strings.ReplaceAll(decodeEntities(s), "\n", " "))
}

// htmlToText renders HTML as plain text: block elements become paragraph
// breaks ("\n\n"), <br> a line break, entities are decoded, and elements
// that never hold article prose (scripts, styles, captions, navigation,
// forms, embedded frames) are dropped with their content. Malformed markup
// is tolerated: the tokenizer never fails, it only stops at the end.
func htmlToText(s string) string { return renderText(s, false) }

// renderText is htmlToText; with words set, a tag of letters only that
// names no HTML element and has no attributes ("<steel>") is kept as the
// text it was written as.
func renderText(s string, words bool) string {
	if !words {
		if text, ok := renderPlain(s); ok {
			return text
		}
	}
	return renderTokens(s, words)
}

// renderTokens is renderText read by x/net/html's tokenizer.
func renderTokens(s string, words bool) string {
	var b strings.Builder
	b.Grow(len(s))
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0  // depth inside dropped elements
	pre := 0   // depth inside <pre>
	embed := 0 // depth of <blockquote> inside a social post's embed
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := z.Text()
			if pre == 0 {
				for i, c := range text {
					if c == '\n' || c == '\r' || c == '\t' {
						text[i] = ' '
					}
				}
			}
			b.Write(text)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if words && a == 0 && !hasAttr && skip == 0 && lettersOnly(name) {
				b.Write(z.Raw())
				continue
			}
			if a == atom.Blockquote && (embed > 0 || tt == html.StartTagToken && hasAttr && socialEmbed(z)) {
				// A post embedded from a social network is its author's
				// words, not the article's: dropped like a caption.
				if tt == html.StartTagToken {
					embed++
					skip++
				} else if tt == html.EndTagToken {
					embed--
					skip--
				}
				continue
			}
			applyTag(&b, a, tt == html.StartTagToken, tt == html.EndTagToken, &skip, &pre)
		}
	}
}

// applyTag writes what tag a means to the text in b: a start tag when
// start, an end tag when end, a self-closing one when neither. The tags of
// a dropped element count the depth skip inside such elements (nothing
// inside is written), pre's count the depth pre inside <pre>, and a br or
// a block element outside any dropped one writes its line or paragraph
// break. renderTokens and renderPlain both apply tags so.
func applyTag(b *strings.Builder, a atom.Atom, start, end bool, skip, pre *int) {
	if droppedElement(a) {
		if start {
			*skip++
		} else if end && *skip > 0 {
			*skip--
		}
		return
	}
	if *skip > 0 {
		return
	}
	if a == atom.Pre {
		if start {
			*pre++
		} else if end && *pre > 0 {
			*pre--
		}
	}
	switch {
	case a == atom.Br:
		b.WriteByte('\n')
	case blockElement(a):
		writeParagraphBreak(b)
	}
}

// writeParagraphBreak ends the current paragraph unless it is already
// ended, so that nested blocks make one break, not many.
func writeParagraphBreak(b *strings.Builder) {
	s := b.String()
	switch {
	case len(s) == 0, strings.HasSuffix(s, "\n\n"):
	case strings.HasSuffix(s, "\n"):
		b.WriteByte('\n')
	default:
		b.WriteString("\n\n")
	}
}

// socialEmbed reports whether the attributes left in z, those of a
// <blockquote>, mark a post embedded from a social network ("twitter-tweet",
// "instagram-media", "tiktok-embed", "reddit-embed-bq", "bluesky-embed",
// "threads-post"): the class the network's embed code gives it.
func socialEmbed(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "class" {
			v := string(val)
			for _, c := range [...]string{"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "reddit-embed", "bluesky-embed", "threads-post", "fb-xfbml-parse-ignore"} {
				if strings.Contains(v, c) {
					return true
				}
			}
		}
		if !more {
			return false
		}
	}
}

// droppedElement reports whether the element's content is never article
// prose.
func droppedElement(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Figcaption,
		atom.Iframe, atom.Svg, atom.Math, atom.Button, atom.Nav, atom.Aside,
		atom.Form, atom.Select, atom.Object, atom.Video, atom.Audio, atom.Head,
		atom.Title, atom.Footer:
		return true
	}
	return false
}

// blockElement reports whether the element separates paragraphs.
func blockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote,
		atom.Tr, atom.Table, atom.Section, atom.Article, atom.Header, atom.Main,
		atom.Figure, atom.Pre, atom.Hr, atom.Address, atom.Details, atom.Summary,
		atom.Body, atom.Html:
		return true
	}
	return false
}
