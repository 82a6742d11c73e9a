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
// they are, without allocating; the others are copied a run of kept characters at a time
// (plainEnd), not a byte at a time: a no-break space before a paragraph's last word sent
// the whole paragraph through the byte-by-byte path.
func normalizeSpace(s string) string {
	a, z := 0, len(s)
	for a < z && s[a] == ' ' {
		a++
	}
	for z > a && s[z-1] == ' ' {
		z--
	}
	t := s[a:z]
	k := plainEnd(t, 0)
	if k == len(t) {
		return t // only spaces at the ends, if any: a substring will do
	}
	if hasC1(t[k:]) && spaceNormal(t) {
		// A C1 control stops the run of what is copied as it is, but not
		// spaceNormal: a line that needs no other change has always kept
		// it.
		return t
	}
	var b strings.Builder
	b.Grow(len(t))
	b.WriteString(t[:k])
	space := false
	for i := k; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf { // ASCII: unicode.IsSpace and IsControl byte by byte
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				i++
				space = b.Len() > 0
				continue
			case c < ' ' || c == 0x7f:
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(t[i:])
			if !plainRune(r) {
				i += size
				switch {
				case (r == '\u200c' || r == '\u200d') && !space && joins(&b, t[i:]):
					// a joiner inside an emoji sequence (👨‍👩‍👧) or a word of a
					// script that spells with it (Persian می‌خواهم, Devanagari क्‍ष)
					b.WriteRune(r)
				case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
					space = b.Len() > 0
				}
				continue
			}
		}
		// A run of what is copied as it is, from a character that is.
		end := plainEnd(t, i)
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(t[i:end])
		i = end
	}
	return b.String()
}

// plainEnd returns the end of the run of s from i that normalizeSpace
// copies as it is: characters it keeps without a second look, single
// spaces between them. The run ends before a space at i, two spaces, a
// space at the end, and anything else normalizeSpace removes or turns
// into a space (including a joiner, which joins decides on).
func plainEnd(s string, i int) int {
	start, end := i, i // end: after the last character of the run
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ':
			if i != end || i == start {
				return end
			}
			i++
			continue
		case c < utf8.RuneSelf:
			if c < ' ' || c == 0x7f {
				return end
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !plainRune(r) {
				return end
			}
			i += size
		}
		end = i
	}
	return end
}

// hasC1 reports whether s holds a C1 control (U+0080–U+009F).
func hasC1(s string) bool {
	for {
		i := strings.IndexByte(s, 0xc2)
		if i < 0 || i+1 >= len(s) {
			return false
		}
		if c := s[i+1]; 0x80 <= c && c <= 0x9f {
			return true
		}
		s = s[i+1:]
	}
}

// plainRune reports whether normalizeSpace keeps the rune r beyond ASCII
// as it is: not white space, a zero-width character, a soft hyphen, a
// byte-order mark, a control or an invalid byte.
func plainRune(r rune) bool {
	switch r {
	case utf8.RuneError, '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u00a0', '\u3000':
		return false
	}
	return !unicode.IsSpace(r) && !unicode.IsControl(r)
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
