package summarize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeSpaceBytes is normalizeSpace as it was before it copied runs of
// kept characters at once (session 27): a whole-line check, a check of the
// line trimmed, then byte by byte. Its one quirk stays in normalizeSpace:
// a line that needs no other change keeps a C1 control (U+0080–U+009F but
// U+0085), which the byte-by-byte path removes.
func normalizeSpaceBytes(s string) string {
	if spaceNormal(s) {
		return s
	}
	if t := strings.Trim(s, " "); spaceNormal(t) {
		return t
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
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

// spacePieces are what the random lines of the tests below are made of:
// every kind of character normalizeSpace treats apart, and words.
var spacePieces = []string{" ", " ", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\x00", "\x1f", "\x7f", "\u0080", "\u0085",
	"\u009f", "\u00a0", "\u3000", "\u2003", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufffd", "\xff",
	"\xc3", "\xe2\x80", "a", "Zo", "é", "北京", "9", ".", "word", "\u0301", "👨", "\ufe0f", "\u0645", "\u0915\u094d",
	"Police said the", "&nbsp;", "—", "“quoted”"}

// TestNormalizeSpaceAsBefore checks normalizeSpace against the way it was
// (normalizeSpaceBytes) on random lines of spacePieces and on every line
// of the real articles of the shared data, as they come and cleaned.
func TestNormalizeSpaceAsBefore(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := normalizeSpace(s), normalizeSpaceBytes(s); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, before %q", s, got, want)
		}
	}
	for _, s := range []string{"", " ", "  ", "a", " a ", "a  b", "a\u0080", " a\u0080 ", "a\u0080  b", "a \u00a0b",
		"a\u00a0 \u00a0b", "\u00a0x\u00a0", "a\u200d\u200db", "👨\u200d👩", "👨 \u200d👩", "x \u0080 y"} {
		check(s)
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b strings.Builder
		for range rnd.IntN(16) {
			b.WriteString(spacePieces[rnd.IntN(len(spacePieces))])
		}
		check(b.String())
	}
	texts := sharedTexts(t)
	for _, text := range texts {
		for _, in := range []string{text, Clean(text)} {
			for line := range strings.SplitSeq(in, "\n") {
				check(line)
			}
		}
	}
	t.Logf("%d shared texts", len(texts))
}

// FuzzNormalizeSpace checks the same on any line.
func FuzzNormalizeSpace(f *testing.F) {
	for _, p := range spacePieces {
		f.Add("a" + p + "b " + p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalizeSpace(s), normalizeSpaceBytes(s); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, before %q", s, got, want)
		}
	})
}
