package summarize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newshound/newshound/internal/shareddata"
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
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if (r == '\u200c' || r == '\u200d') && !space && joins(&b, s[i:]) {
			b.WriteRune(r)
			continue
		}
		space = normalizeSpaceRune(&b, space, r)
	}
	return b.String()
}

// normalizeSpaceRune is one step of the rune-by-rune reading of
// normalizeSpace, shared by the two readings of before (normalizeSpaceBytes,
// normalizeSpaceRunes): it drops r (a zero-width character, a control, an
// invalid byte), holds a space for r (any white space, once a character is
// written) or writes r after the space held. It returns whether a space is
// held.
func normalizeSpaceRune(b *strings.Builder, space bool, r rune) bool {
	switch {
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
		return space
	case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
		return b.Len() > 0
	case r == utf8.RuneError || unicode.IsControl(r):
		return space
	}
	if space {
		b.WriteByte(' ')
	}
	b.WriteRune(r)
	return false
}

// randomLines returns n lines of up to maxPieces pieces each, drawn by rnd.
func randomLines(rnd *rand.Rand, pieces []string, n, maxPieces int) []string {
	lines := make([]string, n)
	for i := range lines {
		var b strings.Builder
		for range rnd.IntN(maxPieces) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		lines[i] = b.String()
	}
	return lines
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
	for _, s := range randomLines(rand.New(rand.NewPCG(3, 4)), spacePieces, 200000, 16) {
		check(s)
	}
	texts := shareddata.Texts(t)
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
