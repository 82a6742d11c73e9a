package query

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newshound/newshound/internal/shareddata"
)

// The tokenizer's code as it was before it read ASCII eight bytes at a time (foldSimple, isASCII) and a run of
// a-z and 0-9 at once (spans): the oracle of the tests below, which want the same tokens, the same substrings
// and the same folded text.

func isASCIIByByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (n *normalizer) foldedByByte(text string) string {
	if isASCIIByByte(text) {
		return text
	}
	if s, ok := foldSimpleByByte(text); ok {
		return s
	}
	return n.foldedByChain(text)
}

func foldSimpleByByte(text string) (_ string, ok bool) {
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

func (n *normalizer) spansByByte(text string, emit func(tok []byte, sub string)) {
	s := n.foldedByByte(text)
	tok := n.tok[:0]
	nonASCII := false // tok holds a non-ASCII rune and needs recomposing (NFC)
	latinBase := true // the last base letter in tok is Latin (or not a letter): its marks are diacritics to drop
	solo := false     // tok is one character of a no-space script; only marks may join it
	start := 0        // with verbatim, tok is s[start:start+len(tok)]
	verbatim := false
	flush := func() {
		if len(tok) > 0 {
			switch {
			case nonASCII:
				n.nfc = norm.NFC.Append(n.nfc[:0], tok...)
				emit(n.nfc, "")
			case verbatim:
				emit(tok, s[start:start+len(tok)])
			default:
				emit(tok, "")
			}
		}
		tok, nonASCII, latinBase, solo = tok[:0], false, true, false
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if solo {
				flush()
			}
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if len(tok) == 0 {
					start, verbatim = i-1, true
				} else if start+len(tok) != i-1 {
					verbatim = false // a dropped mark between
				}
				tok = append(tok, c)
				latinBase = true
			case c >= 'A' && c <= 'Z':
				tok = append(tok, c+'a'-'A')
				latinBase, verbatim = true, false
			case c == '\'':
				i = skipPossessive(s, i, len(tok) > 0)
				flush()
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\u0640' {
			// The tatweel (kashida) stretches an Arabic word to justify a
			// line; it is no letter of it (مريـديان is مريديان). A Common
			// script letter, it kept the word from being read as Arabic.
			continue
		}
		if r == '\u20e3' {
			// The combining enclosing keycap: "1️⃣" is the digit 1 in a key, and the word 1; a keycap ends its word
			// as an emoji does ("1️⃣2️⃣" is 1 and 2), and on a symbol ("#️⃣") it is nothing. Kept as a mark, it made
			// the word "1⃣", which no article writing "1" has.
			flush()
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			if r >= 0x0591 && r <= 0x05c7 || r >= 0x064b && r <= 0x0652 {
				// Hebrew's vowel points (niqqud), dagesh, shin and sin dots and cantillation, and Arabic's short
				// vowels, tanween, shadda and sukun: news writes without them, or with a few (أيضاً), children's
				// books, poetry and dictionaries with them all, so שָׁלוֹם is שלום and أيضاً أيضا, as é is e.
				continue
			}
			if len(tok) > 0 && !latinBase {
				tok = utf8.AppendRune(tok, r)
				nonASCII = true
			}
			continue
		}
		if solo && !unicode.IsMark(r) {
			flush()
		}
		switch {
		case r == '’':
			i = skipPossessive(s, i, len(tok) > 0)
			flush()
		case unicode.IsLetter(r) && noSpaceScript(r):
			flush()
			tok = utf8.AppendRune(tok, r)
			nonASCII, latinBase, solo = true, false, true
		case isWordRune(r):
			if unicode.Is(unicode.Cherokee, r) {
				// Unicode folds Cherokee to its capitals, but x/text's cases.Fold (v0.44) swaps small and
				// capital letters, which would make Ᏼ and ᏼ two words.
				r = unicode.ToUpper(r)
			}
			if r == 'ł' { // a Polish l with a stroke, which no decomposition takes off: Łódź = Lodz
				r = 'l'
			} else if r >= 0x649 && r <= 0x6F9 {
				r = foldArabicLetter(r)
			}
			tok = utf8.AppendRune(tok, r)
			nonASCII = true
			if r < utf8.RuneSelf {
				// An Arabic-Indic digit, now ASCII: a mark after it goes as after an ASCII digit, or the
				// token of "۶" and a mark would differ from that of "6" and the mark (FuzzParse).
				latinBase = true
			} else if unicode.IsLetter(r) {
				// Greek's accents go as Latin diacritics do: capitals are
				// written without them (ΕΚΛΟΓΕΣ = Εκλογές).
				latinBase = unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Greek, r)
			}
		default:
			flush()
		}
	}
	flush()
	n.tok = tok
}

type span struct{ tok, sub string }

func spansOf(text string, spans func(*normalizer, string, func([]byte, string))) []span {
	var out []span
	spans(newNormalizer(), text, func(tok []byte, sub string) { out = append(out, span{string(tok), sub}) })
	return out
}

// sameSpans checks that spans, folded, foldSimple and isASCII give text what their byte-at-a-time versions give it.
func sameSpans(t *testing.T, text string) {
	t.Helper()
	if got, want := isASCII(text), isASCIIByByte(text); got != want {
		t.Fatalf("isASCII(%q) = %v, want %v", text, got, want)
	}
	got, gotOK := foldSimple(text)
	want, wantOK := foldSimpleByByte(text)
	if got != want || gotOK != wantOK {
		t.Fatalf("foldSimple(%q) = %q, %v; want %q, %v", text, got, gotOK, want, wantOK)
	}
	if got, want := newNormalizer().folded(text), newNormalizer().foldedByByte(text); got != want {
		t.Fatalf("folded(%q) = %q, want %q", text, got, want)
	}
	a := spansOf(text, (*normalizer).spans)
	b := spansOf(text, (*normalizer).spansByByte)
	if len(a) != len(b) {
		t.Fatalf("spans(%q): %d tokens %q, byte by byte %d %q", text, len(a), a, len(b), b)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("spans(%q): token %d is %q, byte by byte %q", text, i, a[i], b[i])
		}
	}
}

// randomText returns text of ASCII (letters of both cases, digits, spaces, apostrophes, punctuation), inert
// runes, marks, letters of other scripts and invalid bytes, in runs, with pieces of seed.
func randomText(rnd *rand.Rand, seed string) string {
	pieces := []string{" ", "'", "’", "s", "S", "“", "”", "—", "\u0301", "é", "É", "ß", "ﬁ", "\u00a0", "\xff", "\u0640",
		"\u20e3", "1", "۶", "ł", "日本", "ไทย", "Ꮿ", "ᏼ", "שָׁלוֹם", "أيضاً", "ک", "Ελληνικά", "Москва", ".", ",", "-", "\n", "_"}
	var b strings.Builder
	for range 1 + rnd.Intn(60) {
		switch k := rnd.Intn(10); {
		case k < 4:
			for range 1 + rnd.Intn(20) {
				b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789"[rnd.Intn(36)])
			}
		case k == 4:
			for range 1 + rnd.Intn(12) {
				b.WriteByte('A' + byte(rnd.Intn(26)))
			}
		case k == 5:
			b.WriteByte(byte(rnd.Intn(128)))
		case k == 6 && seed != "":
			i := rnd.Intn(len(seed) + 1)
			b.WriteString(seed[i:min(len(seed), i+rnd.Intn(30))])
		default:
			b.WriteString(pieces[rnd.Intn(len(pieces))])
		}
	}
	return b.String()
}

// TestSpansAsByByte compares the tokenizer with its byte-at-a-time self on hand-made texts, random ones, every
// length of a text's prefix (so that each byte falls at each place of an eight-byte word) and the shared real news.
func TestSpansAsByByte(t *testing.T) {
	texts := []string{"", "a", "A", "Korea's talks", "KURSK — Minsk’s “Talks”", "e\u0301t\u0301e\u0301", "abcdefgh", "ABCDEFGH",
		"abcdefghI", "@[`{AZaz09", "日本語のテキスト abc", "1\u20e3 2\u20e3", "مريـديان", "caf\xffé", strings.Repeat("Ab “C” d’s ", 30)}
	rnd := rand.New(rand.NewSource(1))
	for range 1000 {
		texts = append(texts, randomText(rnd, ""))
	}
	for _, s := range texts {
		for k := 0; k <= len(s) && k < 16; k++ {
			sameSpans(t, s[k:])
			sameSpans(t, s[:len(s)-k])
		}
	}
	n := 0
	for _, s := range shareddata.Texts(t) {
		sameSpans(t, s)
		n++
	}
	t.Logf("%d random texts, %d real ones", len(texts), n)
}

// FuzzSpans compares the same on any text and on random text around it.
func FuzzSpans(f *testing.F) {
	f.Add("Talks “resume” in KURSK — officials’ reports", int64(1))
	f.Add("e\u0301 – café 日本 Łódź", int64(2))
	f.Fuzz(func(t *testing.T, text string, seed int64) {
		sameSpans(t, text)
		sameSpans(t, randomText(rand.New(rand.NewSource(seed)), text))
	})
}
