package query

import (
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldChain is the transformation folded applies: NFKC, then full case
// folding, then NFD so that marks can be dropped one by one.
func foldChain() transform.Transformer {
	return transform.Chain(norm.NFKC, cases.Fold(), norm.NFD)
}

// inertRunes are the non-ASCII runes of news text's punctuation that the
// fold chain leaves as they are and that join nothing on either side: curly
// quotes, dashes, guillemets. Text of ASCII and these alone folds as a
// lower-cased copy, without the transformers (folded). Which runes qualify
// is asked of the transformers themselves, once.
var inertRunes = sync.OnceValue(func() map[rune]bool {
	chain := foldChain()
	out := map[rune]bool{}
	for _, r := range "‐‑‒–—―‖‘’‚‛“”„‟†‡•‰′″‹›«»·¡¿§¶°±×÷€£¥¢©®™" {
		s := string(r)
		if t, _, err := transform.String(chain, s); err != nil || t != s {
			continue
		}
		if inertIn(norm.NFKC, s) && inertIn(norm.NFD, s) && inertIn(norm.NFC, s) {
			out[r] = true
		}
	}
	return out
})

// inertIn reports whether the form f neither changes s (one rune) nor
// joins it with what stands on either side.
func inertIn(f norm.Form, s string) bool {
	p := f.PropertiesString(s)
	return f.IsNormalString(s) && p.CCC() == 0 && p.BoundaryBefore() && p.BoundaryAfter() && len(p.Decomposition()) == 0
}

// foldSimple returns text folded when it holds nothing but ASCII and
// inertRunes: ASCII letters lower-cased, the rest as it is; ok is false
// for any other text. ASCII is read eight bytes at a time (see upperIn).
func foldSimple(text string) (_ string, ok bool) {
	inert := inertRunes()
	upper := -1 // the first upper-case ASCII letter
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			if w := load64(text, i); w&highBits == 0 {
				if m := upperIn(w); upper < 0 && m != 0 {
					upper = i + bits.TrailingZeros64(m)/8
				}
				i += 8
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if upper < 0 && 'A' <= c && c <= 'Z' {
				upper = i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !inert[r] {
			return "", false
		}
		i += size
	}
	if upper < 0 {
		return text, true
	}
	// Copied in runs between the capitals (a few a sentence), not a byte
	// at a time; eight bytes without a capital are passed over at once.
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for i := upper; i < len(text); {
		if i+8 <= len(text) {
			if w := load64(text, i); w&highBits == 0 && upperIn(w) == 0 {
				i += 8
				continue
			}
		}
		if c := text[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(text[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
		i++
	}
	b.WriteString(text[last:])
	return b.String(), true
}

// highBits has the high bit of each of eight bytes set: a word w of text is ASCII when w&highBits is 0.
const highBits = 0x8080808080808080

// load64 returns the eight bytes of s from i on as one little-endian word (one load: the compiler combines them).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// upperIn returns w, eight ASCII bytes (w&highBits is 0), with the high bit of each byte that is an upper-case
// letter A–Z set and every other bit clear. Adding 0x3f sets a byte's high bit from 'A' (0x41) on, adding 0x25
// from '[' (0x5b) on; with no byte above 0x7f neither sum carries into the next byte.
func upperIn(w uint64) uint64 {
	const ones = 0x0101010101010101
	return (w + 0x3f*ones) &^ (w + 0x25*ones) & highBits
}
