package summarize

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// normalizeSpaceRunes is normalizeSpace as it was before its ASCII and
// trimming shortcuts: rune by rune.
func normalizeSpaceRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		space = normalizeSpaceRune(&b, space, r)
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
	cases = append(cases, randomLines(rand.New(rand.NewPCG(1, 2)), pieces, 20000, 12)...)
	for _, s := range cases {
		if got, want := normalizeSpace(s), normalizeSpaceRunes(s); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNormalizeSpaceJoiners: a zero-width joiner or non-joiner stays where
// it joins (an emoji sequence, a Persian or Indic word) and goes where it is
// a stray.
func TestNormalizeSpaceJoiners(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"family emoji", "A family 👨\u200d👩\u200d👧 moved in.", "A family 👨\u200d👩\u200d👧 moved in."},
		{"emoji with variation selector", "Rainbow flag 🏳\ufe0f\u200d🌈 raised", "Rainbow flag 🏳\ufe0f\u200d🌈 raised"},
		{"skin tone and gender", "Runner 🏃🏽\u200d♀\ufe0f wins", "Runner 🏃🏽\u200d♀\ufe0f wins"},
		{"Persian non-joiner", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 here", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 here"},
		{"Devanagari joiner", "\u0915\u094d\u200d\u0937 text", "\u0915\u094d\u200d\u0937 text"},
		{"joiner between ASCII letters", "pass\u200dword", "password"},
		{"non-joiner between ASCII letters", "sign\u200cup", "signup"},
		{"joiner at a word's edge", "word\u200d next", "word next"},
		{"joiner before a space after an emoji", "👍\u200d ok", "👍 ok"},
		{"joiner after a space", "a \u200d👍", "a 👍"},
		{"joiner at the start", "\u200d👍 yes", "👍 yes"},
		{"joiner at the end", "yes 👍\u200d", "yes 👍"},
		{"zero-width space between emoji", "👨\u200b👩", "👨👩"},
		{"two joiners in a row", "👨\u200d\u200d👩", "👨\u200d👩"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeSpace(tt.in); got != tt.want {
				t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
