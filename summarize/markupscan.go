package summarize

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderPlain is htmlToText (renderText without words) read by a scan of
// s's tags rather than x/net/html's tokenizer, for HTML whose tokens that
// scan is sure of; ok is false, and the tokenizer is to read s, when s
// holds anything else: a comment, doctype or processing instruction ("<!",
// "<?", "</" without a letter), a carriage return or NUL (which the
// tokenizer converts), the start tag of an element whose content the
// tokenizer reads as raw text (script, style, title, textarea, xmp,
// iframe, noembed, noframes, noscript, plaintext), a blockquote start tag
// with attributes (a social post's embed is read from its class), a
// self-closed start tag of a dropped element, pre or blockquote, or a tag
// the end of s cuts (the tokenizer drops the rest).
//
// Otherwise the tokens are the tokenizer's: text up to each "<" and a
// letter, or "</" and a letter, its entities decoded as Text decodes them
// (html.UnescapeString: the same unescape); a tag's name up to white space,
// "/" or ">", lower-cased; its end where readTag ends it, through
// attribute keys and quoted or unquoted values (tagEnd); a "<" before
// anything else is text. renderText's loop then makes the same text of
// them. It spares the tokenizer's 4 KB buffer, its copies of every byte
// and an allocation for each tag's name and attribute key.
// TestRenderPlainAsTheTokenizer and FuzzRenderPlain compare the two.
func renderPlain(s string) (_ string, ok bool) {
	if strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, 0) >= 0 {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(s))
	skip := 0 // depth inside dropped elements
	pre := 0  // depth inside <pre>
	for i := 0; i < len(s); {
		// The text up to the next tag.
		j := i
		for {
			k := strings.IndexByte(s[j:], '<')
			if k < 0 {
				j = len(s)
				break
			}
			j += k
			if j+1 >= len(s) {
				return "", false // "<" at the end: rare, left to the tokenizer
			}
			c := s[j+1]
			if isASCIILetter(c) || c == '/' {
				break
			}
			if c == '!' || c == '?' {
				return "", false
			}
			j++ // a "<" of text
		}
		if j > i && skip == 0 {
			writeTextToken(&b, s[i:j], pre == 0)
		}
		if j == len(s) {
			break
		}
		// The tag at j.
		end := j + 1
		if s[end] == '/' {
			end++
			if end >= len(s) || !isASCIILetter(s[end]) {
				return "", false // a bogus comment, "</>"
			}
		}
		nameEnd, tagEnd, ok := tagEnd(s, end)
		if !ok {
			return "", false
		}
		var lower [32]byte
		name := lower[:0]
		if n := s[end:nameEnd]; len(n) <= len(lower) {
			for k := 0; k < len(n); k++ {
				c := n[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				name = append(name, c)
			}
		} else {
			name = nil // longer than any element's name
		}
		a := atom.Lookup(name)
		start := s[j+1] != '/'
		selfClosed := s[tagEnd-2] == '/'
		if start {
			if rawTextStart(name) {
				return "", false
			}
			if a == atom.Blockquote && strings.TrimRight(s[nameEnd:tagEnd-1], " \n\t\f") != "" {
				return "", false
			}
			if selfClosed && (droppedElement(a) || a == atom.Pre || a == atom.Blockquote) {
				return "", false
			}
		}
		i = tagEnd
		applyTag(&b, a, start, !start, &skip, &pre)
	}
	return b.String(), true
}

// writeTextToken writes the text of a text token as renderText does: its
// entities decoded, and outside <pre> (fold) each line break and tab a
// space.
func writeTextToken(b *strings.Builder, text string, fold bool) {
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	if !fold || strings.IndexByte(text, '\n') < 0 && strings.IndexByte(text, '\t') < 0 {
		b.WriteString(text)
		return
	}
	for k := 0; k < len(text); k++ {
		c := text[k]
		if c == '\n' || c == '\t' {
			c = ' '
		}
		b.WriteByte(c)
	}
}

// rawTextStart reports whether a start tag of name (lower-cased) makes the
// tokenizer read what follows as raw text (readStartTag).
func rawTextStart(name []byte) bool {
	switch string(name) {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp":
		return true
	}
	return false
}

// tagEnd reads the tag whose name starts at s[i] (just after "<" or "</")
// as x/net/html's readTag does, and returns the end of its name and the
// index after the ">" that ends it; ok is false when s ends first.
func tagEnd(s string, i int) (nameEnd, end int, ok bool) {
	p := i + 1
	// readTagName
	for ; ; p++ {
		if p >= len(s) {
			return 0, 0, false
		}
		c := s[p]
		if isTagSpace(c) || c == '/' || c == '>' {
			break
		}
	}
	nameEnd = p
	if isTagSpace(s[p]) {
		p++
	}
	p = skipTagSpace(s, p)
	for {
		if p >= len(s) {
			return 0, 0, false
		}
		if s[p] == '>' {
			return nameEnd, p + 1, true
		}
		// readTagAttrKey
		keyStart := p
	key:
		for ; ; p++ {
			if p >= len(s) {
				return 0, 0, false
			}
			switch c := s[p]; {
			case c == '=' && p == keyStart:
				// an "=" before the key's first byte is part of it
			case c == '=' || isTagSpace(c) || c == '/' || c == '>':
				break key
			}
		}
		// readTagAttrVal
		p = skipTagSpace(s, p)
		if p >= len(s) {
			return 0, 0, false
		}
		switch c := s[p]; {
		case c == '/':
			p++
		case c != '=':
		default:
			p = skipTagSpace(s, p+1)
			if p >= len(s) {
				return 0, 0, false
			}
			switch quote := s[p]; quote {
			case '>':
			case '\'', '"':
				k := strings.IndexByte(s[p+1:], quote)
				if k < 0 {
					return 0, 0, false
				}
				p += 1 + k + 1
			default:
				for p++; ; p++ {
					if p >= len(s) {
						return 0, 0, false
					}
					if c := s[p]; isTagSpace(c) {
						p++
						break
					} else if c == '>' {
						break
					}
				}
			}
		}
		p = skipTagSpace(s, p)
	}
}

// isTagSpace reports whether the tokenizer skips c as white space in a tag.
func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// skipTagSpace returns the index of the first byte from p that is not
// white space in a tag (len(s) at the end).
func skipTagSpace(s string, p int) int {
	for p < len(s) && isTagSpace(s[p]) {
		p++
	}
	return p
}
