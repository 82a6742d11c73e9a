package bot

import (
	"html"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// splitMessage cuts Telegram HTML into parts Telegram takes, each at most
// max long as Telegram counts: UTF-16 code units of the text after entity
// parsing, so tags count nothing, "&amp;" counts one and an emoji outside
// the Basic Multilingual Plane two. It cuts at a line end when it can, else
// at a space, else between two characters; never inside a tag or a
// character reference. Tags open at a cut are closed at the end of the part
// and opened again at the start of the next, so each part parses alone.
// Whitespace at a cut is dropped.
func splitMessage(text string, max int) []string {
	toks := tokenize(text)
	if _, _, _, fits := cutPoint(toks, 0, nil, max); fits {
		if text == "" {
			return nil
		}
		return []string{text}
	}
	var parts []string
	var open []htmlTag // the tags open at start
	start := 0
	for {
		start, open = skipAtCut(toks, start, open)
		if start >= len(toks) {
			return parts
		}
		cut, next, stack, fits := cutPoint(toks, start, open, max)
		if fits {
			if visible(toks[start:]) {
				parts = append(parts, renderPart(open, toks[start:], nil))
			}
			return parts
		}
		parts = append(parts, renderPart(open, toks[start:cut], stack))
		start, open = next, stack
	}
}

// htmlToken is a tag, a character reference or one character.
type htmlToken struct {
	s     string
	width int    // UTF-16 code units it counts for
	name  string // a tag's name
	close bool   // a closing tag
	space byte   // '\n' or ' ' for a break, else 0
}

// htmlTag is an open tag: its name and the opening tag as written.
type htmlTag struct{ name, open string }

func tokenize(text string) []htmlToken {
	var toks []htmlToken
	for len(text) > 0 {
		var t htmlToken
		switch text[0] {
		case '<':
			if j := strings.IndexByte(text, '>'); j > 0 {
				t.s = text[:j+1]
				inner := strings.TrimSpace(text[1:j])
				t.close = strings.HasPrefix(inner, "/")
				inner = strings.TrimPrefix(inner, "/")
				if k := strings.IndexAny(inner, " \t\n"); k >= 0 {
					inner = inner[:k]
				}
				t.name = strings.ToLower(inner)
			}
		case '&':
			if j := strings.IndexByte(text, ';'); j > 1 && j < 12 && !strings.ContainsAny(text[1:j], " <&\n") {
				if dec := html.UnescapeString(text[:j+1]); dec != text[:j+1] {
					t.s, t.width = text[:j+1], len(utf16.Encode([]rune(dec)))
				}
			}
		}
		if t.s == "" { // one character (an invalid byte counts as one)
			r, size := utf8.DecodeRuneInString(text)
			t.s, t.width = text[:size], len(utf16.Encode([]rune{r}))
			if r == '\n' || r == ' ' {
				t.space = byte(r)
			}
		}
		toks = append(toks, t)
		text = text[len(t.s):]
	}
	return toks
}

// skipAtCut skips the whitespace at the start of a part, and closing tags
// there that only end what the part before closed already.
func skipAtCut(toks []htmlToken, i int, open []htmlTag) (int, []htmlTag) {
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.space != 0:
		case t.close && len(open) > 0 && open[len(open)-1].name == t.name:
			open = open[:len(open)-1]
		default:
			return i, open
		}
		i++
	}
	return i, open
}

// cutPoint walks the part from start. When all of it fits, fits is true.
// Otherwise cut is where the part ends (before the last blank line when
// that leaves the part at least half full, else the last line end, else the
// last space, else the character that does not fit), next where the next
// part starts, and stack the tags open at the cut. A blank line first keeps
// a list's entries of several lines (/sources: a name, then its health)
// whole.
func cutPoint(toks []htmlToken, start int, open []htmlTag, max int) (cut, next int, stack []htmlTag, fits bool) {
	stack = append([]htmlTag(nil), open...)
	width := 0
	type breakAt struct {
		i     int
		stack []htmlTag
	}
	var para, line, space *breakAt
	for i := start; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.name != "" && t.close:
			if n := len(stack); n > 0 && stack[n-1].name == t.name {
				stack = stack[:n-1]
			}
			continue
		case t.name != "":
			stack = append(stack, htmlTag{name: t.name, open: t.s})
			continue
		}
		if width+t.width > max {
			b := line
			if para != nil {
				b = para
			}
			if t.space == '\n' && (para == nil || i > 0 && toks[i-1].space == '\n') {
				b = &breakAt{i: i, stack: stack} // the part ends right where a line does
			}
			if b == nil && t.space != 0 {
				b = &breakAt{i: i, stack: stack}
			}
			if b == nil {
				b = space
			}
			if b == nil {
				return i, i, stack, false
			}
			return trimEnd(toks, start, b.i), b.i + 1, b.stack, false
		}
		if t.space != 0 && width > 0 {
			b := &breakAt{i: i, stack: append([]htmlTag(nil), stack...)}
			switch {
			case t.space == '\n' && i > start && toks[i-1].space == '\n' && 2*width >= max:
				para, line = b, b
			case t.space == '\n':
				line = b
			default:
				space = b
			}
		}
		width += t.width
	}
	return 0, 0, nil, true
}

// trimEnd moves a cut back over the whitespace before it.
func trimEnd(toks []htmlToken, start, cut int) int {
	for cut > start && toks[cut-1].space != 0 {
		cut--
	}
	return cut
}

func visible(toks []htmlToken) bool {
	for _, t := range toks {
		if t.width > 0 && t.space == 0 {
			return true
		}
	}
	return false
}

// renderPart writes a part: the tags open at its start, its tokens, and
// closing tags for those open at its end (innermost first).
func renderPart(open []htmlTag, toks []htmlToken, close []htmlTag) string {
	var b strings.Builder
	for _, t := range open {
		b.WriteString(t.open)
	}
	for _, t := range toks {
		b.WriteString(t.s)
	}
	for i := len(close) - 1; i >= 0; i-- {
		b.WriteString("</" + close[i].name + ">")
	}
	return b.String()
}
