package query

import (
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
// for any other text.
func foldSimple(text string) (_ string, ok bool) {
	inert := inertRunes()
	upper := -1 // the first upper-case ASCII letter
	for i := 0; i < len(text); {
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
	// at a time.
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for i := upper; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(text[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	b.WriteString(text[last:])
	return b.String(), true
}
