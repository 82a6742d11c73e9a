package summarize

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// logicalLines yields the non-empty lines of text with their spaces
// normalised. A line that starts with a lower-case letter continues the
// line before it (text hard-wrapped at a fixed width), so the two are
// joined.
func logicalLines(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		pending := ""
		var joined strings.Builder // used only while joining wrapped lines
		flush := func() bool {
			line := pending
			if joined.Len() > 0 {
				line = joined.String()
				joined.Reset()
			}
			pending = ""
			return line == "" || yield(line)
		}
		for text != "" {
			raw, rest, _ := strings.Cut(text, "\n")
			text = rest
			line := normalizeSpace(raw)
			if line == "" {
				if !flush() {
					return
				}
				continue
			}
			if pending != "" {
				if r, _ := utf8.DecodeRuneInString(line); unicode.IsLower(r) {
					// A Builder keeps joining linear: hostile text with
					// thousands of wrapped lines must not go quadratic.
					if joined.Len() == 0 {
						joined.WriteString(pending)
					}
					joined.WriteByte(' ')
					joined.WriteString(line)
					continue
				}
				if !flush() {
					return
				}
			}
			pending = line
		}
		flush()
	}
}

// normalizeSpace trims s and turns every run of white space (tabs, no-break
// and other Unicode spaces) into one ASCII space; zero-width characters, soft
// hyphens and byte-order marks go, but for a zero-width joiner or non-joiner
// between two characters that use it (see joins). Lines needing no change are returned as
// they are, without allocating.
func normalizeSpace(s string) string {
	if spaceNormal(s) {
		return s
	}
	if t := strings.Trim(s, " "); spaceNormal(t) {
		return t // only spaces at the ends: a substring will do
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII: unicode.IsSpace and IsControl byte by byte
			i++
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				space = b.Len() > 0
				continue
			case c < ' ' || c == 0x7f:
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case (r == '\u200c' || r == '\u200d') && !space && joins(&b, s[i:]):
			// a joiner inside an emoji sequence (👨‍👩‍👧) or a word of a
			// script that spells with it (Persian می‌خواهم, Devanagari क्‍ष)
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
			space = b.Len() > 0
			continue
		case r == utf8.RuneError || unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// joins reports whether a zero-width joiner or non-joiner between what b
// ends with and what rest starts with does something: both are non-ASCII
// letters, marks or symbols (an emoji, a skin tone, the variation selector
// U+FE0F, a letter of Persian, Arabic or an Indic script). Between ASCII
// letters, at a word's edge or beside a space it is a stray.
func joins(b *strings.Builder, rest string) bool {
	prev, _ := utf8.DecodeLastRuneInString(b.String())
	next, _ := utf8.DecodeRuneInString(rest)
	return joinable(prev) && joinable(next)
}

func joinable(r rune) bool {
	return r >= utf8.RuneSelf && r != utf8.RuneError &&
		(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.In(r, unicode.So, unicode.Sk))
}

// spaceNormal reports whether s is already trimmed, has single ASCII spaces
// only and no characters that normalizeSpace removes.
func spaceNormal(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case c < ' ' || c == 0x7f:
			return false
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' ||
				r == '\u2060' || r == '\ufeff' || r == '\u00ad' || r == '\u3000' {
				return false
			}
			i += size - 1
		}
		prevSpace = false
	}
	return true
}
