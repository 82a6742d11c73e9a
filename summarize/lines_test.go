package summarize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeSpaceRunes is normalizeSpace as it was before its ASCII and
// trimming shortcuts: rune by rune.
func normalizeSpaceRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
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

// TestNormalizeSpaceShortcuts checks normalizeSpace against the rune-by-rune
// reading on strings made of spaces, controls, zero-width characters, invalid
// bytes and letters.
func TestNormalizeSpaceShortcuts(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\r", "\v", "\f", "\x00", "\x1f", "\x7f", "\u0085", "\u00a0", "\u3000",
		"\u2003", "\u200b", "\ufeff", "\u00ad", "\xff", "\xc3", "a", "Zo", "é", "北京", "9", ".", "word", "\u0301"}
	cases := []string{"", " ", "a", " a ", "a  b", "Police said. ", " x", "x\t", "\u00a0x\u00a0"}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := normalizeSpace(s), normalizeSpaceRunes(s); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
