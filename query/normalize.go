package query

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Terms normalises free text into the tokens the matcher uses, in text order and with repeats: NFKC, case folding,
// diacritics removed from Latin and Greek letters and vowel marks from Hebrew and Arabic ones, Turkish ı and Russian ё read as i and е, Persian and Arabic kaf and yeh written one way (ک = ك, ی = ى = ي) and
// Arabic-Indic digits as ASCII ones, possessive 's dropped, one token per character of Han, Hiragana, Katakana and
// Thai. The tokens are not stemmed (see Stem). Terms never fails; text that is not valid UTF-8 is read with U+FFFD
// in place of each bad byte, which separates words.
func Terms(text string) []string {
	var out []string
	newNormalizer().tokens(text, func(tok []byte) { out = append(out, string(tok)) })
	return out
}

// normalizer turns text into tokens. It keeps x/text transformers, which carry state between calls, so one
// normalizer must not be used by two goroutines at once; they are cheap to make.
type normalizer struct {
	fold transform.Transformer // NFKC, then full case folding, then NFD so that marks can be dropped one by one; nil until needed
	tok  []byte
	nfc  []byte
}

func newNormalizer() *normalizer { return &normalizer{} }

// folded returns text after NFKC, case folding and canonical decomposition. ASCII text skips the transformers: all
// three are the identity on it except folding, which the tokenizer does for ASCII itself. So does text of ASCII and
// inertRunes, lower-cased (foldSimple): the transformers would leave those runes and their neighbours as they are.
func (n *normalizer) folded(text string) string {
	if isASCII(text) {
		return text
	}
	if s, ok := foldSimple(text); ok { // curly quotes and dashes: what most news text holds beyond ASCII
		return s
	}
	return n.foldedByChain(text)
}

// foldedByChain is folded through the transformers, whatever the text.
func (n *normalizer) foldedByChain(text string) string {
	if n.fold == nil {
		// Made on first need: the chain allocates buffers of several KB, and most queries are ASCII.
		n.fold = foldChain()
	}
	// The norm transformers pass invalid bytes through together with what follows them, undecomposed.
	text = strings.ToValidUTF8(text, "\uFFFD")
	s, _, err := transform.String(n.fold, text)
	if err != nil {
		// The chain fails only on internal buffer limits with pathological input; the raw text still
		// tokenizes, just without folding of the offending part.
		return text
	}
	return s
}

func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&highBits != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// noSpaceScript reports whether r belongs to a script written without spaces between words, where every character
// is a token of its own.
func noSpaceScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
}

// skipPossessive returns where to go on after an apostrophe that ends at s[i]: past a possessive "s" that follows
// a word ("Korea's" → korea), else i (any other apostrophe just ends the word: "don't" → don, t).
func skipPossessive(s string, i int, afterWord bool) int {
	if !afterWord || i >= len(s) || (s[i] != 's' && s[i] != 'S') {
		return i
	}
	if i+1 == len(s) {
		return i + 1
	}
	if next, _ := utf8.DecodeRuneInString(s[i+1:]); !isWordRune(next) {
		return i + 1
	}
	return i
}

// foldArabicLetter writes one way the letters that Persian and Arabic text
// spell two ways, often within one outlet (a Persian keyboard types ک and ی,
// an Arabic one ك and ي; the final ى of Arabic is written ي by many): keheh
// ک is kaf ك, Farsi yeh ی and alef maksura ى are yeh ي; and the Arabic-Indic
// digits (٠–٩, Persian ۰–۹) are ASCII digits, as news in Latin script writes
// them (١٢ = ۱۲ = 12). Other runes are returned as they are.
func foldArabicLetter(r rune) rune {
	switch {
	case r == 'ک': // U+06A9 keheh
		return 'ك'
	case r == 'ی' || r == 'ى': // U+06CC Farsi yeh, U+0649 alef maksura
		return 'ي'
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	}
	return r
}

// isWordRune reports whether r continues or starts a word: letters, numbers and combining marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// lowerWordByte holds the ASCII bytes that a token takes as they are: a-z and 0-9.
var lowerWordByte = [256]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true,
	'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true,
	'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

// tokens calls emit with each token of text in order. The slice passed to emit is reused after emit returns.
func (n *normalizer) tokens(text string, emit func(tok []byte)) {
	n.spans(text, func(tok []byte, _ string) { emit(tok) })
}

// spans calls emit with each token of text in order, as tokens does, and with the token as a string when the
// folded text holds it as it is (a word in lower-case ASCII letters and digits, which most words of Latin-script
// text are), else "": a substring costs no allocation. The slice passed to emit is reused after emit returns.
func (n *normalizer) spans(text string, emit func(tok []byte, sub string)) {
	s := n.folded(text)
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
				// The rest of the run of such bytes goes in at once: each would only be appended, and would
				// keep tok where it stands in s (or not) as this one leaves it.
				j := i
				for j < len(s) && lowerWordByte[s[j]] {
					j++
				}
				tok = append(tok, s[i-1:j]...)
				i = j
				latinBase = true
			case c >= 'A' && c <= 'Z':
				tok = append(tok, c+'a'-'A')
				latinBase, verbatim = true, false
			case c == '\'':
				i = skipPossessive(s, i, len(tok) > 0)
				flush()
			default:
				if len(tok) > 0 { // an empty tok has every flag as flush leaves it
					flush()
				}
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
			if r == '\u0308' && bytes.HasSuffix(tok, []byte("е")) {
				// The diaeresis of Russian ё, which decomposes to е and it: Russian news writes ё
				// rarely and dictionaries always (ещё and еще, Пётр and Петр), so ё is е. Ukrainian ї (і and
				// the diaeresis) stays itself.
				continue
			}
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
			} else if r == 'ı' {
				// Turkish dotless ı, a letter of its own that no decomposition or case folding takes
				// to i, and that Turkish keyboards type where others type i (İ, capital dotted, folds
				// to i and a dot, which goes as a diacritic): Diyarbakır = diyarbakir, ISTANBUL =
				// İstanbul = istanbul.
				r = 'i'
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
