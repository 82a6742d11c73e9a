package query

import (
	"strings"
	"unicode"
)

// Arabic words are stemmed by Light10 (Larkey, Connell and Ballesteros,
// "Light stemming for Arabic information retrieval", 2007; the stemmer of
// Lucene's ArabicAnalyzer): a light stemmer that strips the definite
// article and the conjunctions and prepositions written onto it, and common
// suffixes, but knows no roots nor broken plurals (زلازل stays apart from
// زلزال). Snowball's Arabic stemmer (in the snowballstem module already
// used here) was tried first and dropped: it strips والـ from some words
// but not others (الزلزال and بالزلزال stem to زلزال, والزلزال stays
// itself), and cuts names (بيروت → يرو).

// arabicPrefixes are the prefixes Light10 strips, the first that fits
// only: the definite article and the article after و (and), ب (with), ك
// (like), ف (so), ل (for: لل), then و alone.
var arabicPrefixes = [...]string{"ال", "وال", "بال", "كال", "فال", "لل", "و"}

// arabicSuffixes are the suffixes Light10 strips, each at most once, in this
// order: pronoun endings (ها, ه, ي), the dual and plural endings (ان, ات,
// ون, ين) and the adjective endings (يه, ية).
var arabicSuffixes = [...]string{"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"}

// arabicStem returns the Light10 stem of t, a token of Arabic letters as
// Terms writes it: normalised first (short vowels, shadda, sukun and the
// tatweel removed; أ, إ, آ written ا; ى written ي; ة written ه), then one
// prefix of arabicPrefixes stripped when at least two letters remain (three
// for و), then the suffixes, each when at least two letters remain. A
// token that is not entirely Arabic is returned unchanged.
func arabicStem(t string) string {
	s, _ := arabicStems(t)
	return s
}

// arabicStems returns the Light10 stem of t (see arabicStem) and, when the
// prefix it stripped is the lone و, the stem of t with the و kept ("" when
// there is none): و is also a first letter of many words (وزير, minister,
// whose Light10 stem زير is not that of الوزير, وزير). A document's word
// has both stems, and so has a query word: either meets the other.
func arabicStems(t string) (string, string) {
	if !isArabicWord(t) {
		return t, ""
	}
	w := []rune(normalizeArabic(t))
	waw := false
	for _, p := range arabicPrefixes {
		pr := []rune(p)
		need := len(pr) + 2
		if len(pr) == 1 {
			need = 4
		}
		if len(w) >= need && string(w[:len(pr)]) == p {
			waw = p == "و"
			w = w[len(pr):]
			break
		}
	}
	stem := string(arabicSuffix(w))
	if !waw {
		return stem, ""
	}
	kept := string(arabicSuffix(append([]rune{'و'}, w...)))
	if kept == stem {
		return stem, ""
	}
	return stem, kept
}

// arabicSuffix strips the suffixes of arabicSuffixes from w, each when at
// least two letters remain.
func arabicSuffix(w []rune) []rune {
	for _, s := range arabicSuffixes {
		sr := []rune(normalizeArabic(s))
		if len(w) >= len(sr)+2 && string(w[len(w)-len(sr):]) == string(sr) {
			w = w[:len(w)-len(sr)]
		}
	}
	return w
}

// normalizeArabic writes the letters that Arabic text spells several ways
// one way, and drops the short vowels and the tatweel.
func normalizeArabic(t string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'أ', 'إ', 'آ':
			return 'ا'
		case 'ى':
			return 'ي'
		case 'ة':
			return 'ه'
		case 'ـ', // tatweel
			'\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652':
			return -1
		}
		return r
	}, t)
}

// isArabicWord reports whether t is entirely Arabic letters and marks, and
// has a letter.
func isArabicWord(t string) bool {
	letter := false
	for _, r := range t {
		// the short vowels and shadda are of the Inherited script
		if !(unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// isArabicStart reports whether r, a token's first rune, is Arabic: the
// token is then stemmed by arabicStem under every language.
func isArabicStart(r rune) bool { return r >= 0x600 && r <= 0x6FF || unicode.Is(unicode.Arabic, r) }

// ArabicStemmed reports whether token t, a token as Terms writes it, has a
// stem of its own since Arabic words are stemmed (store migration 0054): the
// store indexes the articles holding such a token again.
func ArabicStemmed(t string) bool {
	s, kept := arabicStems(t)
	return s != t || kept != ""
}
