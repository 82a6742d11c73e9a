package summarize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// indexFoldByRunes is indexFold as it read s before its bytes were
// compared for an ASCII first letter: a rune at a time.
func indexFoldByRunes(s, sub string, limit int) int {
	if sub == "" || len(sub) > len(s) {
		return -1
	}
	first, _ := utf8.DecodeRuneInString(sub)
	lower, upper := unicode.ToLower(first), unicode.ToUpper(first)
	for i := 0; i <= limit && i+len(sub) <= len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == lower || r == upper) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
		i += size
	}
	return -1
}

// TestIndexFoldAsByRunes: indexFold finds what reading a rune at a time
// found, in text of every kind: ASCII, letters whose case has an ASCII
// side (the Kelvin sign, the long s, the dotted capital I), broken UTF-8.
func TestIndexFoldAsByRunes(t *testing.T) {
	bits := []string{"a", "A", "b", "S", "s", "k", "K", "i", "I", " ", "\u212a", "\u017f", "\u0130", "é", "É", "\xff", "\xe2\x82", "\x82", "ab", "Ab", "sk", "—"}
	r := rand.New(rand.NewPCG(32, 18))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(bits[r.IntN(len(bits))])
		}
		return b.String()
	}
	for range 200000 {
		s, sub, limit := word(r.IntN(12)), word(1+r.IntN(3)), r.IntN(14)
		if got, want := indexFold(s, sub, limit), indexFoldByRunes(s, sub, limit); got != want {
			t.Fatalf("indexFold(%q, %q, %d) = %d, a rune at a time %d", s, sub, limit, got, want)
		}
	}
}

// FuzzIndexFold: whatever the strings, indexFold finds what reading a rune
// at a time found.
func FuzzIndexFold(f *testing.F) {
	f.Add("Photo: AP Storm hits the coast. It", "storm hits the coast", 500)
	f.Add("\u212aelvin k", "k", 5)
	f.Fuzz(func(t *testing.T, s, sub string, limit int) {
		if got, want := indexFold(s, sub, limit), indexFoldByRunes(s, sub, limit); got != want {
			t.Fatalf("indexFold(%q, %q, %d) = %d, a rune at a time %d", s, sub, limit, got, want)
		}
	})
}
