package summarize

import (
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
)

// language selects the stop words and the stemmer used to compare
// sentences.
type language int

const (
	langEnglish language = iota
	langGerman
	langSpanish
	langFrench
	langRussian
	langItalian
	langPortuguese
	langOther
	numLanguages
)

// detectLanguage guesses the language of text from the function words in
// its first few hundred words; English wins ties and texts without any.
// A text mostly in Cyrillic is Russian (the stemmer and stop words closest
// to Ukrainian, Belarusian and Bulgarian too).
func detectLanguage(text string, ws *wordScanner) language {
	if len(text) > 2000 {
		end := 2000
		for end > 0 && !utf8.RuneStart(text[end]) {
			end--
		}
		text = text[:end]
	}
	var votes [numLanguages]int
	cjk, cyrillic := 0, 0
	words := 0
	ws.reset(text)
	for w, ok := ws.next(); ok; w, ok = ws.next() {
		words++
		r, _ := utf8.DecodeRune(w)
		if isCJK(r) {
			cjk++
			continue
		}
		if r >= 0x400 && unicode.Is(unicode.Cyrillic, r) {
			cyrillic++
		}
		votes[functionWordLanguage(string(w))]++
	}
	if cjk*2 > words {
		return langOther
	}
	if cyrillic*2 > words {
		return langRussian
	}
	best := langEnglish
	for l := langGerman; l < langOther; l++ {
		if votes[l] > votes[best] {
			best = l
		}
	}
	return best
}

// functionWordLanguage returns the language that word is one of the most
// frequent words of, or langOther. Words shared by several languages
// ("de", "la", "en") are left out on purpose.
func functionWordLanguage(w string) language {
	switch w {
	case "the", "and", "of", "to", "is", "that", "for", "said", "with", "was", "were", "has",
		"have", "from", "by", "which", "this", "would", "their", "its", "but", "not":
		return langEnglish
	case "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "sich", "auf",
		"dem", "ein", "eine", "auch", "wird", "sagte", "zu", "im", "für", "bei", "nach":
		return langGerman
	case "el", "los", "las", "que", "del", "por", "una", "para", "según", "con", "su",
		"fue", "dijo", "como", "más", "pero", "sus", "este", "esta":
		return langSpanish
	case "le", "les", "des", "est", "une", "dans", "pour", "qui", "du", "et", "il",
		"sur", "au", "pas", "été", "selon", "cette", "avec":
		return langFrench
	case "и", "в", "не", "на", "что", "с", "по", "как", "это", "из", "к", "за", "от", "для",
		"он", "она", "его", "также", "был", "была", "было", "были", "заявил", "сообщил":
		return langRussian
	case "che", "della", "delle", "degli", "gli", "nel", "nella", "anche", "alla", "sono",
		"è", "dal", "dalla", "secondo", "questo", "questa", "non", "ai", "dei", "dopo":
		return langItalian
	case "não", "uma", "ao", "pelo", "pela", "foi", "são", "também", "disse", "às",
		"em", "seu", "sua", "mas", "pelos", "ainda", "após", "nas", "nos", "na", "no":
		return langPortuguese
	}
	return langOther
}

// isStopWord reports whether the lower-cased word carries no topic in lang.
func isStopWord(lang language, w string) bool {
	switch lang {
	case langGerman:
		return germanStopWord(w)
	case langSpanish:
		return spanish.IsStopWord(w)
	case langFrench:
		return french.IsStopWord(w)
	case langRussian:
		return russian.IsStopWord(w) || russianStopWord(w)
	case langItalian:
		return italianStopWord(w)
	case langPortuguese:
		return portugueseStopWord(w)
	}
	return english.IsStopWord(w) || reportingWord(w)
}

// reportingWord reports whether the English word w is one news prose uses
// in nearly every sentence whatever the story ("said", "told", "also"):
// counted as content it would make attributions look central.
func reportingWord(w string) bool {
	switch w {
	case "said", "says", "say", "saying", "told", "tells", "added", "adds", "according", "also",
		"would", "could", "will", "may", "might", "one", "two", "new", "year", "years", "last":
		return true
	}
	return false
}

// stem reduces the lower-cased word to its stem in lang. Languages without
// a Snowball stemmer in the module (German, others) get a light suffix
// stripper or a prefix cut, which is enough to match inflected forms for
// sentence similarity.
func stem(lang language, w string) string {
	switch lang {
	case langEnglish:
		return englishStem(w)
	case langSpanish:
		return spanish.Stem(w, true)
	case langFrench:
		return french.Stem(w, true)
	case langGerman:
		return germanStem(w)
	case langRussian:
		return russian.Stem(w, true)
	case langItalian, langPortuguese:
		return romanceStem(w)
	}
	return prefixStem(w, 7)
}

// prefixStem keeps the first n runes of w.
func prefixStem(w string, n int) string {
	i := 0
	for j := range w {
		if i == n {
			return w[:j]
		}
		i++
	}
	return w
}
